package org.comunidad.plan;

import java.time.LocalDate;

/**
 * When a plan's activity or product is due, as the forum's plans write it: an exact date, a month,
 * a range of months, a bimester, quarter, four-month term or semester, a year, a range over two
 * of those ("Cuarto bimestre 2020 Primer bimestre 2021"), "to be defined", or "continuing". It
 * keeps the words as they were written (pages show them) and the date range they stand for
 * (timelines draw it as a band, deadlines use its last day). Read by {@link Periods}.
 *
 * @param kind what was written
 * @param start the first day it covers; null for {@link Kind#TO_BE_DEFINED} and an open
 *        {@link Kind#CONTINUING}
 * @param end the last day it covers (inclusive); null when {@code start} is
 * @param written the text as people wrote it, trimmed
 */
public record Period(Kind kind, LocalDate start, LocalDate end, String written) {

    public enum Kind {
        /** One day: "15/03/2021", "2021-03-15". */
        DATE,
        /** "Octubre 2020", "Oct. 2020", "outubro de 2020". */
        MONTH,
        /** "Oct – dic. 2020", "octubre a diciembre de 2020", "November 2020 - February 2021". */
        MONTH_RANGE,
        /** Two months: "Primer bimestre 2021". */
        BIMESTER,
        /** Three months: "I Trimestre 2022", "Q1 2022", "first quarter of 2022". */
        QUARTER,
        /** Four months: "Segundo cuatrimestre 2021", "2º quadrimestre de 2021". */
        FOUR_MONTHS,
        /** Six months: "Segundo semestre 2020", "second half of 2020". */
        SEMESTER,
        /** "2021", "Año 2021". */
        YEAR,
        /** From one period to another: "Cuarto bimestre 2020 Primer bimestre 2021", "2023-2026". */
        RANGE,
        /** "Por definir.", "A definir", "To be defined": listed, never overdue. */
        TO_BE_DEFINED,
        /** "Continuidad", "Continuidad 2023-2026": an ongoing activity, never overdue. */
        CONTINUING
    }

    /** Whether it stands for dates (a timeline can draw it). */
    public boolean isDated() {
        return start != null;
    }

    /** An exact day rather than a coarse period (a timeline draws a point, not a band). */
    public boolean isExact() {
        return kind == Kind.DATE;
    }

    /**
     * Whether something due in this period and not finished is overdue on {@code today}: its last
     * day has passed. A period to be defined, or an ongoing activity, is never overdue.
     */
    public boolean overdueOn(LocalDate today) {
        return kind != Kind.TO_BE_DEFINED && kind != Kind.CONTINUING && end != null && end.isBefore(today);
    }

    /** The deadline: the last day of the period, or null when it has none. */
    public LocalDate deadline() {
        return kind == Kind.CONTINUING ? null : end;
    }

    @Override
    public String toString() {
        return written;
    }
}
