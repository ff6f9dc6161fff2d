package org.comunidad.meeting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.comunidad.meeting.MeetingOutcomes.ActionInput;
import org.comunidad.meeting.MeetingOutcomes.ActionsPage;
import org.comunidad.meeting.MeetingOutcomes.AgreementsPage;
import org.comunidad.meeting.MeetingOutcomes.AttendanceInput;
import org.comunidad.meeting.MeetingOutcomes.AttendancePage;
import org.comunidad.meeting.MeetingOutcomes.Mark;
import org.comunidad.meeting.MeetingOutcomes.MinutesPage;
import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * After a meeting, the forms of those who run it: attendance per official and per country, the
 * minutes, the numbered agreements and the action items. Attendance and minutes return to the
 * meeting's page; agreements and action items to their own page, ready for the next one.
 */
@Path("/c/{slug}/meetings/{id}/outcome")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class OutcomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance attendance(AttendancePage page, FormState form);

        static native TemplateInstance minutes(MinutesPage page, FormState form);

        static native TemplateInstance agreements(AgreementsPage page, FormState form);

        static native TemplateInstance actions(ActionsPage page, FormState form);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    MeetingOutcomes outcomes;

    @Inject
    Pages pages;

    @GET
    @Path("attendance")
    public TemplateInstance attendanceForm(@PathParam("slug") String slug, @PathParam("id") long id) {
        return pages.render(attendance(slug, id, FormState.empty("attendance")));
    }

    /** Fields: status-{memberId} / represented-{memberId}, country-{CC} / country-represented-{CC}. */
    @POST
    @Path("attendance")
    public Response recordAttendance(@PathParam("slug") String slug, @PathParam("id") long id,
            MultivaluedMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        if (form != null) {
            form.forEach((k, v) -> {
                if (!k.equals("csrf-token") && v != null && !v.isEmpty()) {
                    typed.put(k, v.get(0) == null ? "" : v.get(0));
                }
            });
        }
        return pages.act("attendance", typed,
                () -> outcomes.recordAttendance(currentUser.viewer(), CommunityRef.slug(slug), id, input(typed)),
                Links.community(slug, "meetings", id, "#attendance"), f -> attendance(slug, id, f));
    }

    /** The form's fields as the service takes them; an official's id that is no number is a mistake. */
    static AttendanceInput input(Map<String, String> typed) {
        Map<Long, Mark> officials = new LinkedHashMap<>();
        Map<String, Mark> countries = new LinkedHashMap<>();
        List<Violation> violations = new java.util.ArrayList<>();
        typed.forEach((name, value) -> {
            if (name.startsWith("status-")) {
                try {
                    long member = Long.parseLong(name.substring("status-".length()));
                    officials.put(member, new Mark(value, typed.get("represented-" + member)));
                } catch (NumberFormatException e) {
                    violations.add(Violation.invalidValue(name));
                }
            } else if (name.startsWith("country-") && !name.startsWith("country-represented-")) {
                String code = name.substring("country-".length());
                countries.put(code, new Mark(value, typed.get("country-represented-" + code)));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new AttendanceInput(officials, countries);
    }

    @GET
    @Path("minutes")
    public TemplateInstance minutesForm(@PathParam("slug") String slug, @PathParam("id") long id) {
        return pages.render(minutes(slug, id, FormState.empty("minutes")));
    }

    @POST
    @Path("minutes")
    public Response saveMinutes(@PathParam("slug") String slug, @PathParam("id") long id,
            @RestForm String minutes) {
        return pages.act("minutes", Pages.typed("minutes", minutes),
                () -> outcomes.saveMinutes(currentUser.viewer(), CommunityRef.slug(slug), id, minutes),
                Links.community(slug, "meetings", id, "#minutes"), f -> minutes(slug, id, f));
    }

    @GET
    @Path("agreements")
    public TemplateInstance agreementsPage(@PathParam("slug") String slug, @PathParam("id") long id) {
        return pages.render(agreements(slug, id, FormState.empty("agreement")));
    }

    @POST
    @Path("agreements")
    public Response addAgreement(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String text) {
        return act(slug, id, "agreement", Pages.typed("text", text), "agreements",
                () -> outcomes.addAgreement(currentUser.viewer(), CommunityRef.slug(slug), id, text),
                f -> agreements(slug, id, f));
    }

    @POST
    @Path("agreements/{n}/edit")
    public Response editAgreement(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("n") int number, @RestForm String text) {
        return act(slug, id, "agreement-" + number, Pages.typed("text", text), "agreements",
                () -> outcomes.editAgreement(currentUser.viewer(), CommunityRef.slug(slug), id, number, text),
                f -> agreements(slug, id, f));
    }

    @POST
    @Path("agreements/{n}/delete")
    public Response deleteAgreement(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("n") int number) {
        return act(slug, id, "agreement-" + number, Map.of(), "agreements",
                () -> outcomes.deleteAgreement(currentUser.viewer(), CommunityRef.slug(slug), id, number),
                f -> agreements(slug, id, f));
    }

    @GET
    @Path("actions")
    public TemplateInstance actionsPage(@PathParam("slug") String slug, @PathParam("id") long id) {
        return pages.render(actions(slug, id, FormState.empty("action")));
    }

    @POST
    @Path("actions")
    public Response addAction(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String text,
            @RestForm String ownerId, @RestForm String ownerCountry, @RestForm String due, @RestForm String status) {
        return act(slug, id, "action", Pages.typed("text", text, "ownerId", ownerId, "ownerCountry", ownerCountry,
                "due", due, "status", status), "actions",
                () -> outcomes.addAction(currentUser.viewer(), CommunityRef.slug(slug), id,
                        new ActionInput(text, ownerId, ownerCountry, due, status)),
                f -> actions(slug, id, f));
    }

    /** back=list: from the community's list of action items, which the browser then shows again. */
    @POST
    @Path("actions/{n}/status")
    public Response actionStatus(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("n") int number, @RestForm String status, @RestForm String back) {
        String then = "list".equals(back) ? Links.community(slug, "meetings", "actions")
                : Links.community(slug, "meetings", id, "outcome", "actions");
        return pages.act("action-" + number, Pages.typed("status", status),
                () -> outcomes.setActionStatus(currentUser.viewer(), CommunityRef.slug(slug), id, number, status),
                then, f -> actions(slug, id, f));
    }

    private Response act(String slug, long id, String formId, Map<String, String> typed, String page,
            Supplier<Optional<?>> action, Function<FormState, TemplateInstance> again) {
        return pages.act(formId, typed, action, Links.community(slug, "meetings", id, "outcome", page), again);
    }

    private TemplateInstance attendance(String slug, long id, FormState form) {
        return Templates.attendance(outcomes.attendancePage(currentUser.viewer(), CommunityRef.slug(slug), id,
                currentUser.zone(), currentUser.locale()).orElseThrow(NotFoundException::new), form);
    }

    private TemplateInstance minutes(String slug, long id, FormState form) {
        return Templates.minutes(outcomes.minutesPage(currentUser.viewer(), CommunityRef.slug(slug), id,
                currentUser.zone(), currentUser.locale()).orElseThrow(NotFoundException::new), form);
    }

    private TemplateInstance agreements(String slug, long id, FormState form) {
        return Templates.agreements(outcomes.agreementsPage(currentUser.viewer(), CommunityRef.slug(slug), id,
                currentUser.zone(), currentUser.locale()).orElseThrow(NotFoundException::new), form);
    }

    private TemplateInstance actions(String slug, long id, FormState form) {
        return Templates.actions(outcomes.actionsPage(currentUser.viewer(), CommunityRef.slug(slug), id,
                currentUser.zone(), currentUser.locale()).orElseThrow(NotFoundException::new), form);
    }
}
