package org.comunidad.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.meeting.MeetingViews.Lists;
import org.comunidad.meeting.MeetingViews.Month;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.BadParameter;
import org.comunidad.platform.web.Pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * "My meetings": the upcoming and past meetings of all my communities, and their month grid
 * ({@code /meetings/month?month=2026-12}). The per-community month is {@link MeetingMonthResource}.
 */
@Path("/meetings")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MeetingViewsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Lists lists);

        static native TemplateInstance month(Month month);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    MeetingViews views;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance list() {
        return pages.render(Templates.list(views.mine(currentUser.viewer(), currentUser.zone(), currentUser.locale(),
                OffsetDateTime.now())));
    }

    @GET
    @Path("month")
    public TemplateInstance month(@QueryParam("month") String month) {
        ZoneId zone = currentUser.zone();
        LocalDate today = LocalDate.now(zone);
        return pages.render(Templates.month(views.month(currentUser.viewer(), monthOrCurrent(month, today), zone,
                currentUser.locale(), today)));
    }

    /** The month asked for ({@code yyyy-MM}), this month when none is; anything else is a 400. */
    static YearMonth monthOrCurrent(String month, LocalDate today) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(today);
        }
        return MeetingViews.parseMonth(month.strip()).orElseThrow(() -> new BadParameter("month"));
    }
}
