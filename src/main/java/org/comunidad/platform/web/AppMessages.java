package org.comunidad.platform.web;

import org.comunidad.community.CommunityKind;
import org.comunidad.community.SubgroupCategory;
import org.comunidad.member.CommunityRole;

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
    @Message String app_tagline();
    @Message String layout_skip();
    @Message String layout_nav_main();
    @Message String layout_nav_community();
    @Message String layout_footer();
    @Message String nav_my_communities();
    @Message String nav_overview();
    @Message String nav_members();
    @Message String user_menu();
    @Message String user_signed_in_as();
    @Message String user_signout();
    @Message String user_signin();
    @Message String lang_label();
    @Message String lang_submit();
    @Message String lang_es();
    @Message String lang_pt();
    @Message String lang_en();

    // Landing page
    @Message String home_title();
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
    @Message String community_kind(CommunityKind kind);
    @Message String community_category(SubgroupCategory category);
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
}
