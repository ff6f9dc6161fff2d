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

    @Message String excerpt(String title, String date, String start, String city);
    @Message String excerpt_local(String title, String date, String start, String city, String viewerStart);

    @Message String ics_join();
    @Message String ics_record();
    @Message String ics_place();
    @Message String feed_name();

    @Message String sub_title();
    @Message String sub_lead();
    @Message String sub_links_title();
    @Message String sub_links_once();
    @Message String sub_webcal();
    @Message String sub_https();
    @Message String sub_https_hint();
    @Message String sub_clients_title();
    @Message String sub_client_outlook();
    @Message String sub_client_google();
    @Message String sub_client_thunderbird();
    @Message String sub_client_apple();
    @Message String sub_token_title();
    @Message String sub_token_since(String since);
    @Message String sub_token_regenerate_hint();
    @Message String sub_token_none();
    @Message String sub_generate();
    @Message String sub_regenerate();
}
