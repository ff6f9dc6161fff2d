package org.comunidad.member;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of joining and its requests, in Spanish (messages/mbr.properties),
 * Portuguese (mbr_pt) and English (mbr_en); templates use them as {mbr:...}.
 */
@MessageBundle(value = "mbr", locale = "es")
public interface MemberMessages {

    @Message String notifications_join_approved();
    @Message String notifications_join_declined();
    @Message String join_title();
    @Message String join_lead();
    @Message String join_none();
    @Message String join_message();
    @Message String join_ask();
    @Message String join_pending();
    @Message String join_withdraw();
    @Message String join_groups();
    @Message String join_subgroups();
    @Message String requests_title();
    @Message String requests_lead();
    @Message String requests_none();
    @Message String requests_note();
    @Message String requests_approve();
    @Message String requests_decline();
    @Message String nav_requests();
    @Message String nav_join();
    @Message String officials_title(String country);
    @Message String officials_lead();
    @Message String officials_add();
    @Message String officials_add_submit();
    @Message String officials_none();
    @Message String officials_remove();
    @Message String activity_title();
    @Message String activity_last_seen();

    @Message String validation_role_taken();
    @Message String validation_role_held();
    @Message String validation_duplicate_request();
    @Message String refused(MemberRefusal reason);

    @Message String audit_action(MemberAudit.Action action);
}
