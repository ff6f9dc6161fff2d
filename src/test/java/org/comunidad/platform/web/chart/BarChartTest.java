package org.comunidad.platform.web.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The chart component's layout: stacked vertical bars on a round scale, each series after the
 * first with a pattern; horizontal bars in proportion on their scale with their value as text,
 * long labels shortened (the full one stays in the bar's title and in the table).
 */
class BarChartTest {

    static final BarChart.Series A = new BarChart.Series("a", "Argentina", "#2166ac");
    static final BarChart.Series B = new BarChart.Series("b", "Brasil", "#b35806");
    static final BarChart.Series C = new BarChart.Series("c", "Chile", "#b2182b");

    @Test
    void verticalBarsStackTheSeriesInTheLegendsOrderOnARoundScale() {
        BarChart chart = BarChart.of(List.of(
                column("Semana 1", Map.of("a", 2, "b", 1)),
                column("Semana 2", Map.of("a", 3, "b", 3, "c", 1)),
                column("Semana 3", Map.of())), List.of(A, B, C));

        assertFalse(chart.isHorizontal());
        assertTrue(chart.stacked());
        assertEquals(7, chart.peak());
        assertEquals("Semana 2", chart.peakBar().label());
        // Seven at most: steps of 2 up to 8.
        assertEquals(List.of("0", "2", "4", "6", "8"), chart.ticks().stream().map(BarChart.Tick::value).toList());
        assertEquals(BarChart.BASELINE, chart.ticks().get(0).y());
        assertEquals(BarChart.TOP, chart.ticks().get(4).y());

        BarChart.Bar second = chart.bars().get(1);
        assertEquals(7, second.total());
        assertEquals(List.of(3, 3, 1), second.values());
        assertEquals(3, second.segments().size());
        // Each segment sits on the one below it; their heights add up to the bar's.
        BarChart.Segment first = second.segments().get(0);
        assertEquals(BarChart.BASELINE, first.y() + first.height(), 0.11);
        assertEquals(first.y(), second.segments().get(1).y() + second.segments().get(1).height(), 0.11);
        double plot = BarChart.BASELINE - BarChart.TOP;
        assertEquals(plot * 7 / 8, second.segments().stream().mapToDouble(BarChart.Segment::height).sum(), 0.3);
        // An empty week: no segments, its total written on the baseline.
        assertTrue(chart.bars().get(2).segments().isEmpty());
        assertEquals(BarChart.BASELINE - 4, chart.bars().get(2).totalY());

        // Colour is not the only cue: the first series plain, the others patterned, in the legend too.
        assertEquals(List.of(0, 1, 2), chart.legend().stream().map(BarChart.Series::pattern).toList());
        assertEquals(2, second.segments().get(2).series().pattern());
        assertTrue(chart.patterned());
    }

    @Test
    void oneSeriesIsNeitherStackedNorPatterned() {
        BarChart chart = BarChart.of(List.of(column("Enero", Map.of("a", 0)), column("Febrero", Map.of("a", 0))),
                List.of(A));
        assertFalse(chart.stacked());
        assertFalse(chart.patterned());
        assertNull(chart.peakBar(), "nothing to point at");
        assertEquals(List.of("0", "1"), chart.ticks().stream().map(BarChart.Tick::value).toList());
    }

    @Test
    void horizontalBarsAreInProportionOnTheirScaleWithTheirValueWritten() {
        BarChart chart = BarChart.horizontal(List.of(
                new BarChart.Entry("Asistencia a víctimas", 62.5, "62,5 %", A),
                new BarChart.Entry("Delincuencia organizada transnacional y otras amenazas", 20, "20,0 %", A),
                new BarChart.Entry("Prevención", 0, "—", A)), 100, v -> Math.round(v) + " %", List.of());

        assertTrue(chart.isHorizontal());
        assertEquals(List.of("0 %", "25 %", "50 %", "75 %", "100 %"),
                chart.ticks().stream().map(BarChart.Tick::value).toList());
        assertEquals(BarChart.H_LEFT, chart.ticks().get(0).x());
        assertEquals(BarChart.H_RIGHT, chart.ticks().get(4).x());
        double plot = BarChart.H_RIGHT - BarChart.H_LEFT;
        List<BarChart.Row> rows = chart.rows();
        assertEquals(3, rows.size());
        assertEquals(plot * 0.625, rows.get(0).barWidth(), 0.11);
        assertEquals(plot * 0.2, rows.get(1).barWidth(), 0.11);
        assertEquals(0, rows.get(2).barWidth());
        // The value is written just after the bar's end.
        assertEquals(BarChart.H_LEFT + rows.get(0).barWidth() + 6, rows.get(0).valueX(), 0.11);
        assertEquals("62,5 %", rows.get(0).valueText());
        // Rows one under the other; the chart is as tall as its rows.
        assertEquals(BarChart.ROW_HEIGHT, rows.get(1).y() - rows.get(0).y(), 0.11);
        assertTrue(chart.height() >= rows.get(2).y() + rows.get(2).barHeight());
        // A long label is shortened left of the bar; the full one stays for its title and the table.
        assertEquals("Delincuencia organizada trans…", rows.get(1).shortLabel());
        assertEquals(BarChart.LABEL_CHARS, rows.get(1).shortLabel().length());
        assertEquals("Delincuencia organizada transnacional y otras amenazas", rows.get(1).label());
    }

    @Test
    void horizontalBarsWithoutAGivenScaleRoundTheLargestValueUp() {
        BarChart chart = BarChart.horizontal(List.of(
                new BarChart.Entry("Fondo A", 1_250_000, "1.250.000 USD", A),
                new BarChart.Entry("Fondo B", 400_000, "400.000 USD", A)), 0, v -> Long.toString(Math.round(v)),
                List.of());
        // 1 250 000: steps of 500 000 up to 1 500 000.
        assertEquals(List.of("0", "500000", "1000000", "1500000"),
                chart.ticks().stream().map(BarChart.Tick::value).toList());
        double plot = BarChart.H_RIGHT - BarChart.H_LEFT;
        assertEquals(plot * 1_250_000 / 1_500_000, chart.rows().get(0).barWidth(), 0.11);
        // A value over the scale is drawn to its end, not beyond.
        BarChart over = BarChart.horizontal(List.of(new BarChart.Entry("x", 120, "120 %", A)), 100,
                v -> Math.round(v) + " %", List.of());
        assertEquals(plot, over.rows().get(0).barWidth(), 0.11);
    }

    @Test
    void stepsAreRound() {
        assertEquals(1, BarChart.step(0));
        assertEquals(1, BarChart.step(5));
        assertEquals(2, BarChart.step(6));
        assertEquals(5, BarChart.step(21));
        assertEquals(10, BarChart.step(50));
        assertEquals(20, BarChart.step(51));
        assertEquals(5_000_000_000L, BarChart.step(20_000_000_000.0));
    }

    @Test
    void patternsCycleAfterTheFirstSeries() {
        List<BarChart.Series> many = BarChart.withPatterns(List.of(A, B, C, A, B, C, A));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 0), many.stream().map(BarChart.Series::pattern).toList());
    }

    private static BarChart.Column column(String label, Map<String, Integer> values) {
        return new BarChart.Column(LocalDate.of(2026, 1, 1), label, label, null, false, values);
    }
}
