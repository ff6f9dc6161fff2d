package org.comunidad.meeting;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of what happens after a meeting: attendance by official and by country, minutes,
 * agreements and action items, their pages and lists, in Spanish (messages/mtgr.properties),
 * Portuguese (mtgr_pt) and English (mtgr_en); templates use {mtgr:...}.
 */
@MessageBundle(value = "mtgr", locale = "es")
public interface MeetingRecordMessages {

    @Message String refused(OutcomeRefusal reason);
    @Message String violation(OutcomeViolation code);
    @Message String audit_action(MeetingOutcomeAudit.Action action);

    @Message String attendance(Attendance attendance);
    @Message String answer(Answer answer);
    @Message String answer_none();
    @Message String status(MeetingAction.Status status);

    // The section of the meeting's page
    @Message String attendance_title();
    @Message String countries_present(int present, int invited);
    @Message String officials_present(int present, int invited);
    @Message String attendance_pending();
    @Message String attendance_record();
    @Message String attendance_correct();
    @Message String represented_by(String who);
    @Message String no_country();
    @Message String minutes_title();
    @Message String minutes_none();
    @Message String minutes_written(String name, String at);
    @Message String minutes_write();
    @Message String minutes_edit();
    @Message String agreements_title();
    @Message String agreements_none();
    @Message String agreement_number(int number);
    @Message String agreements_manage();
    @Message String actions_title();
    @Message String actions_none();
    @Message String actions_manage();
    @Message String actions_all_community();

    // Columns
    @Message String col_country();
    @Message String col_official();
    @Message String col_answer();
    @Message String col_attendance();
    @Message String col_represented();
    @Message String col_number();
    @Message String col_action();
    @Message String col_owner();
    @Message String col_due();
    @Message String col_status();
    @Message String col_meeting();
    @Message String col_community();
    @Message String overdue();
    @Message String due_none();
    @Message String col_task();
    @Message String task_link();
    @Message String make_task();
    @Message String task_none();
    @Message String owner_country(String name);

    // The attendance form
    @Message String attendance_page_title();
    @Message String attendance_lead();
    @Message String attendance_officials();
    @Message String attendance_countries();
    @Message String attendance_of(String name);
    @Message String represented_of(String name);
    @Message String not_recorded();
    @Message String attendance_save();
    @Message String attendance_no_invitees();
    @Message String attendance_no_countries();
    @Message String attendance_prefilled();

    // Minutes
    @Message String minutes_page_title();
    @Message String minutes_lead();
    @Message String minutes_field();
    @Message String minutes_save();

    // Agreements
    @Message String agreements_page_title();
    @Message String agreements_lead();
    @Message String agreement_field();
    @Message String agreement_hint(int max);
    @Message String agreement_add();
    @Message String agreement_new();
    @Message String agreement_save();
    @Message String agreement_edit();
    @Message String agreement_delete();

    // Action items of a meeting
    @Message String actions_page_title();
    @Message String actions_lead();
    @Message String action_new();
    @Message String action_field_text();
    @Message String action_owner_legend();
    @Message String action_owner_hint();
    @Message String action_field_owner_member();
    @Message String action_field_owner_country();
    @Message String action_owner_none();
    @Message String action_field_due();
    @Message String action_field_status();
    @Message String action_add();
    @Message String action_status_save();
    @Message String action_status_of(int number);

    // Lists of action items
    @Message String community_actions_title();
    @Message String community_actions_lead();
    @Message String show_open();
    @Message String show_all();
    @Message String show_label();
    @Message String actions_none_open();
    @Message String my_actions_title();
    @Message String my_actions_lead();
    @Message String limited(int limit);
    @Message String back_to_meeting();
    @Message String member_actions_title();
    @Message String member_actions_lead();
}
