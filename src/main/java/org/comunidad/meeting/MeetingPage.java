package org.comunidad.meeting;

import org.comunidad.community.Community;

/**
 * The record page of one meeting, as its template shows it. Its parts come from the services that
 * own them: the record itself ({@link MeetingService}), the recordings ({@link MeetingRecordings})
 * and what the meeting decided ({@link MeetingOutcomes}); the included templates
 * {@code MeetingResource/recordings.html} and {@code MeetingResource/outcome.html} read
 * {@code page.slug}, {@code page.id} and their own section.
 */
public record MeetingPage(String slug, long id, RecordingsSection recordings, OutcomeSection outcome,
        Community community, MeetingService.Record record) {
}
