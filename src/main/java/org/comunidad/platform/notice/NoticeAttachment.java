package org.comunidad.platform.notice;

import java.time.ZoneId;
import java.util.Optional;

/**
 * A file a feature attaches to the email of one of its notices, built when the email goes out
 * (so it says what is true then): a meeting's invitation carries its .ics, say. The
 * notifications collect every implementation with CDI {@code Instance<>} and attach what each
 * gives; a feature answers only for its own kinds and is asked inside the email's transaction.
 */
public interface NoticeAttachment {

    /**
     * One attachment.
     *
     * @param fileName the name the recipient sees ({@code invitation.ics})
     * @param contentType the full type with its parameters ({@code text/calendar; charset=UTF-8; method=REQUEST})
     * @param bytes the content
     */
    record File(String fileName, String contentType, byte[] bytes) {
    }

    /**
     * The attachment of a stored notification's email, or empty when this feature has none for it.
     *
     * @param kind the notification's kind
     * @param eventKey the notice's event key, as the feature fired it
     * @param recipientId the member the email goes to
     * @param language the recipient's language ("es", "pt", "en")
     * @param zone the recipient's time zone
     */
    Optional<File> attachment(NoticeKind kind, String eventKey, long recipientId, String language, ZoneId zone);
}
