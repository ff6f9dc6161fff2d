package org.comunidad.activity;

import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityService;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.Pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * A working group's activity page, for its coordinator and the forum admin. Other members of
 * the group get a refusal with the reason; outsiders, "not found" (as for the audit log).
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ActivityResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance activity(ActivityService.Report report);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    CommunityService communities;

    @Inject
    ActivityService activity;

    @Inject
    Pages pages;

    @GET
    @Path("c/{slug}/activity")
    public TemplateInstance page(@PathParam("slug") String slug, @QueryParam("period") String period,
            @QueryParam("subgroup") String subgroup) {
        Viewer viewer = currentUser.viewer();
        Community group = communities.findVisible(viewer, slug).filter(Community::isGroup)
                .orElseThrow(NotFoundException::new);
        return pages.render(Templates.activity(activity.report(viewer, group, Period.parse(period), subgroup,
                LocalDate.now(currentUser.zone()), currentUser.zone(), currentUser.locale())));
    }
}
