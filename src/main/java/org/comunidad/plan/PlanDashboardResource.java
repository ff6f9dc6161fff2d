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
 * A plan's dashboard ({@code ?year=2021} for one year's annual work plans): progress per subgroup
 * and per objective with each figure's basis, activities by status, budget by funding source and
 * currency, upcoming and overdue deadlines; each chart followed by a table of its figures.
 */
@Path("/c/{slug}/plans/{id}/dashboard")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PlanDashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(PlanDashboard.View view);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    PlanDashboardService service;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance dashboard(@PathParam("slug") String slug, @PathParam("id") long id,
            @QueryParam("year") String year) {
        return pages.render(Templates.dashboard(service.dashboard(currentUser.viewer(), CommunityRef.slug(slug), id,
                PlanDashboardService.year(year), LocalDate.now(currentUser.zone()), currentUser.locale())
                .orElseThrow(NotFoundException::new)));
    }
}
