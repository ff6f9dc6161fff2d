package org.comunidad.meeting;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every string of the meeting record (its list, page and forms, refusals, navigation, search,
 * activity and audit labels), in Spanish (messages/mtg.properties), Portuguese (mtg_pt) and
 * English (mtg_en); templates use them as {mtg:...}.
 */
@MessageBundle(value = "mtg", locale = "es")
public interface MeetingMessages {

    @Message String refused(MeetingRefusal reason);
    @Message String violation(MeetingViolation code);
    @Message String audit_action(MeetingAudit.Action action);

    @Message String nav();
    @Message String search_title();
    @Message String search_none();
    @Message String activity_period();
    @Message String activity_member();

    @Message String kind(Meeting.Kind kind);
    @Message String status(Meeting.Status status);
    @Message String status_action(Meeting.Status status);
    @Message String venue(Meeting.Venue venue);
    @Message String venue_choice(Meeting.Venue venue);
    @Message String answer(Answer answer);

    // The list
    @Message String list_title();
    @Message String list_lead();
    @Message String list_month();
    @Message String list_actions();
    @Message String list_room();
    @Message String list_upcoming();
    @Message String list_past();
    @Message String list_none_upcoming();
    @Message String list_none_past();
    @Message String list_attending(int attending, int invited);
    @Message String list_not_answered();
    @Message String list_more_than(int count);
    @Message String list_pager_upcoming();
    @Message String list_pager_past();
    @Message String col_when();
    @Message String col_meeting();
    @Message String col_status();
    @Message String col_answers();
    @Message String col_country();
    @Message String col_expected();
    @Message String your_time(String time);
    @Message String my_answer(String answer);

    // The record
    @Message String back();
    @Message String show_cancelled();
    @Message String show_postponed();
    @Message String show_when();
    @Message String show_where();
    @Message String show_organizer();
    @Message String show_answers();
    @Message String show_agenda();
    @Message String show_agenda_none();
    @Message String show_presented_by(String country);
    @Message String show_invited();
    @Message String show_invited_none();
    @Message String show_invited_caption();
    @Message String show_no_officials();
    @Message String show_no_answer();
    @Message String show_others();
    @Message String show_documents();
    @Message String show_documents_none();
    @Message String join();
    @Message String join_when();
    @Message String join_cancelled();
    @Message String calendar();
    @Message String answer_title();
    @Message String answer_legend();
    @Message String answer_submit();
    @Message String run_title();

    // The forms
    @Message String schedule();
    @Message String schedule_submit();
    @Message String edit();
    @Message String edit_submit();
    @Message String form_edit_hint();
    @Message String field_title();
    @Message String field_kind();
    @Message String field_when();
    @Message String field_date();
    @Message String field_start();
    @Message String field_end();
    @Message String field_zone();
    @Message String field_zone_hint();
    @Message String field_venue();
    @Message String field_place();
    @Message String field_place_hint();
    @Message String field_url();
    @Message String field_url_hint();
    @Message String field_description();
    @Message String field_agenda();
    @Message String field_agenda_hint();
    @Message String field_countries();
    @Message String field_countries_hint();
    @Message String field_invitees();
    @Message String field_invitees_hint();
    @Message String field_documents();
    @Message String field_documents_none();
}
