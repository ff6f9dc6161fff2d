package org.comunidad.meeting;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The recordings of a meeting as its page shows them: each plays in the page ({@code <video>} or
 * {@code <audio>}, seeking through byte ranges); those who run the meeting upload and delete.
 *
 * @param maxBytes the largest file accepted, for the form's hint
 */
public record RecordingsSection(boolean canUpload, List<Item> items, long maxBytes) {

    /** One recording: {@code link} plays it (and downloads it), {@code deleteLink} removes it. */
    public record Item(long id, String fileName, String contentType, boolean video, long sizeBytes,
            String uploader, OffsetDateTime createdAt, String link, String deleteLink, boolean canDelete) {
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
