package org.comunidad.presidency;

import jakarta.inject.Singleton;

import org.comunidad.platform.notice.NoticeKind;
import org.comunidad.platform.notice.NoticeKinds;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What the rotation of the presidency tells the coordinators it moves ({@link Rotation}):
 * gaining and losing a group's coordination, one email preference.
 */
public enum PresidencyNotice implements NoticeKind {
    COORDINATION_GAINED, COORDINATION_LOST;

    @Override
    public String title(String language, String actor) {
        PresidencyMessages m = messages(language);
        return this == COORDINATION_GAINED ? m.notification_gained() : m.notification_lost();
    }

    @Override
    public String label(String language) {
        return messages(language).notification_kind();
    }

    @Override
    public NoticeKind choice() {
        return COORDINATION_GAINED;
    }

    private static PresidencyMessages messages(String language) {
        return MessageBundles.get(PresidencyMessages.class, Localized.Literal.of(language));
    }

    /** Contributes the kinds to the notifications. */
    @Singleton
    static class Kinds extends NoticeKinds {
        Kinds() { super(30, values()); }
    }
}
