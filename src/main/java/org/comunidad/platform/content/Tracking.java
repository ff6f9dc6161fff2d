package org.comunidad.platform.content;

import java.util.Collection;
import java.util.Map;

import org.comunidad.platform.security.Viewer;

/**
 * Which items of a feature are followed by a task, and that task's status and link: a
 * meeting's action item made into a task shows the task's status on the meeting's pages.
 * Implemented by the plan feature ({@code plan.TaskTracking}); collected by the meeting feature
 * ({@code meeting.MeetingOutcomes}: the action items' tables, one statement per list).
 */
public interface Tracking {

    /**
     * The task following an item.
     *
     * @param sourceId the followed item's id
     * @param taskId the task's id
     * @param status the task's status name (OPEN, IN_PROGRESS, DONE, CANCELLED)
     * @param statusLabel the status in a language
     * @param link the task's page
     */
    record Tracked(long sourceId, long taskId, String status, Label statusLabel, String link) {

        /** Whether the task is still to be done (open or in progress). */
        public boolean open() {
            return "OPEN".equals(status) || "IN_PROGRESS".equals(status);
        }
    }

    /** The tasks following these items of the kind {@code source} (e.g. {@link ActionItems#MEETING_ACTION}), by item id: one statement. */
    Map<Long, Tracked> tracked(String source, Collection<Long> ids);

    /** Whether the viewer may make a task in the community (no statement for a community already loaded). */
    boolean mayTrack(Viewer viewer, long communityId);

    /** Where a task following the item is made, in the community of that slug. */
    String newTaskLink(String slug, String source, long id);
}
