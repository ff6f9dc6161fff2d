package org.comunidad.meeting;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.comunidad.community.Community;
import org.comunidad.meeting.MeetingService.FormChoices;
import org.comunidad.meeting.MeetingService.Lists;
import org.comunidad.meeting.MeetingService.MeetingInput;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;
import org.comunidad.platform.web.RateLimited;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The meetings of a working group or subgroup: upcoming and past, the record ("ficha") of each,
 * scheduling and editing, status changes, and the invited officials' answers.
 */
@Path("/c/{slug}/meetings")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class MeetingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Community community, Lists lists);

        static native TemplateInstance form(Community community, FormChoices choices, FormState form);

        static native TemplateInstance show(MeetingPage page, FormState form);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    MeetingService meetings;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance list(@PathParam("slug") String slug,
            @jakarta.ws.rs.QueryParam("upcoming") @jakarta.ws.rs.DefaultValue("1") int upcoming,
            @jakarta.ws.rs.QueryParam("past") @jakarta.ws.rs.DefaultValue("1") int past) {
        Lists lists = meetings.lists(currentUser.viewer(), CommunityRef.slug(slug), true, upcoming, past,
                MeetingService.PAGE_SIZE, currentUser.zone(), currentUser.locale()).orElseThrow(NotFoundException::new);
        return pages.render(Templates.list(lists.community(), lists));
    }

    /** The schedule form; anyone but those who run the community's meetings is told why they cannot. */
    @GET
    @Path("new")
    public TemplateInstance scheduleForm(@PathParam("slug") String slug) {
        FormChoices choices = meetings.scheduleForm(currentUser.viewer(), CommunityRef.slug(slug), currentUser.zone(),
                currentUser.locale())
                .orElseThrow(NotFoundException::new);
        return pages.render(Templates.form(choices.community(), choices, FormState.empty("meeting")));
    }

    @POST
    @RateLimited(RateLimited.Kind.POSTING)
    public Response schedule(@PathParam("slug") String slug, @RestForm String title, @RestForm String kind,
            @RestForm String date, @RestForm String start, @RestForm String end, @RestForm String timeZone,
            @RestForm String venue, @RestForm String place, @RestForm String externalUrl,
            @RestForm String description, @RestForm String agenda, @RestForm List<String> agendaTitle,
            @RestForm List<String> agendaCountry, @RestForm List<String> countries, @RestForm List<String> invitees,
            @RestForm List<String> documents) {
        Viewer viewer = currentUser.viewer();
        MeetingInput input = input(title, kind, date, start, end, timeZone, venue, place, externalUrl, description,
                agenda, agendaTitle, agendaCountry, countries, invitees, documents);
        return pages.submit("meeting", typed(input, agenda), () -> {
            Meeting m = meetings.schedule(viewer, CommunityRef.slug(slug), input).orElseThrow(NotFoundException::new);
            return Links.seeOther(Links.community(slug, "meetings", m.id));
        }, form -> again(meetings.scheduleForm(viewer, CommunityRef.slug(slug), currentUser.zone(), currentUser.locale())
                .orElseThrow(NotFoundException::new), input, form));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("slug") String slug, @PathParam("id") long id) {
        return pages.render(page(slug, id, FormState.empty("answer")));
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance editForm(@PathParam("slug") String slug, @PathParam("id") long id) {
        FormChoices choices = meetings.editForm(currentUser.viewer(), CommunityRef.slug(slug), id, currentUser.locale())
                .orElseThrow(NotFoundException::new);
        return pages.render(Templates.form(choices.community(), choices, FormState.empty("meeting")));
    }

    @POST
    @Path("{id}/edit")
    public Response edit(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String title,
            @RestForm String kind, @RestForm String date, @RestForm String start, @RestForm String end,
            @RestForm String timeZone, @RestForm String venue, @RestForm String place, @RestForm String externalUrl,
            @RestForm String description, @RestForm String agenda, @RestForm List<String> agendaTitle,
            @RestForm List<String> agendaCountry, @RestForm List<String> countries, @RestForm List<String> invitees,
            @RestForm List<String> documents) {
        Viewer viewer = currentUser.viewer();
        MeetingInput input = input(title, kind, date, start, end, timeZone, venue, place, externalUrl, description,
                agenda, agendaTitle, agendaCountry, countries, invitees, documents);
        return pages.act("meeting", typed(input, agenda), () -> meetings.edit(viewer, CommunityRef.slug(slug), id, input),
                Links.community(slug, "meetings", id), form -> again(meetings.editForm(viewer, CommunityRef.slug(slug),
                        id, currentUser.locale()).orElseThrow(NotFoundException::new), input, form));
    }

    /** Held, postponed, cancelled, or scheduled again (status=HELD|POSTPONED|CANCELLED|SCHEDULED). */
    @POST
    @Path("{id}/status")
    public Response status(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String status) {
        return pages.act("status", Pages.typed("status", status),
                () -> meetings.status(currentUser.viewer(), CommunityRef.slug(slug), id, status),
                Links.community(slug, "meetings", id), form -> page(slug, id, form));
    }

    /** The invited official's answer (answer=ATTENDING|EXCUSED|NOT_ATTENDING). */
    @POST
    @Path("{id}/answer")
    public Response answer(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String answer) {
        return pages.act("answer", Pages.typed("answer", answer),
                () -> meetings.answer(currentUser.viewer(), CommunityRef.slug(slug), id, answer),
                Links.community(slug, "meetings", id, "#answer-form"), form -> page(slug, id, form));
    }

    private TemplateInstance page(String slug, long id, FormState form) {
        MeetingPage page = meetings.page(currentUser.viewer(), CommunityRef.slug(slug), id, currentUser.zone(),
                currentUser.locale()).orElseThrow(NotFoundException::new);
        return Templates.show(page, form);
    }

    private static TemplateInstance again(FormChoices choices, MeetingInput input, FormState form) {
        return Templates.form(choices.community(),
                choices.typed(input.countries(), input.invitees(), input.documents()), form);
    }

    /** The agenda as one text (one item per line, "CC: " prefix) or as repeated agendaTitle/agendaCountry fields. */
    static MeetingInput input(String title, String kind, String date, String start, String end, String timeZone,
            String venue, String place, String externalUrl, String description, String agenda,
            List<String> agendaTitle, List<String> agendaCountry, List<String> countries, List<String> invitees,
            List<String> documents) {
        List<MeetingService.AgendaLine> lines = MeetingService.agendaLines(agenda);
        if (agendaTitle != null) {
            for (int i = 0; i < agendaTitle.size(); i++) {
                String country = agendaCountry != null && i < agendaCountry.size() ? agendaCountry.get(i) : null;
                lines.add(new MeetingService.AgendaLine(agendaTitle.get(i), country));
            }
        }
        return new MeetingInput(title, kind, date, start, end, timeZone, venue, place, externalUrl, description, lines,
                countries == null ? List.of() : countries, invitees == null ? List.of() : invitees,
                documents == null ? List.of() : documents);
    }

    private static Map<String, String> typed(MeetingInput input, String agenda) {
        StringBuilder text = new StringBuilder(agenda == null ? "" : agenda);
        if (agenda == null || agenda.isBlank()) {
            text.setLength(0);
            for (MeetingService.AgendaLine line : input.agenda()) {
                text.append(line.country() == null ? "" : line.country() + ": ").append(line.title()).append('\n');
            }
        }
        return Pages.typed("title", input.title(), "kind", input.kind(), "date", input.date(), "start", input.start(),
                "end", input.end(), "timeZone", input.timeZone(), "venue", input.venue(), "place", input.place(),
                "externalUrl", input.externalUrl(), "description", input.description(), "agenda", text.toString());
    }
}
