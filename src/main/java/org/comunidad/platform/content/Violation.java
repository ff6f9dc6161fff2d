package org.comunidad.platform.content;

import org.comunidad.platform.web.AppMessages;
import org.comunidad.platform.web.SystemMessages;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * One problem with what a user submitted: the field, what is wrong and the limit
 * involved. Pages and the API turn it into a message in the user's language. The generic
 * codes are {@link Code}; a feature's own codes are an enum of its package implementing
 * {@link Explained}.
 */
public record Violation(String field, Explained code, long limit) {

    /** What any form may get wrong, whatever the feature. */
    public enum Code implements Explained {
        REQUIRED, TOO_LONG, INVALID_URL, INVALID_DATE, DATE_IN_PAST, IMAGE_TYPE, IMAGE_TOO_LARGE, REASON_REQUIRED,
        INVALID_CHOICE, TOO_MANY,
        /** A value in the address or a form that cannot be what the field holds (a number that is not one). */
        INVALID_VALUE;

        @Override
        public String message(String language, long limit) {
            AppMessages msg = MessageBundles.get(AppMessages.class, Localized.Literal.of(language));
            return switch (this) {
                case REQUIRED -> msg.validation_required();
                case TOO_LONG -> msg.validation_too_long(limit);
                case INVALID_URL -> msg.validation_invalid_url();
                case INVALID_DATE -> msg.validation_invalid_date();
                case DATE_IN_PAST -> msg.validation_date_in_past();
                case IMAGE_TYPE -> msg.validation_image_type();
                case IMAGE_TOO_LARGE -> msg.validation_image_too_large(limit);
                case REASON_REQUIRED -> msg.validation_reason_required();
                case INVALID_CHOICE -> msg.validation_invalid_choice();
                case TOO_MANY -> msg.validation_too_many(limit);
                case INVALID_VALUE -> MessageBundles.get(SystemMessages.class, Localized.Literal.of(language))
                        .invalid_value_unnamed();
            };
        }
    }

    public static Violation required(String field) {
        return new Violation(field, Code.REQUIRED, 0);
    }

    /** The field's value cannot be read at all (not a number, too large, not text). */
    public static Violation invalidValue(String field) {
        return new Violation(field, Code.INVALID_VALUE, 0);
    }

    public static Violation tooLong(String field, long max) {
        return new Violation(field, Code.TOO_LONG, max);
    }

    /** The message in the language (an unreadable value names its field). */
    public String message(String language) {
        if (code == Code.INVALID_VALUE && field != null && !field.isBlank()) {
            return MessageBundles.get(SystemMessages.class, Localized.Literal.of(language)).invalid_value(field);
        }
        return code.message(language, limit);
    }
}
