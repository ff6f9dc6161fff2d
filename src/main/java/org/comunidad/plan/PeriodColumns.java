package org.comunidad.plan;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A period as stored: the words people wrote ({@code period_text}, shown as written) and what
 * {@link Periods} read from them (kind, first and last day, inclusive). An exact date is a
 * period of kind DATE. Empty (all null): no deadline given.
 */
@Embeddable
public class PeriodColumns {

    public static final int TEXT_MAX = 200;

    @Column(name = "period_text", length = TEXT_MAX)
    public String text;

    @Enumerated(EnumType.STRING)
    @Column(name = "period_kind", length = 16)
    public Period.Kind kind;

    @Column(name = "period_start")
    public LocalDate start;

    @Column(name = "period_end")
    public LocalDate end;

    public PeriodColumns() {
    }

    public static PeriodColumns of(Period period) {
        PeriodColumns c = new PeriodColumns();
        if (period != null) {
            c.text = period.written();
            c.kind = period.kind();
            c.start = period.start();
            c.end = period.end();
        }
        return c;
    }

    /** The period, or null when none was given. */
    public Period period() {
        return kind == null ? null : new Period(kind, start, end, text);
    }

    public boolean isEmpty() {
        return kind == null;
    }

    /** The last day, when the period has one (never for "to be defined" or "continuing"). */
    public LocalDate deadline() {
        Period p = period();
        return p == null ? null : p.deadline();
    }

    public boolean overdueOn(LocalDate today) {
        Period p = period();
        return p != null && p.overdueOn(today);
    }
}
