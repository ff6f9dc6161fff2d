package org.comunidad.member;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of invitations, the profile, email and account administration, in Spanish
 * (messages/acct.properties), Portuguese (acct_pt) and English (acct_en); templates use
 * them as {acct:...}.
 */
@MessageBundle(value = "acct", locale = "es")
public interface AccountMessages {

    @Message String inv_title();
    @Message String inv_lead();
    @Message String inv_form_title();
    @Message String inv_email();
    @Message String inv_first_name();
    @Message String inv_last_name();
    @Message String inv_country();
    @Message String inv_institution();
    @Message String inv_position();
    @Message String inv_language();
    @Message String inv_role();
    @Message String inv_community();
    @Message String inv_submit();
    @Message String inv_sent();
    @Message String inv_unavailable();
    @Message String inv_list_title();
    @Message String inv_none();
    @Message String inv_col_person();
    @Message String inv_col_role();
    @Message String inv_col_status();
    @Message String inv_col_sent();
    @Message String inv_col_expires();
    @Message String inv_col_actions();
    @Message String inv_status(Invitations.Status status);
    @Message String inv_sent_times(int count);
    @Message String inv_by(String name);
    @Message String inv_resend();
    @Message String inv_revoke();
    @Message String inv_nav();
    @Message String profile_title();
    @Message String profile_lead();
    @Message String profile_identity();
    @Message String profile_identity_hint();
    @Message String profile_name();
    @Message String profile_email();
    @Message String profile_country();
    @Message String profile_contact();
    @Message String profile_phone();
    @Message String profile_phone_hint();
    @Message String profile_institution();
    @Message String profile_position();
    @Message String profile_language();
    @Message String profile_time_zone();
    @Message String profile_save();
    @Message String profile_saved();
    @Message String profile_unavailable();
    @Message String email_title();
    @Message String email_lead();
    @Message String email_at_once();
    @Message String email_digest();
    @Message String email_never();
    @Message String email_opt_out();
    @Message String email_save();
    @Message String kind_join_decision();
    @Message String kind_role_assigned();
    @Message String kind_invitation_accepted();
    @Message String notification_join_approved();
    @Message String notification_join_declined();
    @Message String notification_role_assigned(String who);
    @Message String notification_invitation_accepted(String who);
    @Message String account_title();
    @Message String account_is_disabled();
    @Message String account_is_enabled();
    @Message String account_disable();
    @Message String account_disable_hint();
    @Message String account_enable();
    @Message String validation_invalid_email();
    @Message String validation_account_exists();
    @Message String validation_invitation_pending();
    @Message String validation_invalid_phone();
    @Message String validation_invalid_time_zone();
    @Message String dir_phone();
    /** Stands in the directory for an address Keycloak has not verified. */
    @Message String dir_email_unverified();
}
