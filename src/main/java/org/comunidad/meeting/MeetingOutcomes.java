package org.comunidad.meeting;

import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.security.Viewer;

/** After a meeting: attendance, minutes, agreements and action items. */
@ApplicationScoped
public class MeetingOutcomes {

    /** The section of the meeting's page; called inside the page's transaction. */
    public OutcomeSection section(Viewer viewer, Meetings.Found found, ZoneId zone) {
        return new OutcomeSection(MeetingAccess.runs(viewer, found.community()));
    }
}
