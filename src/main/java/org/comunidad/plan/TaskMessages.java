package org.comunidad.plan;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of tasks and "my tasks", their notices and refusals, in Spanish (messages/tsk.properties),
 * Portuguese (tsk_pt) and English (tsk_en); templates use {tsk:...}.
 */
@MessageBundle(value = "tsk", locale = "es")
public interface TaskMessages {

    @Message String refused(TaskRefusal reason);
    @Message String violation(TaskViolation code);
    @Message String status(Task.Status status);
    @Message String notice_assigned(String actor);
    @Message String notice_due_soon();
    @Message String kind_assigned();
    @Message String kind_due_soon();
    @Message String nav();
    @Message String col_community();
    @Message String col_task();
    @Message String col_assignee();
    @Message String col_due();
    @Message String col_status();
    @Message String assignee_none();
    @Message String due_none();
    @Message String overdue();
    @Message String list_title();
    @Message String list_lead();
    @Message String new_task();
    @Message String show_label();
    @Message String show_open();
    @Message String show_all();
    @Message String none();
    @Message String none_open();
    @Message String limited(int limit);
    @Message String mine_title();
    @Message String mine_lead();
    @Message String overdue_count(int count);
    @Message String none_mine();
    @Message String none_mine_open();
    @Message String edit_task();
    @Message String back_to_list();
    @Message String back_to_task();
    @Message String made_from();
    @Message String field_title();
    @Message String field_description();
    @Message String field_assignee();
    @Message String field_due();
    @Message String field_due_hint();
    @Message String create();
    @Message String save();
    @Message String task_kicker();
    @Message String details();
    @Message String created_by();
    @Message String from_activity();
    @Message String from_action();
    @Message String field_status();
    @Message String status_save();
    @Message String comments_title();
    @Message String comments_none();
    @Message String field_comment();
    @Message String comment_add();

    @Message String export_xlsx();
    @Message String export_csv();
}
