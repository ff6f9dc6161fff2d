package org.comunidad.plan;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a deadline as the forum's plans write it, in Spanish, Portuguese or English, into a
 * {@link Period}: "Primer bimestre 2021", "Cuarto bimestre 2020 Primer bimestre 2021",
 * "Segundo semestre 2020", "Oct – dic. 2020", "Por definir.", "I Trimestre 2022", "Q1 2022",
 * "outubro a dezembro de 2020", "first half of 2021", "15/03/2021", "2023-2026", "Continuidad".
 * Case, accents, abbreviation dots and the small words between (de, del, do, of...) do not
 * matter. What it cannot read comes back with the reason, never a guess.
 */
public final class Periods {

    /** Why a text is not a period. */
    public enum Reason {
        /** Nothing was written. */
        EMPTY,
        /** Words that are no period in any of the three languages. */
        UNREADABLE,
        /** An ordinal the unit does not have: a seventh bimester, a fifth quarter. */
        OUT_OF_RANGE,
        /** A range whose end comes before its start. */
        BACKWARDS,
        /** A day that does not exist (31/02/2021). */
        INVALID_DATE
    }

    /** A period read, or the reason it could not be. */
    public record Reading(Period period, Reason refusal) {
        public boolean ok() {
            return period != null;
        }
    }

    private static final class Refusal extends RuntimeException {
        final Reason reason;

        Refusal(Reason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }
    }

    private static final Set<String> TO_BE_DEFINED = Set.of("por definir", "a definir", "por determinar",
            "a determinar", "to be defined", "to be determined", "tbd", "tbc", "to be confirmed", "pendiente",
            "pendente");
    private static final Set<String> CONTINUING = Set.of("continuidad", "continuidade", "continuing", "ongoing",
            "permanente", "permanent", "continuo", "continua", "continuous");
    /** Words between the parts that carry nothing: "primer bimestre de 2021", "first half of 2021". */
    private static final Set<String> FILLER = Set.of("de", "del", "do", "da", "of", "the", "el", "la", "o", "in", "en",
            "ano", "year");
    /** Words that join the two ends of a range. */
    private static final Set<String> TO = Set.of("-", "a", "al", "hasta", "ate", "to", "until", "till", "through", "y",
            "e", "and");

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, Integer> ORDINALS = new HashMap<>();
    /** The units of a coarse period and their length in months. */
    private static final Map<String, Period.Kind> UNITS = new HashMap<>();

    static {
        month(1, "enero", "ene", "janeiro", "jan", "january");
        month(2, "febrero", "feb", "fevereiro", "fev", "february");
        month(3, "marzo", "mar", "marco", "march");
        month(4, "abril", "abr", "april", "apr");
        month(5, "mayo", "may", "maio", "mai");
        month(6, "junio", "jun", "junho", "june");
        month(7, "julio", "jul", "julho", "july");
        month(8, "agosto", "ago", "august", "aug");
        month(9, "septiembre", "setiembre", "sep", "sept", "set", "setembro", "september");
        month(10, "octubre", "oct", "outubro", "out", "october");
        month(11, "noviembre", "nov", "novembro", "november");
        month(12, "diciembre", "dic", "dezembro", "dez", "december", "dec");
        ordinal(1, "primer", "primero", "primera", "primeiro", "first", "1", "1o", "1a", "1er", "1ro", "1st", "i");
        ordinal(2, "segundo", "segunda", "second", "2", "2o", "2a", "2do", "2nd", "ii");
        ordinal(3, "tercer", "tercero", "tercera", "terceiro", "terceira", "third", "3", "3o", "3a", "3er", "3ro",
                "3rd", "iii");
        ordinal(4, "cuarto", "cuarta", "quarto", "quarta", "fourth", "4", "4o", "4a", "4to", "4th", "iv");
        ordinal(5, "quinto", "quinta", "fifth", "5", "5o", "5a", "5to", "5th", "v");
        ordinal(6, "sexto", "sexta", "sixth", "6", "6o", "6a", "6to", "6th", "vi");
        // Only to say why "séptimo bimestre" is no period (no unit has a seventh).
        ordinal(7, "septimo", "septima", "setimo", "setima", "seventh", "7", "7o", "7a", "7mo", "7th", "vii");
        for (String unit : List.of("bimestre", "bimester", "bimonthly")) {
            UNITS.put(unit, Period.Kind.BIMESTER);
        }
        for (String unit : List.of("trimestre", "quarter")) {
            UNITS.put(unit, Period.Kind.QUARTER);
        }
        for (String unit : List.of("cuatrimestre", "quadrimestre")) {
            UNITS.put(unit, Period.Kind.FOUR_MONTHS);
        }
        for (String unit : List.of("semestre", "semester", "half")) {
            UNITS.put(unit, Period.Kind.SEMESTER);
        }
    }

