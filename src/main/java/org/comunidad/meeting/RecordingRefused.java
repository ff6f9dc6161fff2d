package org.comunidad.meeting;

import org.comunidad.platform.content.Explained;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Why a recording was not stored (nothing was kept), with the answer's status and the message in the room bundle. */
public class RecordingRefused extends RuntimeException {

    public enum Code implements Explained {
        /** No file chosen, or an empty one. */
        EMPTY(400),
        /** Larger than comunidad.meetings.recordings.max-bytes. */
        TOO_LARGE(413),
        /** The group's storage quota would be exceeded. */
        QUOTA(413),
        /** Its content is neither video nor audio, whatever its name says. */
        NOT_MEDIA(415),
        /** The body ended before its announced length. */
        INCOMPLETE(400),
        /** The object store could not be reached; retrying later works. */
        STORAGE_UNAVAILABLE(503);

        final int status;

        Code(int status) {
            this.status = status;
        }

        @Override
        public String message(String language, long limit) {
            RoomMessages messages = MessageBundles.get(RoomMessages.class, Localized.Literal.of(language));
            String why = messages.recording_refused(this);
            return this == TOO_LARGE || this == QUOTA ? why + " " + messages.recording_limit(Math.max(1, limit >> 20))
                    : why;
        }
    }

    private final Code code;
    private final long limit;

    public RecordingRefused(Code code, long limit) {
        super("recording refused: " + code);
        this.code = code;
        this.limit = limit;
    }

    public RecordingRefused(Code code, Throwable cause) {
        super("recording refused: " + code, cause);
        this.code = code;
        this.limit = 0;
    }

    public Code code() {
        return code;
    }

    public long limit() {
        return limit;
    }

    public int status() {
        return code.status;
    }
}
