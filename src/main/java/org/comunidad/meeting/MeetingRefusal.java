package org.comunidad.meeting;

import org.comunidad.platform.content.Explained;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Why a meeting takes no answer from this member now (403), in the mtg bundle. */
public enum MeetingRefusal implements Explained {
    /** Only the subgroup's leader, the group's coordinator and the admin schedule and run meetings. */
    NOT_ORGANIZER,
    /** Neither invited nor a member of the meeting's own community. */
    NOT_INVITED,
    /** The meeting was cancelled. */
    CANCELLED;

    @Override
    public String message(String language, long limit) {
        return MessageBundles.get(MeetingMessages.class, Localized.Literal.of(language)).refused(this);
    }
}
