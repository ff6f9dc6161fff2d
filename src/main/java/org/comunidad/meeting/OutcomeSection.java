package org.comunidad.meeting;

import java.time.OffsetDateTime;
import java.util.List;

import org.comunidad.platform.web.Links;

import io.quarkus.qute.RawString;

/**
 * What a meeting decided and who attended, as its page shows it ({@code MeetingResource/outcome.html}):
 * attendance per country and official ("6 of 8 countries present"), the minutes rendered by the safe
 * renderer (null: none yet) with who wrote them and when, the numbered agreements and the action
 * items. canRecord: the viewer runs the meeting and it is not cancelled (the links to the forms).
 */
public record OutcomeSection(String slug, long meetingId, boolean canRecord, boolean cancelled,
        MeetingOutcomes.AttendanceView attendance, RawString minutes, String minutesBy, OffsetDateTime minutesAt,
        List<MeetingOutcomes.Agreement> agreements, List<MeetingOutcomes.ActionItem> actions) {

    /** A form of the outcome: attendance, minutes, agreements, actions. */
    public String link(String form) {
        return Links.community(slug, "meetings", meetingId, "outcome", form);
    }

    /** The community's list of action items. */
    public String communityActions() {
        return Links.community(slug, "meetings", "actions");
    }
}
