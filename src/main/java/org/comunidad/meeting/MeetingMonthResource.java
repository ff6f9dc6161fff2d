package org.comunidad.meeting;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.meeting.MeetingViews.Month;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.Pages;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * One community's meetings by month ({@code /c/{slug}/meetings/month?month=2026-12}). Its own
 * class path, more literal than the record's {@code /c/{slug}/meetings/{id}}, so that "month" is
 * never read as a meeting's id.
 */
@Path("/c/{slug}/meetings/month")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MeetingMonthResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    MeetingViews views;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance month(@PathParam("slug") String slug, @QueryParam("month") String month) {
        ZoneId zone = currentUser.zone();
        LocalDate today = LocalDate.now(zone);
        Month grid = views.month(currentUser.viewer(), CommunityRef.slug(slug),
                MeetingViewsResource.monthOrCurrent(month, today), zone, currentUser.locale(), today)
                .orElseThrow(NotFoundException::new);
        return pages.render(MeetingViewsResource.Templates.month(grid));
    }
}
