package org.comunidad.platform.web;

import java.util.Map;

/**
 * A submitted form as it goes back to the user after a mistake: what they typed (so
 * nothing is lost) and a message per field, in their language.
 */
public record FormState(String id, Map<String, String> values, Map<String, String> errors) {

    public static FormState empty(String id) {
        return new FormState(id, Map.of(), Map.of());
    }

    public String value(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    /** What the user typed if this form came back, else the stored value (editing). */
    public String valueOr(String field, Object stored) {
        if (values.containsKey(field)) {
            return value(field);
        }
        return stored == null ? "" : stored.toString();
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Whether this is the state of the form with the given id (a page can hold several forms). */
    public boolean is(String formId) {
        return id.equals(formId);
    }
}
