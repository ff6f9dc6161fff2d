package org.comunidad.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.comunidad.member.AccountMessages;
import org.comunidad.platform.security.CurrentUser;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What a notification says, the same in the bell's list and in emails (one place per kind).
 * Templates use {@code inject:notificationTexts}.
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
    public String kind(Notifications.Kind kind) {
        AccountMessages m = messages();
        return switch (kind) {
            case MENTION -> m.kind_mention();
            case JOIN_APPROVED, JOIN_DECLINED -> m.kind_join_decision();
            case ROLE_ASSIGNED -> m.kind_role_assigned();
            case INVITATION_ACCEPTED -> m.kind_invitation_accepted();
            case COORDINATION_GAINED, COORDINATION_LOST -> m.kind_coordination();
        };
    }

    private AccountMessages messages() {
        return MessageBundles.get(AccountMessages.class, Localized.Literal.of(currentUser.language()));
    }

    /** The title in the given language (emails are rendered outside any request). */
    public static String title(String language, Notifications.Kind kind, String actor) {
        AccountMessages m = MessageBundles.get(AccountMessages.class, Localized.Literal.of(language));
        String who = actor == null ? "—" : actor;
        if (kind == null) {
            return m.notification_other();
        }
        return switch (kind) {
            case MENTION -> m.notification_mention(who);
            case JOIN_APPROVED -> m.notification_join_approved();
            case JOIN_DECLINED -> m.notification_join_declined();
            case ROLE_ASSIGNED -> m.notification_role_assigned(who);
            case INVITATION_ACCEPTED -> m.notification_invitation_accepted(who);
            case COORDINATION_GAINED -> presidency(language).notification_gained();
            case COORDINATION_LOST -> presidency(language).notification_lost();
        };
    }

    private static org.comunidad.presidency.PresidencyMessages presidency(String language) {
        return MessageBundles.get(org.comunidad.presidency.PresidencyMessages.class, Localized.Literal.of(language));
    }
}
