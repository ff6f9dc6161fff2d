package org.comunidad.meeting;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.security.Viewer;

/** The recordings of meetings: upload, listing, playback. */
@ApplicationScoped
public class MeetingRecordings {

    /** The section of the meeting's page; called inside the page's transaction. */
    public RecordingsSection section(Viewer viewer, Meetings.Found found) {
        return new RecordingsSection(MeetingAccess.runs(viewer, found.community()));
    }
}
