package org.comunidad.meeting;

import jakarta.inject.Singleton;

import org.comunidad.platform.notice.NoticeKind;
import org.comunidad.platform.notice.NoticeKinds;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What invited officials hear about a meeting: invited (scheduled), changed, cancelled, and the
 * reminder before it. Fired as {@link org.comunidad.platform.notice.Notice} events in the
 * transaction that saves the change; the emails carry the meeting's .ics (METHOD:REQUEST with the
 * same UID and a higher SEQUENCE, METHOD:CANCEL for a cancellation), so calendars update the event.
 * Event keys: {@code meeting:{id}:seq:{sequence}} (invited, changed), {@code meeting:{id}:cancel:{sequence}},
 * {@code meeting:{id}:reminder:{epoch second of the start}}.
 */
public enum MeetingNotice implements NoticeKind {
    MEETING_INVITED, MEETING_CHANGED, MEETING_CANCELLED, MEETING_REMINDER;

    @Override
    public String title(String language, String actor) {
        CalendarMessages m = messages(language);
        return switch (this) {
            case MEETING_INVITED -> m.notice_invited(actor);
            case MEETING_CHANGED -> m.notice_changed(actor);
            case MEETING_CANCELLED -> m.notice_cancelled(actor);
            case MEETING_REMINDER -> m.notice_reminder();
        };
    }

    @Override
    public String label(String language) {
        CalendarMessages m = messages(language);
        return switch (this) {
            case MEETING_INVITED, MEETING_CHANGED, MEETING_CANCELLED -> m.kind_invitations();
            case MEETING_REMINDER -> m.kind_reminder();
        };
    }

    /** Invitations, changes and cancellations are one email preference; the reminder is another. */
    @Override
    public NoticeKind choice() {
        return this == MEETING_REMINDER ? this : MEETING_INVITED;
    }

    private static CalendarMessages messages(String language) {
        return MessageBundles.get(CalendarMessages.class, Localized.Literal.of(language));
    }

    /** Contributes the kinds to the notifications. */
    @Singleton
    static class Kinds extends NoticeKinds {
        Kinds() { super(40, values()); }
    }
}
