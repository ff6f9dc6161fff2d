package org.comunidad.platform.web.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bar chart laid out for an SVG the page draws itself (no script, no external resource), drawn
 * by {@code templates/tags/barChart.html}. Two shapes:
 * <ul>
 * <li>{@link #of vertical}, stacked: one bar per column (a week, a month...), one stacked segment
 * per series (a country...), a value scale with round ticks, the total written above each bar;</li>
 * <li>{@link #horizontal}: one bar per row (a subgroup's progress, a funding source's budget),
 * its label on the left and its value written at its end, on a scale from zero to a maximum
 * (100 for percentages).</li>
 * </ul>
 * Colour is never the only way to read it: every series after the first also carries a pattern
 * (hatching, dots...) drawn over its colour and repeated in the legend, segments are separated
 * by a white line, every bar has a {@code <title>}, horizontal bars carry their label and value
 * as text, and the page puts the same figures in a table after the chart. Coordinates are in
 * the units of the SVG's viewBox.
 */
public record BarChart(boolean isHorizontal, int width, int height, double plotLeft, double plotRight, double plotTop,
        double baseline, List<Tick> ticks, List<Bar> bars, List<Row> rows, List<Series> legend, int peak, Bar peakBar) {

    static final int WIDTH = 720;
    static final int HEIGHT = 280;
    static final double LEFT = 44;
    static final double RIGHT = WIDTH - 12;
    static final double TOP = 20;
    static final double BASELINE = HEIGHT - 52;

    /** Horizontal charts: room for the rows' labels on the left and the values on the right. */
    static final double H_LEFT = 220;
    static final double H_RIGHT = WIDTH - 90;
    static final double H_TOP = 8;
    static final double ROW_HEIGHT = 30;
    static final double H_BAR = 18;
    /** How many characters of a row's label fit left of the bars; longer ones are shortened (the full label is in the title and the table). */
    static final int LABEL_CHARS = 30;

    /** How many patterns the template defines (pattern 0 is plain colour). */
    public static final int PATTERNS = 6;

    /**
     * A series of the stack (a country, a status), with its colour and its pattern (0: none;
     * 1..{@value #PATTERNS}-1: drawn over the colour so that colour is not the only cue).
     */
    public record Series(String key, String label, String fill, int pattern) {

        public Series(String key, String label, String fill) {
            this(key, label, fill, 0);
        }

        public boolean patterned() {
            return pattern > 0;
        }
    }

    /** A part of a bar: one series' value, drawn from y (top) down by height. */
    public record Segment(Series series, int value, double y, double height) {
    }

    /**
     * One week or month. label: in full, for the table and the segments' tooltips; axisLabel and
     * axisYear: the two lines under the bar (the year only where it changes). values: one per
     * series of the legend, in its order.
     */
    public record Bar(LocalDate start, String label, String axisLabel, String axisYear, boolean current, int total,
            List<Integer> values, double x, double barWidth, double center, List<Segment> segments) {

        /** Where the total is written, just above the bar. */
        public double totalY() {
            return segments.isEmpty() ? BASELINE - 4 : round(segments.get(segments.size() - 1).y() - 4);
        }
    }

    /** A scale mark: its text and where it is (y on a vertical chart, x on a horizontal one). */
    public record Tick(String value, double at) {

        /** The vertical chart's name for {@link #at}. */
        public double y() {
            return at;
        }

        public double x() {
            return at;
        }
    }

    /** What a vertical bar shows before layout. */
    public record Column(LocalDate start, String label, String axisLabel, String axisYear, boolean current,
            Map<String, Integer> values) {
    }

    /**
     * What a horizontal bar shows before layout: its label, its value and how the value is
     * written at the bar's end ("45,5 %", "12 000 USD"), an optional note after it ("2 left
     * out"), and its series (colour and pattern).
     */
    public record Entry(String label, double value, String valueText, Series series) {
    }

    /** A laid-out horizontal bar; {@code shortLabel} is what fits left of the bar. */
    public record Row(String label, String shortLabel, double value, String valueText, Series series, double y,
            double barHeight, double x, double barWidth, double labelY, double valueX) {
    }

    /** Where the scale's numbers end, left of the plot. */
    public double tickLabelX() {
        return plotLeft - 8;
    }

    public double axisLabelY() {
        return baseline + 18;
    }

    public double axisYearY() {
        return baseline + 36;
    }

    /** Where a horizontal chart's scale numbers are written, under the plot. */
    public double tickLabelY() {
        return baseline + 18;
    }

    /** Where a horizontal chart's rows' labels end. */
    public double rowLabelX() {
        return plotLeft - 8;
    }

    public boolean stacked() {
        return legend.size() > 1;
    }

    /** The series that carry a pattern, for the legend and the pattern definitions. */
    public boolean patterned() {
        return legend.stream().anyMatch(Series::patterned) || rows.stream().anyMatch(r -> r.series().patterned());
    }

    /** Lays out vertical columns, each stacked in the order of the legend. */
    public static BarChart of(List<Column> columns, List<Series> series) {
        List<Series> legend = series.size() > 1 ? withPatterns(series) : series;
        int max = 0;
        for (Column c : columns) {
            max = Math.max(max, legend.stream().mapToInt(s -> c.values().getOrDefault(s.key(), 0)).sum());
        }
        int step = (int) step(max);
        int top = Math.max(step, (int) Math.ceil(max / (double) step) * step);
        double plotHeight = BASELINE - TOP;
        List<Tick> ticks = new ArrayList<>();
        for (int v = 0; v <= top; v += step) {
            ticks.add(new Tick(Integer.toString(v), round(BASELINE - plotHeight * v / top)));
        }
        double slot = (RIGHT - LEFT) / Math.max(1, columns.size());
        double barWidth = round(slot * 0.62);
        List<Bar> bars = new ArrayList<>();
        Bar peakBar = null;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            double x = round(LEFT + i * slot + (slot - barWidth) / 2);
            List<Integer> values = new ArrayList<>();
            List<Segment> segments = new ArrayList<>();
            double y = BASELINE;
            int total = 0;
            for (Series s : legend) {
                int value = c.values().getOrDefault(s.key(), 0);
                values.add(value);
                if (value > 0) {
                    double h = plotHeight * value / top;
                    y -= h;
                    segments.add(new Segment(s, value, round(y), round(h)));
                    total += value;
                }
            }
            Bar bar = new Bar(c.start(), c.label(), c.axisLabel(), c.axisYear(), c.current(), total, values, x,
                    barWidth, round(x + barWidth / 2), segments);
            bars.add(bar);
            if (total > 0 && (peakBar == null || total > peakBar.total())) {
                peakBar = bar;
            }
        }
        return new BarChart(false, WIDTH, HEIGHT, LEFT, RIGHT, TOP, BASELINE, ticks, bars, List.of(), legend, max,
                peakBar);
    }

    /**
     * Lays out horizontal bars on a scale from zero to {@code scaleMax} (or to the largest value,
     * rounded up, when {@code scaleMax} is zero or less), ticks written by {@code tickText}
     * (e.g. "50 %"). {@code legend} lists the series to explain (empty when the rows' labels say
     * everything).
     */
    public static BarChart horizontal(List<Entry> entries, double scaleMax, java.util.function.DoubleFunction<String> tickText,
            List<Series> legend) {
        double max = entries.stream().mapToDouble(Entry::value).max().orElse(0);
        double top;
        double step;
        if (scaleMax > 0) {
            top = scaleMax;
            step = scaleMax / 4;
        } else {
            step = step(max);
            top = Math.max(step, Math.ceil(max / step) * step);
        }
        int height = (int) Math.ceil(H_TOP + ROW_HEIGHT * Math.max(1, entries.size()) + 30);
        double baseline = height - 30;
        double plotWidth = H_RIGHT - H_LEFT;
        List<Tick> ticks = new ArrayList<>();
        for (double v = 0; v <= top + step / 1000; v += step) {
            ticks.add(new Tick(tickText.apply(v), round(H_LEFT + plotWidth * v / top)));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            double y = round(H_TOP + i * ROW_HEIGHT + (ROW_HEIGHT - H_BAR) / 2);
            double w = round(plotWidth * Math.max(0, Math.min(e.value(), top)) / top);
            rows.add(new Row(e.label(), shorten(e.label()), e.value(), e.valueText(), e.series(), y, H_BAR, H_LEFT, w,
                    round(y + H_BAR / 2 + 4), round(H_LEFT + w + 6)));
        }
        return new BarChart(true, WIDTH, height, H_LEFT, H_RIGHT, H_TOP, baseline, ticks, List.of(), rows, legend,
                (int) Math.round(max), null);
    }

    static String shorten(String label) {
        if (label == null) {
            return "";
        }
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1).strip() + "…";
    }

    /** A round step (1, 2, 5, 10, 20, 50...) that gives at most five intervals up to the maximum. */
    static long step(double max) {
        long magnitude = 1;
        while (true) {
            for (int m : new int[] { 1, 2, 5 }) {
                long step = m * magnitude;
                if (Math.ceil(max / step) <= 5) {
                    return step;
                }
            }
            magnitude *= 10;
        }
    }

    /** The series with a pattern each after the first (cycling), so that stacked segments differ by more than colour. */
    public static List<Series> withPatterns(List<Series> legend) {
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < legend.size(); i++) {
            Series s = legend.get(i);
            out.add(new Series(s.key(), s.label(), s.fill(), i % PATTERNS));
        }
        return out;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
