package org.comunidad.meeting;

/** The recordings of a meeting as its page shows them. */
public record RecordingsSection(boolean canUpload) {
}
