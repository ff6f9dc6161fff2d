package org.comunidad.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.comunidad.platform.notice.NoticeKind;
import org.comunidad.platform.security.CurrentUser;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What a notification says, the same in the bell's list and in emails: the words of each kind
 * come from the feature that owns it. Templates use {@code inject:notificationTexts}.
 */
@Named("notificationTexts")
@RequestScoped
public class NotificationTexts {

    @Inject
    CurrentUser currentUser;

    public String title(Notifications.Item item) {
        return title(currentUser.language(), item.kind(), item.actor());
    }

    /** The label of a kind, for the email preferences. */
    public String kind(NoticeKind kind) {
        return kind.label(currentUser.language());
    }

    /** The title in the given language (emails are rendered outside any request). */
    public static String title(String language, NoticeKind kind, String actor) {
        if (kind == null) {
            return MessageBundles.get(NotificationMessages.class, Localized.Literal.of(language)).notification_other();
        }
        return kind.title(language, actor == null ? "—" : actor);
    }
}
