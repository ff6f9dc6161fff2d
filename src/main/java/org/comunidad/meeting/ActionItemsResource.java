package org.comunidad.meeting;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.meeting.MeetingOutcomes.CommunityActions;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.Pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * A community's action items, from all its meetings: open ones first due, or all with
 * {@code ?show=all}. Every member reads them; those who run the meetings change their status here.
 * Its own class path, more literal than the meetings' {@code /c/{slug}/meetings/{id}}.
 */
@Path("/c/{slug}/meetings/actions")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ActionItemsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(CommunityActions page);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    MeetingOutcomes outcomes;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance list(@PathParam("slug") String slug, @QueryParam("show") String show) {
        CommunityActions page = outcomes.communityActions(currentUser.viewer(), CommunityRef.slug(slug),
                "all".equals(show), currentUser.zone()).orElseThrow(NotFoundException::new);
        return pages.render(Templates.list(page));
    }
}
