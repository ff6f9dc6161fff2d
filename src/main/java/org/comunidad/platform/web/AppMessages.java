package org.comunidad.platform.web;

import org.comunidad.platform.security.CommunityRole;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every visible string of the shared pages, in Spanish (messages/msg.properties),
 * Portuguese (msg_pt) and English (msg_en). Keys are namespaced by feature.
 */
@MessageBundle(value = "msg", locale = "es")
public interface AppMessages {

    // Layout
    @Message String app_name();
    @Message String app_tagline(String forum);
    @Message String layout_skip();
    @Message String layout_nav_main();
    @Message String layout_nav_community();
    @Message String layout_footer(String forum);
    @Message String nav_my_communities();
    @Message String nav_overview();
    @Message String nav_members();
    @Message String user_menu();
    @Message String user_signed_in_as();
    @Message String user_signout();
    @Message String user_signin();
    @Message String lang_label();
    @Message String lang_es();
    @Message String lang_pt();
    @Message String lang_en();

    // Landing page
    @Message String home_title(String forum);
    @Message String home_lead();
    @Message String home_signin();
    @Message String home_continue();
    @Message String home_who_title();
    @Message String home_who_text();

    // My communities
    @Message String communities_title();
    @Message String communities_intro();
    @Message String communities_admin_note();
    @Message String communities_empty_title();
    @Message String communities_empty_text();
    @Message String communities_your_roles();
    @Message String communities_your_subgroups();
    @Message String communities_all_subgroups();
    @Message String communities_no_subgroups();

    // Working group and subgroup pages
    @Message String community_subgroups();
    @Message String community_no_subgroups();
    @Message String community_countries();
    @Message String community_no_countries();
    @Message String community_focal_point();
    @Message String community_alternate();
    @Message String community_not_named();
    @Message String community_leader_country();
    @Message String community_member_countries();
    @Message String community_to_be_defined();
    @Message String community_you_take_part();
    @Message String community_working_group();
    @Message String community_your_roles();
    @Message String community_members();
    @Message String community_member_count(int count);
    @Message String community_no_members();
    @Message String members_name();
    @Message String members_country();
    @Message String members_institution();
    @Message String members_position();
    @Message String members_roles();
    @Message String members_in(String community);

    @Message String role(CommunityRole role);

    // Errors
    @Message String error_not_found_title();
    @Message String error_not_found_text();
    @Message String error_bad_request_title();
    @Message String error_bad_request_text();
    @Message String error_back();

    // Conversation: shared
    @Message String nav_feed();
    @Message String nav_new_items();
    @Message String content_actions();
    @Message String content_delete();
    @Message String content_edit();
    @Message String content_edited();
    @Message String content_save();
    @Message String content_hidden_title();
    @Message String content_hidden_reason();
    @Message String content_hide();
    @Message String content_hide_reason();
    @Message String content_hide_confirm();
    @Message String content_unhide();
    @Message String content_new();
    @Message String content_open();
    @Message String content_pin();
    @Message String content_unpin();
    @Message String content_pinned();
    @Message String form_has_errors();
    @Message String hint_max(int max);
    @Message String hint_markdown(int max);
    @Message String pager_label();
    @Message String pager_previous();
    @Message String pager_next();
    @Message String pager_page(int page);
    @Message String validation_required();
    @Message String validation_too_long(long max);
    @Message String validation_invalid_url();
    @Message String validation_invalid_date();
    @Message String validation_date_in_past();
    @Message String validation_image_type();
    @Message String validation_image_too_large(long max);
    @Message String validation_invalid_choice();
    @Message String validation_too_many(long max);
    @Message String validation_reason_required();
    @Message String refused(org.comunidad.platform.content.Refused.Reason reason);
    @Message String error_refused_title();
    @Message String error_invalid_title();

    // Feed
    @Message String feed_title();
    @Message String feed_lead();
    @Message String feed_kind_news();
    @Message String feed_kind_post();
    @Message String feed_comments(long count);
    @Message String feed_empty();
    @Message String feed_older();
    @Message String feed_newest();
    @Message String communities_new_items(int count);

    // Audit log
    @Message String nav_audit();
    @Message String audit_title();
    @Message String audit_lead();
    @Message String audit_lead_all();
    @Message String audit_col_when();
    @Message String audit_col_who();
    @Message String audit_col_country();
    @Message String audit_col_community();
    @Message String audit_col_action();
    @Message String audit_col_target_type();
    @Message String audit_col_target();
    @Message String audit_col_detail();

    /** The audit CSV's last column: the X-Request-Id of the request that wrote the entry (in the logs too). */
    @Message String audit_col_request();
    @Message String audit_export();
    @Message String audit_empty();
    @Message String audit_older();
    @Message String audit_newest();
    @Message String audit_filter_action();
    @Message String audit_filter_all();
    @Message String audit_filter_from();
    @Message String audit_filter_to();
    @Message String audit_filter_apply();

    // Notifications
    @Message String notifications_title();
    @Message String notifications_lead();
    @Message String notifications_empty();
    @Message String notifications_unread();
    @Message String notifications_new();
    @Message String notifications_read_all();
    @Message String notifications_mention(String actor);
    @Message String notifications_kind_mention();

    // Directory
    @Message String members_email();
    @Message String directory_filters();
    @Message String directory_search();
    @Message String directory_role();
    @Message String directory_subgroup();
    @Message String directory_all();
    @Message String directory_apply();
    @Message String directory_clear();
    @Message String directory_export_csv();
    @Message String directory_export_vcard();

    // Member administration
    @Message String manage_roles();
    @Message String manage_role_remove();
    @Message String manage_assign();
    @Message String manage_in();
    @Message String manage_country_hint();
    @Message String manage_assign_submit();
    @Message String manage_remove();
    @Message String manage_remove_hint();
    @Message String manage_remove_submit();

}
