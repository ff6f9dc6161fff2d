package org.comunidad.activity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The time unit of the activity charts: the last 12 weeks (Monday to Sunday) or the last 12 months. */
public enum Period {
    WEEKS("week"), MONTHS("month");

    /** How many weeks or months a chart shows, the current one included. */
    public static final int BUCKETS = 12;

    /** PostgreSQL's {@code date_trunc} unit (ISO weeks start on Monday, as {@link #start} does). */
    final String sqlUnit;

    Period(String sqlUnit) {
        this.sqlUnit = sqlUnit;
    }

    /** From the page's query parameter; weeks unless months are asked for. */
    public static Period parse(String value) {
        return "months".equalsIgnoreCase(value == null ? "" : value.strip()) ? MONTHS : WEEKS;
    }

    /** The query parameter's value. */
    public String param() {
        return name().toLowerCase();
    }

    /** The first day of the week or month that holds the day. */
    public LocalDate start(LocalDate day) {
        return this == WEEKS ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    /** The first days of the {@link #BUCKETS} weeks or months that end with the one holding today, oldest first. */
    public List<LocalDate> buckets(LocalDate today) {
        LocalDate current = start(today);
        List<LocalDate> starts = new ArrayList<>();
        for (int i = BUCKETS - 1; i >= 0; i--) {
            starts.add(this == WEEKS ? current.minusWeeks(i) : current.minusMonths(i));
        }
        return starts;
    }
}