    private static final Pattern DAY = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})");
    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(19|20|21)\\d{2}");
    private static final Pattern YEAR_IN = Pattern.compile("\\b(19|20|21)\\d{2}\\b");
    /** "q1", "h2": a quarter or a half by its letter. */
    private static final Pattern LETTER_UNIT = Pattern.compile("([qh])([1-4])");

    private Periods() {
    }

    private static void month(int number, String... names) {
        Arrays.stream(names).forEach(n -> MONTHS.put(n, number));
    }

    private static void ordinal(int number, String... names) {
        Arrays.stream(names).forEach(n -> ORDINALS.put(n, number));
    }

    /** The period the text stands for, or the reason it stands for none. */
    public static Reading read(String text) {
        try {
            return new Reading(parse(text), null);
        } catch (Refusal refusal) {
            return new Reading(null, refusal.reason);
        }
    }

    /**
     * The period the text stands for in a table whose column gives the year ("I Trimestre" under
     * "Cronograma 2022"): the year counts when the text names none.
     */
    public static Reading read(String text, int year) {
        if (text != null && !text.isBlank() && !YEAR_IN.matcher(text).find()) {
            Reading alone = read(text);
            if (alone.ok()) {
                return alone;
            }
            Reading withYear = read(text.strip() + " " + year);
            return withYear.ok() ? new Reading(new Period(withYear.period().kind(), withYear.period().start(),
                    withYear.period().end(), text.strip().replaceAll("\\s+", " ")), null) : alone;
        }
        return read(text);
    }

    /** The period, if the text is one. */
    public static Optional<Period> find(String text) {
        return Optional.ofNullable(read(text).period());
    }

    private static Period parse(String text) {
        if (text == null || text.isBlank()) {
            throw new Refusal(Reason.EMPTY);
        }
        String written = text.strip().replaceAll("\\s+", " ");
        String lower = fold(written);
        Matcher day = DAY.matcher(lower);
        if (day.matches()) {
            LocalDate date = date(Integer.parseInt(day.group(3)), Integer.parseInt(day.group(2)),
                    Integer.parseInt(day.group(1)));
            return new Period(Period.Kind.DATE, date, date, written);
        }
        Matcher iso = ISO_DAY.matcher(lower);
        if (iso.matches()) {
            LocalDate date = date(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)));
            return new Period(Period.Kind.DATE, date, date, written);
        }
        List<String> words = words(lower);
        String joined = String.join(" ", words);
        if (words.isEmpty()) {
            throw new Refusal(Reason.UNREADABLE);
        }
        if (TO_BE_DEFINED.contains(joined)) {
            return new Period(Period.Kind.TO_BE_DEFINED, null, null, written);
        }
        if (CONTINUING.contains(words.get(0))) {
            if (words.size() == 1) {
                return new Period(Period.Kind.CONTINUING, null, null, written);
            }
            Period span = span(words.subList(1, words.size()), written);
            return new Period(Period.Kind.CONTINUING, span.start(), span.end(), written);
        }
        return span(words, written);
    }

    /** One period, or a range of two written one after the other (with or without "a", "-", "to"). */
    private static Period span(List<String> words, String written) {
        Period one = single(words, written);
        if (one != null) {
            return one;
        }
        Refusal reason = null;
        for (int i = 1; i < words.size(); i++) {
            List<String> left = trimTo(words.subList(0, i));
            List<String> right = trimTo(words.subList(i, words.size()));
            if (left.isEmpty() || right.isEmpty()) {
                continue;
            }
            Period from;
            Period to;
            try {
                from = single(left, written);
                to = single(right, written);
            } catch (Refusal refusal) {
                reason = refusal;
                continue;
            }
            if (from == null || to == null) {
                continue;
            }
            if (to.end().isBefore(from.start())) {
                throw new Refusal(Reason.BACKWARDS);
            }
            boolean months = from.kind() == Period.Kind.MONTH && to.kind() == Period.Kind.MONTH;
            return new Period(months ? Period.Kind.MONTH_RANGE : Period.Kind.RANGE, from.start(), to.end(), written);
        }
        throw reason != null ? reason : new Refusal(Reason.UNREADABLE);
    }

    /** The words without a joining word at either end ("cuarto bimestre 2020 -" and "a primer bimestre 2021"). */
    private static List<String> trimTo(List<String> words) {
        int from = 0;
        int to = words.size();
        while (from < to && TO.contains(words.get(from))) {
            from++;
        }
        while (to > from && TO.contains(words.get(to - 1))) {
            to--;
        }
        return words.subList(from, to);
    }

    /** One period, null when the words are no single period; a refusal when they are one that cannot be. */
    private static Period single(List<String> w, String written) {
        int n = w.size();
        if (n == 1 && YEAR.matcher(w.get(0)).matches()) {
            int year = Integer.parseInt(w.get(0));
            return new Period(Period.Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), written);
        }
        if (n == 2 && YEAR.matcher(w.get(1)).matches()) {
            int year = Integer.parseInt(w.get(1));
            Integer month = MONTHS.get(w.get(0));
            if (month != null) {
                YearMonth ym = YearMonth.of(year, month);
                return new Period(Period.Kind.MONTH, ym.atDay(1), ym.atEndOfMonth(), written);
            }
            Matcher letter = LETTER_UNIT.matcher(w.get(0));
            if (letter.matches()) {
                Period.Kind kind = letter.group(1).equals("q") ? Period.Kind.QUARTER : Period.Kind.SEMESTER;
                return coarse(kind, Integer.parseInt(letter.group(2)), year, written);
            }
            return null;
        }
        if (n == 3 && YEAR.matcher(w.get(2)).matches()) {
            int year = Integer.parseInt(w.get(2));
            // "primer bimestre 2021", "I trimestre 2022"; or "bimestre 1 2021".
            Integer ordinal = ORDINALS.get(w.get(0));
            Period.Kind unit = UNITS.get(w.get(1));
            if (ordinal == null || unit == null) {
                ordinal = ORDINALS.get(w.get(1));
                unit = UNITS.get(w.get(0));
            }
            if (ordinal != null && unit != null) {
                return coarse(unit, ordinal, year, written);
            }
            // "oct dic 2020" (the dash was a joining word).
            Integer from = MONTHS.get(w.get(0));
            Integer to = MONTHS.get(w.get(1));
            if (from != null && to != null) {
                return months(from, to, year, written);
            }
            return null;
        }
        if (n == 4 && YEAR.matcher(w.get(3)).matches() && TO.contains(w.get(1))) {
            // "oct - dic 2020", "octubre a diciembre 2020", "october to december 2020".
            Integer from = MONTHS.get(w.get(0));
            Integer to = MONTHS.get(w.get(2));
            if (from != null && to != null) {
                return months(from, to, Integer.parseInt(w.get(3)), written);
            }
        }
        return null;
    }

    private static Period months(int from, int to, int year, String written) {
        if (to < from) {
            throw new Refusal(Reason.BACKWARDS);
        }
        return new Period(Period.Kind.MONTH_RANGE, YearMonth.of(year, from).atDay(1),
                YearMonth.of(year, to).atEndOfMonth(), written);
    }

    /** The n-th bimester, quarter, four-month term or semester of a year. */
    private static Period coarse(Period.Kind unit, int ordinal, int year, String written) {
        int length = switch (unit) {
            case BIMESTER -> 2;
            case QUARTER -> 3;
            case FOUR_MONTHS -> 4;
            case SEMESTER -> 6;
            default -> throw new IllegalArgumentException(unit.name());
        };
        if (ordinal < 1 || ordinal > 12 / length) {
            throw new Refusal(Reason.OUT_OF_RANGE);
        }
        YearMonth first = YearMonth.of(year, (ordinal - 1) * length + 1);
        return new Period(unit, first.atDay(1), first.plusMonths(length - 1L).atEndOfMonth(), written);
    }

    private static LocalDate date(int year, int month, int day) {
        int fullYear = year < 100 ? 2000 + year : year;
        try {
            return LocalDate.of(fullYear, month, day);
        } catch (DateTimeException e) {
            throw new Refusal(Reason.INVALID_DATE);
        }
    }

    /** Lower case, no accents, ordinal marks as letters, every dash one hyphen. */
    private static String fold(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT).replace('º', 'o').replace('ª', 'a').replace('°', 'o');
        String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.replaceAll("[\u2010-\u2015\u2212]", "-");
    }

    /** The words: dashes stand alone, abbreviation dots and commas go, filler words go. */
    private static List<String> words(String folded) {
        String spaced = folded.replaceAll("(?<=[a-z0-9])-(?=[a-z0-9])", " - ").replace(" -", " - ").replace("- ", " - ")
                .replaceAll("[.,;:()]", " ");
        List<String> words = new ArrayList<>();
        for (String word : spaced.strip().split("\\s+")) {
            if (!word.isEmpty() && !FILLER.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }
}
