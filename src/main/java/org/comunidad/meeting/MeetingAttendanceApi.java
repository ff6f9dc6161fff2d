package org.comunidad.meeting;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.meeting.MeetingOutcomes.AttendanceInput;
import org.comunidad.meeting.MeetingOutcomes.AttendanceView;
import org.comunidad.meeting.MeetingOutcomes.Mark;
import org.comunidad.meeting.MeetingOutcomes.Official;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** Records a meeting's attendance for integrations: the same rules as the attendance form. */
@Path("/api/communities/{id}/meetings/{mid}/attendance")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings")
@SecurityRequirement(name = "SecurityScheme")
public class MeetingAttendanceApi {

    /** attendance: PRESENT, EXCUSED, ABSENT or REPRESENTED (then representedBy is required); null or blank clears it. */
    public record OfficialMark(Long memberId, String attendance, String representedBy) {
    }

    /** country: ISO 3166-1 alpha-2 code of an invited country. */
    public record CountryMark(String country, String attendance, String representedBy) {
    }

    /** Officials and countries not listed keep what they had. */
    public record AttendanceRequest(List<OfficialMark> officials, List<CountryMark> countries) {
    }

    public record OfficialDto(long memberId, String name, String country, String answer, String attendance,
            String representedBy) {
        static OfficialDto of(Official o) {
            return new OfficialDto(o.memberId(), o.name(), o.countryCode(),
                    o.answer() == null ? null : o.answer().name(),
                    o.attendance() == null ? null : o.attendance().name(), o.representedBy());
        }
    }

    public record CountryDto(String country, String attendance, String representedBy, List<OfficialDto> officials) {
    }

    /** countriesPresent of countriesInvited ("6 of 8 countries present"): present or represented. */
    public record AttendanceDto(OffsetDateTime recordedAt, int countriesPresent, int countriesInvited,
            int officialsPresent, int officialsInvited, List<CountryDto> countries, List<OfficialDto> others) {
        static AttendanceDto of(AttendanceView v) {
            return new AttendanceDto(v.recordedAt(), v.countriesPresent(), v.countriesInvited(), v.officialsPresent(),
                    v.officialsInvited(), v.countries().stream().map(c -> new CountryDto(c.code(),
                            c.attendance() == null ? null : c.attendance().name(), c.representedBy(),
                            c.officials().stream().map(OfficialDto::of).toList())).toList(),
                    v.others().stream().map(OfficialDto::of).toList());
        }
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    MeetingOutcomes outcomes;

    @POST
    @Operation(summary = "Record attendance per official and per country (the meeting's leader or coordinator, or the admin)",
            description = "Violations name the fields as the form does: status-{memberId}, represented-{memberId}, "
                    + "country-{code}, country-represented-{code}.")
    @APIResponse(responseCode = "200", description = "The attendance as it now stands")
    @APIResponse(responseCode = "400", description = "An unknown official or country, an unknown value, or "
            + "REPRESENTED without representedBy; nothing was stored")
    @APIResponse(responseCode = "403", description = "A member who does not run the meeting, or a cancelled meeting")
    @APIResponse(responseCode = "404", description = "No such meeting in a community the caller belongs to")
    public AttendanceDto record(@Parameter(description = "The community's id") @PathParam("id") long communityId,
            @Parameter(description = "The meeting's id") @PathParam("mid") long meetingId, AttendanceRequest request) {
        Map<Long, Mark> officials = new LinkedHashMap<>();
        Map<String, Mark> countries = new LinkedHashMap<>();
        if (request != null && request.officials() != null) {
            for (OfficialMark o : request.officials()) {
                if (o != null) {
                    officials.put(o.memberId() == null ? -1L : o.memberId(), new Mark(o.attendance(), o.representedBy()));
                }
            }
        }
        if (request != null && request.countries() != null) {
            for (CountryMark c : request.countries()) {
                if (c != null) {
                    countries.put(c.country() == null ? "" : c.country(), new Mark(c.attendance(), c.representedBy()));
                }
            }
        }
        return outcomes.recordAttendance(currentUser.viewer(), CommunityRef.id(communityId), meetingId,
                new AttendanceInput(officials, countries)).map(AttendanceDto::of).orElseThrow(NotFoundException::new);
    }
}
