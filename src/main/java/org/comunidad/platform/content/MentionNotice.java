package org.comunidad.platform.content;

import jakarta.inject.Singleton;

import org.comunidad.platform.notice.NoticeKind;
import org.comunidad.platform.notice.NoticeKinds;
import org.comunidad.platform.web.AppMessages;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The notice of being mentioned in a piece of content ({@link Mention#record}). */
public enum MentionNotice implements NoticeKind {
    MENTION;

    @Override
    public String title(String language, String actor) {
        return messages(language).notifications_mention(actor);
    }

    @Override
    public String label(String language) {
        return messages(language).notifications_kind_mention();
    }

    private static AppMessages messages(String language) {
        return MessageBundles.get(AppMessages.class, Localized.Literal.of(language));
    }

    /** Contributes the kind to the notifications. */
    @Singleton
    static class Kinds extends NoticeKinds {
        Kinds() { super(10, MENTION); }
    }
}
