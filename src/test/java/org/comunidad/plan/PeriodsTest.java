package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Deadlines as the plans write them, in Spanish, Portuguese and English: every deadline of seed
 * 001 (section 7, the subgroups' plans), the quarters of seed 002's "CRONOGRAMA REFERENCIAL", and
 * their equivalents in the other languages, each with the dates it stands for.
 */
class PeriodsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # seed 001, section 7
            Primer bimestre 2021                          | BIMESTER    | 2021-01-01 | 2021-02-28
            Cuarto bimestre 2020                          | BIMESTER    | 2020-07-01 | 2020-08-31
            Cuarto bimestre 2020 Primer bimestre 2021     | RANGE       | 2020-07-01 | 2021-02-28
            Segundo semestre 2020                         | SEMESTER    | 2020-07-01 | 2020-12-31
            Oct – dic. 2020                               | MONTH_RANGE | 2020-10-01 | 2020-12-31
            # Portuguese
            Primeiro bimestre de 2021                     | BIMESTER    | 2021-01-01 | 2021-02-28
            Quarto bimestre de 2020 a primeiro bimestre de 2021 | RANGE | 2020-07-01 | 2021-02-28
            Segundo semestre de 2020                      | SEMESTER    | 2020-07-01 | 2020-12-31
            out. – dez. 2020                              | MONTH_RANGE | 2020-10-01 | 2020-12-31
            outubro a dezembro de 2020                    | MONTH_RANGE | 2020-10-01 | 2020-12-31
            1º trimestre de 2022                          | QUARTER     | 2022-01-01 | 2022-03-31
            2º quadrimestre de 2021                       | FOUR_MONTHS | 2021-05-01 | 2021-08-31
            março de 2021                                 | MONTH       | 2021-03-01 | 2021-03-31
            # English
            First bimester 2021                           | BIMESTER    | 2021-01-01 | 2021-02-28
            Fourth bimester 2020 to first bimester 2021   | RANGE       | 2020-07-01 | 2021-02-28
            Second half of 2020                           | SEMESTER    | 2020-07-01 | 2020-12-31
            Second semester 2020                          | SEMESTER    | 2020-07-01 | 2020-12-31
            Oct – Dec 2020                                | MONTH_RANGE | 2020-10-01 | 2020-12-31
            October to December 2020                      | MONTH_RANGE | 2020-10-01 | 2020-12-31
            Q3 2022                                       | QUARTER     | 2022-07-01 | 2022-09-30
            H1 2023                                       | SEMESTER    | 2023-01-01 | 2023-06-30
            first quarter of 2022                         | QUARTER     | 2022-01-01 | 2022-03-31
            # Spanish, the other shapes
            I Trimestre 2022                              | QUARTER     | 2022-01-01 | 2022-03-31
            IV trimestre 2022                             | QUARTER     | 2022-10-01 | 2022-12-31
            tercer cuatrimestre 2021                      | FOUR_MONTHS | 2021-09-01 | 2021-12-31
            Octubre 2020                                  | MONTH       | 2020-10-01 | 2020-10-31
            setiembre de 2021                             | MONTH       | 2021-09-01 | 2021-09-30
            Enero-Marzo 2021                              | MONTH_RANGE | 2021-01-01 | 2021-03-31
            noviembre 2020 - febrero 2021                 | MONTH_RANGE | 2020-11-01 | 2021-02-28
            2021                                          | YEAR        | 2021-01-01 | 2021-12-31
            Año 2021                                      | YEAR        | 2021-01-01 | 2021-12-31
            2023-2026                                     | RANGE       | 2023-01-01 | 2026-12-31
            15/03/2021                                    | DATE        | 2021-03-15 | 2021-03-15
            2021-03-15                                    | DATE        | 2021-03-15 | 2021-03-15
            25.11.19                                      | DATE        | 2019-11-25 | 2019-11-25
            Continuidad 2023-2026                         | CONTINUING  | 2023-01-01 | 2026-12-31
            """)
    void readsTheDeadlinesAsWritten(String text, Period.Kind kind, LocalDate start, LocalDate end) {
        Periods.Reading reading = Periods.read(text);
        assertTrue(reading.ok(), text + ": " + reading.refusal());
        Period period = reading.period();
        assertEquals(kind, period.kind(), text);
        assertEquals(start, period.start(), text);
        assertEquals(end, period.end(), text);
        assertEquals(text.strip(), period.written(), "shown as people wrote it");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Por definir.        | TO_BE_DEFINED
            Por definir         | TO_BE_DEFINED
            A definir           | TO_BE_DEFINED
            To be defined       | TO_BE_DEFINED
            TBD                 | TO_BE_DEFINED
            Continuidad         | CONTINUING
            Continuidade        | CONTINUING
            Ongoing             | CONTINUING
            """)
    void undatedPeriodsAreListedAndNeverOverdue(String text, Period.Kind kind) {
        Period period = Periods.find(text).orElseThrow();
        assertEquals(kind, period.kind());
        assertFalse(period.isDated());
        assertNull(period.deadline());
        assertFalse(period.overdueOn(LocalDate.of(2099, 1, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                         | EMPTY
            '   '                                      | EMPTY
            Cuando se pueda                            | UNREADABLE
            Primer bimestre                            | UNREADABLE
            Séptimo bimestre 2021                      | OUT_OF_RANGE
            Quinto trimestre 2021                      | OUT_OF_RANGE
            Tercer semestre 2021                       | OUT_OF_RANGE
            H3 2021                                    | OUT_OF_RANGE
            Dic – oct 2020                             | BACKWARDS
            Primer bimestre 2021 Cuarto bimestre 2020  | BACKWARDS
            31/02/2021                                 | INVALID_DATE
            """)
    void whatIsNoPeriodComesBackWithTheReason(String text, Periods.Reason reason) {
        Periods.Reading reading = Periods.read(text);
        assertFalse(reading.ok(), text + " read as " + reading.period());
        assertEquals(reason, reading.refusal(), text);
    }

    @Test
    void aTableColumnGivesTheYearThatTheCellLeavesOut() {
        // seed 002: "I Trimestre" ... "IV Trimestre" under "Cronograma 2022".
        Period first = Periods.read("I Trimestre", 2022).period();
        assertEquals(Period.Kind.QUARTER, first.kind());
        assertEquals(LocalDate.of(2022, 1, 1), first.start());
        assertEquals(LocalDate.of(2022, 3, 31), first.end());
        assertEquals("I Trimestre", first.written());
        assertEquals(LocalDate.of(2022, 12, 31), Periods.read("IV Trimestre", 2022).period().end());
        // A cell with its own year keeps it.
        assertEquals(LocalDate.of(2021, 1, 1), Periods.read("Primer bimestre 2021", 2022).period().start());
        assertEquals(Period.Kind.CONTINUING, Periods.read("Continuidad", 2022).period().kind());
    }

    @Test
    void aDeadlineIsTheLastDayAndOverdueOnlyAfterIt() {
        Period bimester = Periods.find("Primer bimestre 2021").orElseThrow();
        assertEquals(LocalDate.of(2021, 2, 28), bimester.deadline());
        assertFalse(bimester.overdueOn(LocalDate.of(2021, 2, 28)));
        assertTrue(bimester.overdueOn(LocalDate.of(2021, 3, 1)));
        assertFalse(bimester.isExact());
        assertTrue(Periods.find("15/03/2021").orElseThrow().isExact());
        // A leap year's second month.
        assertEquals(LocalDate.of(2024, 2, 29), Periods.find("Primer bimestre 2024").orElseThrow().end());
    }
}
