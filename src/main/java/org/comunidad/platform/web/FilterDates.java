package org.comunidad.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A date typed in a list's filter (from, to: ISO yyyy-mm-dd, as the browser's date field sends
 * it). A filter is a view, not a stored value: a blank or unreadable date simply does not filter.
 */
public final class FilterDates {

    private FilterDates() {
    }

    /** The date, or null when blank or not a date. */
    public static LocalDate parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
