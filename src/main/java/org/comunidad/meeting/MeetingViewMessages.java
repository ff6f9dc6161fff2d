package org.comunidad.meeting;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of the meeting views ("my meetings" and the month grids), in Spanish
 * (messages/mtgv.properties), Portuguese (mtgv_pt) and English (mtgv_en); templates use them as
 * {mtgv:...}.
 */
@MessageBundle(value = "mtgv", locale = "es")
public interface MeetingViewMessages {

    @Message String kind(Meeting.Kind kind);
    @Message String status(Meeting.Status status);
    @Message String answer(Answer answer);

    @Message String mine_title();
    @Message String mine_lead();
    @Message String mine_upcoming();
    @Message String mine_past();
    @Message String mine_none_upcoming();
    @Message String mine_none_past();
    @Message String mine_more_upcoming();
    @Message String mine_more_past(int shown);
    @Message String col_when();
    @Message String col_meeting();
    @Message String col_community();
    @Message String col_answer();
    @Message String not_answered();
    @Message String your_time();
    @Message String links_label();
    @Message String link_list();
    @Message String link_month();
    @Message String link_subscribe();
    @Message String link_actions();

    @Message String month_title();
    @Message String month_lead();
    @Message String month_community_lead();
    @Message String month_caption(String month);
    @Message String month_nav();
    @Message String month_prev(String month);
    @Message String month_next(String month);
    @Message String month_current();
    @Message String month_today();
    @Message String month_count(int count);
    @Message String month_none();
    @Message String month_zone(String zone);
    @Message String month_no_meetings_day();
    @Message String month_all_meetings();
}
