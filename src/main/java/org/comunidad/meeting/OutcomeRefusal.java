package org.comunidad.meeting;

import org.comunidad.platform.content.Explained;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Why a member may not record what a meeting decided (403), in the mtgr bundle. */
public enum OutcomeRefusal implements Explained {
    /** Attendance, minutes, agreements and action items are recorded by those who run the meeting. */
    NOT_RUNNER,
    /** A cancelled meeting has no attendance, minutes, agreements or action items. */
    MEETING_CANCELLED;

    @Override
    public String message(String language, long limit) {
        return MessageBundles.get(MeetingRecordMessages.class, Localized.Literal.of(language)).refused(this);
    }
}
