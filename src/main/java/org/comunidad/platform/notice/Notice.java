package org.comunidad.platform.notice;

/**
 * Something that happened which one member should hear about: fired as a CDI event by the
 * feature where it happened, inside the transaction that saves it
 * ({@code @Inject Event<Notice> notices; notices.fire(new Notice(...))}). The notifications
 * observe it synchronously in that same transaction, so a notice exists exactly when its cause
 * was committed. The event key makes a member hear once of one event, however often it fires
 * (an edit that mentions them again, say).
 *
 * @param recipientId the member told
 * @param kind one of the kinds a feature contributes ({@link NoticeKinds})
 * @param eventKey unique per recipient and event, e.g. {@code "join:42"}
 * @param communityId the community it happened in, or null
 * @param actorId the member who caused it, or null
 * @param link the site path it points to (starts with {@code /})
 * @param excerpt a short text shown under the title, or null (cut at 300 characters)
 */
public record Notice(long recipientId, NoticeKind kind, String eventKey, Long communityId, Long actorId,
        String link, String excerpt) {
}
