package org.comunidad.platform.content;

import java.net.URI;
import java.util.List;

/** Checks shared by every kind of content; each adds a {@link Violation} instead of throwing. */
public final class Texts {

    private Texts() {
    }

    /** Trimmed text, or null when blank. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static void required(List<Violation> violations, String field, String value, int max) {
        if (value == null) {
            violations.add(Violation.required(field));
        } else if (value.codePointCount(0, value.length()) > max) {
            violations.add(Violation.tooLong(field, max));
        }
    }

    public static void optional(List<Violation> violations, String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            violations.add(Violation.tooLong(field, max));
        }
    }

    /** An absolute http(s) link, the only kind members may attach. */
    public static void link(List<Violation> violations, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            violations.add(Violation.tooLong(field, max));
            return;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                violations.add(new Violation(field, Violation.Code.INVALID_URL, 0));
            }
        } catch (Exception e) {
            violations.add(new Violation(field, Violation.Code.INVALID_URL, 0));
        }
    }

    public static void check(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }
}
