package org.comunidad.plan;

import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.Pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * A plan's timeline ({@code ?year=2021} for one year): its activities on a time axis, coarse
 * periods as bands, exact dates as points, the continuing ones and those to be defined in rows of
 * their own; a table of the same rows follows.
 */
@Path("/c/{slug}/plans/{id}/timeline")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PlanTimelineResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance timeline(PlanTimeline.View view);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    PlanDashboardService service;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance timeline(@PathParam("slug") String slug, @PathParam("id") long id,
            @QueryParam("year") String year) {
        return pages.render(Templates.timeline(service.timeline(currentUser.viewer(), CommunityRef.slug(slug), id,
                PlanDashboardService.year(year), LocalDate.now(currentUser.zone()), currentUser.locale())
                .orElseThrow(NotFoundException::new)));
    }
}
