package org.comunidad.platform.content;

/**
 * A refusal reason or a validation code with its message in the user's language. The
 * platform's generic ones are {@link Refused.Reason} and {@link Violation.Code}; each feature
 * keeps its own in an enum of its package (its messages in its own bundle), so that no
 * central list names every feature's cases. {@link #name()} is the code the API answers with.
 */
public interface Explained {

    String name();

    /** The message in the language (es, pt or en); limit: the number a code speaks of (0 if none). */
    String message(String language, long limit);
}
