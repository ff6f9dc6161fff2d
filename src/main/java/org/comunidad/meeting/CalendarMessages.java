package org.comunidad.meeting;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of meetings' calendars and notices: the .ics files, the personal feed and its
 * subscription page, the notices and their emails, in Spanish (messages/cal.properties),
 * Portuguese (cal_pt) and English (cal_en); templates use {cal:...}.
 */
@MessageBundle(value = "cal", locale = "es")
public interface CalendarMessages {

    @Message String notice_invited(String actor);
    @Message String notice_changed(String actor);
    @Message String notice_cancelled(String actor);
    @Message String notice_reminder();
    @Message String kind_invitations();
    @Message String kind_reminder();
}
