package org.comunidad.platform.notice;

/**
 * A kind of notice, declared by the feature it belongs to (an enum implementing this is the
 * simple way) and contributed through {@link NoticeKinds}. The feature owns its words: the
 * title in the bell and in emails, and the label of its email preference, in each language.
 */
public interface NoticeKind {

    /** Stored in notifications, email settings and unsubscribe links: never rename one. */
    String name();

    /** What the bell and the email say, in the language ("es", "pt", "en"); {@code actor} is never null. */
    String title(String language, String actor);

    /** The label of its email preference, in the language. */
    String label(String language);

    /**
     * The kind whose email preference this kind follows: itself, unless two kinds are one
     * choice for the member (a join request approved or declined).
     */
    default NoticeKind choice() {
        return this;
    }

    /** Emailed at once unless the member chose otherwise; false: in the daily digest. */
    default boolean atOnce() {
        return true;
    }
}
