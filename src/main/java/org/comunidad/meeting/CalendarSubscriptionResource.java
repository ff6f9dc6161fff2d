package org.comunidad.meeting;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.Pages;
import org.comunidad.platform.web.SiteConfig;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The page where a member subscribes their calendar to their meetings: the personal feed's secret
 * link as {@code webcal:} (opens the calendar app) and as a copyable {@code https:} address, one
 * line on how each client subscribes, and the button that makes a new link (the old one stops
 * working). Only a hash of the token is kept, so the link is shown once, right after it is made.
 */
@Path("/meetings/calendar")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CalendarSubscriptionResource {

    /** The links of a token just made (null when the page is only shown). */
    public record Links(String https, String webcal) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(CalendarFeeds.Subscription subscription, Links links);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    CalendarFeeds feeds;

    @Inject
    SiteConfig site;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance page() {
        return pages.render(Templates.page(feeds.subscription(currentUser.require().id()), null));
    }

    /** Makes a new secret link and shows it (once). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance regenerate() {
        CalendarFeeds.Subscription subscription = feeds.regenerate(currentUser.require().id());
        String https = site.baseUrl() + "/calendar/" + subscription.token() + ".ics";
        String webcal = https.replaceFirst("^https?:", "webcal:");
        return pages.render(Templates.page(subscription, new Links(https, webcal)));
    }
}
