package org.comunidad.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.community.Community;
import org.comunidad.feed.FeedService.FeedPage;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.Pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The activity of a working group: its news and its subgroups' posts, newest first. */
@Path("/c/{slug}/feed")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class FeedResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feed(Community group, FeedPage feed, boolean first);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    FeedService feeds;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance feed(@PathParam("slug") String slug, @QueryParam("before") String before) {
        OffsetDateTime until = parse(before);
        FeedPage page = feeds.page(currentUser.viewer(), slug, until).orElseThrow(NotFoundException::new);
        return pages.render(Templates.feed(page.group(), page, until == null));
    }

    static OffsetDateTime parse(String before) {
        if (before == null || before.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(before).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("not an instant: " + before);
        }
    }
}
