package org.comunidad.platform.content;

import java.time.LocalDate;
import java.util.Optional;

import org.comunidad.platform.security.Viewer;

/**
 * Another feature's action items (what a meeting asked someone to do), found by id under the
 * viewer's rights, so that a task can be made from one and follow it. Implemented by the meeting
 * feature ({@code meeting.MeetingActionItems}); used by the plan feature's tasks
 * ({@code plan.TaskService}: "Make it a task", the task's page linking back).
 */
public interface ActionItems {

    /** What a task records as its {@code source} when it follows a meeting's action item. */
    String MEETING_ACTION = "MEETING_ACTION";

    /**
     * An action item as a task sees it.
     *
     * @param id the action item's id
     * @param text what was asked
     * @param ownerId the member who owns it, or null (owned by a country)
     * @param ownerName that member's name, or the country's code
     * @param due its due date, or null
     * @param communityId the community of its meeting
     * @param meetingTitle the title of its meeting
     * @param link the page that shows it (its meeting's page)
     * @param status its own status (OPEN, IN_PROGRESS, DONE, CANCELLED) and {@code statusLabel} in a language
     */
    record Item(long id, String text, Long ownerId, String ownerName, LocalDate due, long communityId,
            String meetingTitle, String link, String status, Label statusLabel) {

        /** Its status in the language (es, pt, en). */
        public String statusIn(String language) {
            return statusLabel.in(language);
        }
    }

    /** The action item, if it exists and the viewer sees its meeting; empty otherwise. Inside a transaction. */
    Optional<Item> find(Viewer viewer, long id);
}
