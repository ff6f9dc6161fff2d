package org.comunidad.meeting;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

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

import org.comunidad.meeting.MeetingService.MeetingInput;
import org.comunidad.meeting.MeetingService.Record;
import org.comunidad.meeting.MeetingService.Summary;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.RateLimited;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** A community's meetings for integrations: list, read and schedule, under the same rules as the pages. */
@Path("/api/communities/{id}/meetings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings")
@SecurityRequirement(name = "SecurityScheme")
public class MeetingApi {

    /** One agenda item: its title and the presenting country's ISO code (optional). */
    public record AgendaItem(String title, String country) {
    }

    /**
     * A meeting to schedule. kind: VIDEOCONFERENCE, WORKSHOP, IN_PERSON or HYBRID; date (YYYY-MM-DD),
     * start and end (HH:mm) in timeZone (IANA, e.g. America/Santiago); venue: ROOM (the community's
     * room), PLACE (with place) or LINK (with externalUrl); countries: ISO codes (default: the
     * community's); invitees: member ids of the working group; documents: ids from the repository.
     */
    public record MeetingRequest(String title, String kind, String date, String start, String end, String timeZone,
            String venue, String place, String externalUrl, String description, List<AgendaItem> agenda,
            List<String> countries, List<Long> invitees, List<Long> documents) {

        MeetingInput input() {
            return new MeetingInput(title, kind, date, start, end, timeZone, venue, place, externalUrl, description,
                    agenda == null ? List.of() : agenda.stream().filter(a -> a != null)
                            .map(a -> new MeetingService.AgendaLine(a.title(), a.country())).toList(),
                    countries == null ? List.of() : countries,
                    invitees == null ? List.of() : invitees.stream().map(String::valueOf).toList(),
                    documents == null ? List.of() : documents.stream().map(String::valueOf).toList());
        }
    }

    /** myAnswer: the caller's answer when invited (null otherwise or not yet). */
    public record SummaryDto(long id, String title, String kind, String status, OffsetDateTime startsAt,
            OffsetDateTime endsAt, String timeZone, String venue, String place, int invited, int attending,
            boolean invitedMe, String myAnswer) {
        static SummaryDto of(Summary s) {
            return new SummaryDto(s.id(), s.title(), s.kind().name(), s.status().name(), s.startsAt(), s.endsAt(),
                    s.timeZone(), s.venue().name(), s.place(), s.invited(), s.attending(), s.invitedMe(),
                    s.myAnswer() == null ? null : s.myAnswer().name());
        }
    }

    public record ListsDto(List<SummaryDto> upcoming, List<SummaryDto> past, boolean canSchedule) {
    }

    public record OfficialDto(long memberId, String name, String institution, String answer) {
        static OfficialDto of(MeetingService.InviteeView v) {
            return new OfficialDto(v.memberId(), v.name(), v.institution(), v.answer() == null ? null : v.answer().name());
        }
    }

    public record CountryDto(String code, String name, List<OfficialDto> officials) {
    }

    public record DocumentDto(long id, String title, String link) {
    }

    /**
     * A meeting's record. uid and sequence are its calendar identity (the sequence rises with each
     * change); officials without an invited country are under {@code others}; joinLink is null for a
     * place; canRun: the caller schedules and runs the community's meetings; canAnswer: the caller may
     * answer the invitation.
     */
    public record MeetingDto(long id, String uid, int sequence, String title, String kind, String status,
            OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, String venue, String place,
            String externalUrl, String description, String organizer, List<AgendaItem> agenda,
            List<CountryDto> countries, List<OfficialDto> others, List<DocumentDto> documents, boolean canRun,
            boolean canAnswer, String myAnswer, String joinLink, String calendarLink) {
        static MeetingDto of(Record r, String language) {
            return new MeetingDto(r.id(), r.uid(), r.sequence(), r.title(), r.kind().name(), r.status().name(),
                    r.startsAt(), r.endsAt(), r.timeZone(), r.venue().name(), r.place(), r.externalUrl(),
                    r.description(), r.organizer(),
                    r.agenda().stream().map(a -> new AgendaItem(a.title(), a.countryCode())).toList(),
                    r.countries().stream().map(c -> new CountryDto(c.code(), c.name().in(language),
                            c.officials().stream().map(OfficialDto::of).toList())).toList(),
                    r.others().stream().map(OfficialDto::of).toList(),
                    r.documents().stream().map(d -> new DocumentDto(d.id(), d.title(), d.link())).toList(),
                    r.canRun(), r.canAnswer(), r.myAnswer() == null ? null : r.myAnswer().name(), r.joinLink(),
                    r.calendarLink());
        }
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    MeetingService meetings;

    @GET
    @Operation(summary = "Upcoming and past meetings of a working group or subgroup (at most 100 each)")
    public ListsDto list(@PathParam("id") long communityId) {
        MeetingService.Lists lists = meetings.lists(currentUser.viewer(), CommunityRef.id(communityId), false,
                currentUser.zone(), currentUser.locale()).orElseThrow(NotFoundException::new);
        return new ListsDto(lists.upcoming().stream().map(SummaryDto::of).toList(),
                lists.past().stream().map(SummaryDto::of).toList(), lists.canSchedule());
    }

    @GET
    @Path("{mid}")
    @Operation(summary = "A meeting's record: agenda, invited countries and officials with their answers, documents")
    public MeetingDto get(@PathParam("id") long communityId, @PathParam("mid") long id) {
        return meetings.read(currentUser.viewer(), CommunityRef.id(communityId), id, currentUser.zone(),
                currentUser.locale()).map(r -> MeetingDto.of(r, currentUser.language())).orElseThrow(NotFoundException::new);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedule a meeting (a group's coordinator, a subgroup's leader, the admin); the invited are notified")
    @RateLimited(RateLimited.Kind.POSTING)
    public Response create(@PathParam("id") long communityId, MeetingRequest request) {
        MeetingRequest r = request == null
                ? new MeetingRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : request;
        Meeting m = meetings.schedule(currentUser.viewer(), CommunityRef.id(communityId), r.input())
                .orElseThrow(NotFoundException::new);
        Record record = meetings.read(currentUser.viewer(), CommunityRef.id(communityId), m.id, currentUser.zone(),
                currentUser.locale()).orElseThrow(NotFoundException::new);
        return Response.created(URI.create("/api/communities/" + communityId + "/meetings/" + m.id))
                .entity(MeetingDto.of(record, currentUser.language())).build();
    }
}
