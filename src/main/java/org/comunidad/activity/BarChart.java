package org.comunidad.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stacked bar chart laid out for an SVG drawn by the page itself (no script, no external
 * resource): one bar per week or month, one stacked segment per series (a country), a value
 * scale with round ticks. Coordinates are in the units of the SVG's viewBox; the same figures
 * go to a data table under the chart.
 */
public record BarChart(int width, int height, double plotLeft, double plotRight, double plotTop, double baseline,
        List<Tick> ticks, List<Bar> bars, List<Series> legend, int peak, Bar peakBar) {

    static final int WIDTH = 720;
    static final int HEIGHT = 280;
    static final double LEFT = 44;
    static final double RIGHT = WIDTH - 12;
    static final double TOP = 20;
    static final double BASELINE = HEIGHT - 52;

    /** A series of the stack (a country, or the member's active days), with its colour. */
    public record Series(String key, String label, String fill) {
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

    public record Tick(int value, double y) {
    }

    /** What a bar shows before layout. */
    public record Column(LocalDate start, String label, String axisLabel, String axisYear, boolean current,
            Map<String, Integer> values) {
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

    public boolean stacked() {
        return legend.size() > 1;
    }

    /** Lays out the columns, each stacked in the order of the legend. */
    public static BarChart of(List<Column> columns, List<Series> legend) {
        int max = 0;
        for (Column c : columns) {
            max = Math.max(max, legend.stream().mapToInt(s -> c.values().getOrDefault(s.key(), 0)).sum());
        }
        int step = step(max);
        int top = Math.max(step, (int) Math.ceil(max / (double) step) * step);
        double plotHeight = BASELINE - TOP;
        List<Tick> ticks = new ArrayList<>();
        for (int v = 0; v <= top; v += step) {
            ticks.add(new Tick(v, round(BASELINE - plotHeight * v / top)));
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
        return new BarChart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BASELINE, ticks, bars, legend, max, peakBar);
    }

    /** A round step (1, 2, 5, 10, 20, 50...) that gives at most five intervals up to the maximum. */
    static int step(int max) {
        int magnitude = 1;
        while (true) {
            for (int m : new int[] { 1, 2, 5 }) {
                int step = m * magnitude;
                if (Math.ceil(max / (double) step) <= 5) {
                    return step;
                }
            }
            magnitude *= 10;
        }
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
