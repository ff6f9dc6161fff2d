package org.comunidad.member;

import jakarta.inject.Singleton;

import org.comunidad.platform.notice.NoticeKind;
import org.comunidad.platform.notice.NoticeKinds;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What members hear about their membership: a join request decided ({@link JoinRequests}), a
 * role given ({@link MembershipAdmin}), an invitation they sent accepted ({@link Invitations}).
 * Fired as {@link org.comunidad.platform.notice.Notice} events; a decision, approved or
 * declined, is one email preference.
 */
public enum MemberNotice implements NoticeKind {
    JOIN_APPROVED, JOIN_DECLINED, ROLE_ASSIGNED, INVITATION_ACCEPTED;

    @Override
    public String title(String language, String actor) {
        AccountMessages m = messages(language);
        return switch (this) {
            case JOIN_APPROVED -> m.notification_join_approved();
            case JOIN_DECLINED -> m.notification_join_declined();
            case ROLE_ASSIGNED -> m.notification_role_assigned(actor);
            case INVITATION_ACCEPTED -> m.notification_invitation_accepted(actor);
        };
    }

    @Override
    public String label(String language) {
        AccountMessages m = messages(language);
        return switch (this) {
            case JOIN_APPROVED, JOIN_DECLINED -> m.kind_join_decision();
            case ROLE_ASSIGNED -> m.kind_role_assigned();
            case INVITATION_ACCEPTED -> m.kind_invitation_accepted();
        };
    }

    @Override
    public NoticeKind choice() {
        return this == JOIN_DECLINED ? JOIN_APPROVED : this;
    }

    private static AccountMessages messages(String language) {
        return MessageBundles.get(AccountMessages.class, Localized.Literal.of(language));
    }

    /** Contributes the kinds to the notifications. */
    @Singleton
    static class Kinds extends NoticeKinds {
        Kinds() { super(20, values()); }
    }
}
