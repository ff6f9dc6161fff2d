package org.comunidad.notification;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The notifications' own strings (emails, the digest, unsubscribing), in Spanish
 * (messages/ntf.properties), Portuguese (ntf_pt) and English (ntf_en); templates use them as
 * {ntf:...}. What each kind of notice says belongs to the feature that owns the kind.
 */
@MessageBundle(value = "ntf", locale = "es")
public interface NotificationMessages {

    @Message String notification_other();
    @Message String mail_greeting(String name);
    @Message String mail_open();
    @Message String mail_why(String forum);
    @Message String mail_preferences();
    @Message String mail_unsubscribe();
    @Message String mail_digest_subject(int count);
    @Message String mail_digest_lead();
    @Message String unsub_title();
    @Message String unsub_kind(String kind);
    @Message String unsub_all();
    @Message String unsub_in_app();
    @Message String unsub_confirm();
    @Message String unsub_done();
}
