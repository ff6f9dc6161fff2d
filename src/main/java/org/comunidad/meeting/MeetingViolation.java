package org.comunidad.meeting;

import org.comunidad.platform.content.Explained;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What the schedule form may get wrong beyond the generic codes, in the mtg bundle. */
public enum MeetingViolation implements Explained {
    /** The end is not after the start (same day, in the meeting's zone). */
    END_BEFORE_START,
    /** A time that is not HH:mm. */
    INVALID_TIME,
    /** An agenda line's "CC:" is not a known country code. */
    UNKNOWN_COUNTRY;

    @Override
    public String message(String language, long limit) {
        return MessageBundles.get(MeetingMessages.class, Localized.Literal.of(language)).violation(this);
    }
}
