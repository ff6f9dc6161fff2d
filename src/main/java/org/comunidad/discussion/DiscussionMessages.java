package org.comunidad.discussion;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every string of the discussions feature (its pages, refusals, navigation, search), in Spanish (messages/dsc.properties), Portuguese
 * (dsc_pt) and English (dsc_en); templates use them as {dsc:...}.
 */
@MessageBundle(value = "dsc", locale = "es")
public interface DiscussionMessages {

    @Message String refused(DiscussionRefusal reason);

    @Message String nav();
    @Message String search_title();
    @Message String search_none();
    @Message String activity_period();
    @Message String activity_period_replies();
    @Message String activity_member();
    @Message String activity_member_replies();

    @Message String audit_action(DiscussionAudit.Action action);

    // The feature's own pages
    @Message String discussion_title();
    @Message String discussion_lead();
    @Message String discussion_open_new();
    @Message String discussion_open_list();
    @Message String discussion_closed_list();
    @Message String discussion_none_open();
    @Message String discussion_none_closed();
    @Message String discussion_col_title();
    @Message String discussion_col_topic();
    @Message String discussion_col_replies();
    @Message String discussion_col_activity();
    @Message String discussion_deadline_short();
    @Message String discussion_deadline_passed();
    @Message String discussion_back();
    @Message String discussion_field_title();
    @Message String discussion_field_topic();
    @Message String discussion_field_opening();
    @Message String discussion_field_deadline();
    @Message String discussion_field_deadline_hint();
    @Message String discussion_open_submit();
    @Message String discussion_status_open();
    @Message String discussion_status_closed();
    @Message String discussion_conclusion();
    @Message String discussion_conclusion_hint();
    @Message String discussion_closed_by();
    @Message String discussion_lead_actions();
    @Message String discussion_close();
    @Message String discussion_close_submit();
    @Message String discussion_reopen();
    @Message String discussion_replies();
    @Message String discussion_no_replies();
    @Message String discussion_reply_new();
    @Message String discussion_reply_field();
    @Message String discussion_reply_submit();
    @Message String discussion_answer();
    @Message String discussion_reply_deleted();
    @Message String discussion_reply_hidden();
    @Message String discussion_answer_to(String author);
    @Message String discussion_answer_to_removed();
    @Message String discussion_answering(String author);
    @Message String discussion_answering_cancel();
    @Message String discussion_answering_unknown();
    @Message String discussion_pager_top();
    @Message String discussion_pager_bottom();
    @Message String discussion_pager_first();
    @Message String discussion_pager_last();
    @Message String discussion_pager_of(int page, int pages);
    @Message String discussion_pager_range(long first, long last, long total);
}
