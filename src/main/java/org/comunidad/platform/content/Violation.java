package org.comunidad.platform.content;

/**
 * One problem with what a user submitted: the field, what is wrong and the limit
 * involved. Pages and the API turn it into a message in the user's language.
 */
public record Violation(String field, Code code, long limit) {

    public enum Code {
        REQUIRED, TOO_LONG, INVALID_URL, INVALID_DATE, DATE_IN_PAST, IMAGE_TYPE, IMAGE_TOO_LARGE, REASON_REQUIRED,
        INVALID_NAME, DUPLICATE, INVALID_CHOICE, TOO_MANY, SAME_LANGUAGE, ROLE_TAKEN, ROLE_HELD, DUPLICATE_REQUEST,
        INVALID_EMAIL, ACCOUNT_EXISTS, INVITATION_PENDING, INVALID_PHONE, INVALID_TIME_ZONE,
        /** A value in the address or a form that cannot be what the field holds (a number that is not one). */
        INVALID_VALUE
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
}
