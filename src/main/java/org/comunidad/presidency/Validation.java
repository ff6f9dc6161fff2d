package org.comunidad.presidency;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.comunidad.platform.content.Texts;
import org.comunidad.presidency.Presidencies.CountryChoice;
import org.comunidad.presidency.Presidencies.Term;

/** The checks of a presidency as typed (country and start date), each problem with its own message. */
public final class Validation {

    private Validation() {
    }

    /** What can be wrong with the form; labels in {@code pres:problem(...)}. */
    public enum Problem {
        COUNTRY_REQUIRED, COUNTRY_UNKNOWN, COUNTRY_CURRENT, DATE_REQUIRED, DATE_INVALID, DATE_NOT_AFTER_CURRENT,
        DATE_IN_FUTURE
    }

    /** Thrown when the form breaks a rule; nothing was stored. Field names: {@code country}, {@code startsOn}. */
    public static class Invalid extends RuntimeException {

        private final Map<String, Problem> problems;

        Invalid(Map<String, Problem> problems) {
            super("invalid presidency: " + problems);
            this.problems = Map.copyOf(problems);
        }

        public Map<String, Problem> problems() {
            return problems;
        }
    }

    public record Checked(CountryChoice country, LocalDate startsOn) {
    }

    /**
     * A member country of the forum other than the current presidency's, starting after the
     * current one started and, when {@code latest} is given, not after it.
     */
    static Checked check(String countryCode, String startsOn, List<CountryChoice> countries, Term current,
            LocalDate latest) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        String code = Texts.clean(countryCode);
        CountryChoice country = null;
        if (code == null) {
            problems.put("country", Problem.COUNTRY_REQUIRED);
        } else {
            country = countries.stream().filter(c -> c.code().equalsIgnoreCase(code)).findFirst().orElse(null);
            if (country == null) {
                problems.put("country", Problem.COUNTRY_UNKNOWN);
            } else if (current != null && current.countryCode().equals(country.code())) {
                problems.put("country", Problem.COUNTRY_CURRENT);
            }
        }
        String text = Texts.clean(startsOn);
        LocalDate date = null;
        if (text == null) {
            problems.put("startsOn", Problem.DATE_REQUIRED);
        } else {
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problems.put("startsOn", Problem.DATE_INVALID);
            }
        }
        if (date != null && current != null && !date.isAfter(current.startsOn())) {
            problems.put("startsOn", Problem.DATE_NOT_AFTER_CURRENT);
        } else if (date != null && latest != null && date.isAfter(latest)) {
            problems.put("startsOn", Problem.DATE_IN_FUTURE);
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return new Checked(country, date);
    }
}
