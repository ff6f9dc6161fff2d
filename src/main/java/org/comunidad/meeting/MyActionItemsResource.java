package org.comunidad.meeting;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.meeting.MeetingOutcomes.MyActions;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.Pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** "My action items": mine and my country's, across my communities (open ones, or all with {@code ?show=all}). */
@Path("/meetings/actions")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MyActionItemsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(MyActions page);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    MeetingOutcomes outcomes;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance mine(@QueryParam("show") String show) {
        return pages.render(Templates.mine(outcomes.myActions(currentUser.viewer(), "all".equals(show),
                currentUser.zone())));
    }
}
