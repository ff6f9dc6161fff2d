package org.comunidad.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.comunidad.community.Community;

import io.quarkus.qute.i18n.MessageBundles;

/**
 * A plan's activities on a time axis, laid out for an SVG the page draws itself: one row per
 * dated activity, a coarse period (a bimester, a semester, a range of months...) as a band from
 * its first to its last day, an exact date as a point (a diamond); the activities "to be defined"
 * and the continuing ones each in a row of their own under the axis, listed by name, since they
 * have no dates to place. The same rows follow in a table. With a year, that year's annual work
 * plans; otherwise the plan's years.
 */
public final class PlanTimeline {

    static final int WIDTH = 720;
    static final double LEFT = 220;
    static final double RIGHT = WIDTH - 16;
    static final double TOP = 34;
    static final double ROW = 22;
    static final double BAND = 12;
    static final int LABEL_CHARS = 30;

    public enum Kind {
        BAND, POINT, CONTINUING, TO_BE_DEFINED, NONE
    }

    /** The page. {@code base}: the plan's address under the community the viewer came through. */
    public record View(Community community, Plan plan, String base, Integer year, List<Integer> years, LocalDate from,
            LocalDate to, int width, int height, double left, double right, double top, double axisY,
            List<Tick> ticks, List<Lane> lanes, List<Lane> continuing, List<Lane> undefined, double continuingY,
            double undefinedY, List<Lane> rows, String desc, Double todayX) {

        public String link(String path) {
            return base + "/" + path + (year == null ? "" : "?year=" + year);
        }

        public boolean hasContinuing() {
            return !continuing.isEmpty();
        }

        public boolean hasUndefined() {
            return !undefined.isEmpty();
        }

        /** The names of the continuing activities, for their row. */
        public String continuingNames() {
            return String.join(" · ", continuing.stream().map(Lane::title).toList());
        }

        public String undefinedNames() {
            return String.join(" · ", undefined.stream().map(Lane::title).toList());
        }

        public double labelX() {
            return left - 8;
        }

        public String planLink() {
            return base;
        }

        public double axisWidth() {
            return right - left;
        }
    }

    public record Tick(String label, double x) {
    }

    /**
     * One activity: where it is drawn (y of its row, x1..x2 of its band, or x1 for a point) and
     * what the table says of it (period as written, first and last day, kind in words).
     */
    public record Lane(long id, String title, String shortTitle, String community, String period, LocalDate start,
            LocalDate end, Kind kind, String kindLabel, String status, double y, double x1, double x2, String href) {

        public boolean band() {
            return kind == Kind.BAND;
        }

        public boolean point() {
            return kind == Kind.POINT;
        }

        public double width() {
            return Math.max(2, x2 - x1);
        }

        public double midY() {
            return y + BAND / 2;
        }

        /** The diamond of a point, as an SVG polygon. */
        public String diamond() {
            double r = BAND / 2 + 1;
            double cy = midY();
            return round(x1) + "," + round(cy - r) + " " + round(x1 + r) + "," + round(cy) + " " + round(x1) + ","
                    + round(cy + r) + " " + round(x1 - r) + "," + round(cy);
        }

        public double labelY() {
            return y + BAND / 2 + 4;
        }
    }

    private final PlanDashboardMessages messages;
    private final PlanDashboard words;
    private final Locale locale;

    PlanTimeline(Locale locale) {
        this.locale = locale;
        this.words = new PlanDashboard(locale);
        this.messages = MessageBundles.get(PlanDashboardMessages.class,
                io.quarkus.qute.i18n.Localized.Literal.of(locale.getLanguage()));
    }

    View view(Community community, Plan plan, PlanTree tree, Integer year, LocalDate today) {
        String base = "/c/" + community.slug + "/plans/" + plan.id;
        LocalDate from = LocalDate.of(year != null ? year : plan.startYear, 1, 1);
        LocalDate to = LocalDate.of(year != null ? year : plan.endYear, 12, 31);
        List<PlanTree.Node> leaves = tree.leaves().stream().filter(n -> PlanDashboard.inYear(n, year)).toList();
        // Widen the axis to what is written, so nothing dated falls off it.
        for (PlanTree.Node n : leaves) {
            if (n.period != null && n.period.isDated()) {
                if (n.period.start().isBefore(from)) {
                    from = n.period.start().withDayOfYear(1);
                }
                LocalDate end = n.period.end() != null ? n.period.end() : n.period.start();
                if (end.isAfter(to)) {
                    to = end.withMonth(12).withDayOfMonth(31);
                }
            }
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        List<Lane> dated = new ArrayList<>();
        List<Lane> continuing = new ArrayList<>();
        List<Lane> undefined = new ArrayList<>();
        List<Lane> rows = new ArrayList<>();
        int row = 0;
        for (PlanTree.Node n : leaves) {
            Period p = n.period;
            Kind kind = p == null ? Kind.NONE
                    : p.kind() == Period.Kind.CONTINUING ? Kind.CONTINUING
                    : p.kind() == Period.Kind.TO_BE_DEFINED || !p.isDated() ? Kind.TO_BE_DEFINED
                    : p.isExact() ? Kind.POINT : Kind.BAND;
            LocalDate start = p == null ? null : p.start();
            LocalDate end = p == null ? null : p.end();
            double y = 0;
            double x1 = 0;
            double x2 = 0;
            if (kind == Kind.BAND || kind == Kind.POINT) {
                y = TOP + row++ * ROW + (ROW - BAND) / 2;
                x1 = x(from, days, start);
                x2 = kind == Kind.POINT ? x1 : x(from, days, (end != null ? end : start).plusDays(1));
            }
            Lane lane = new Lane(n.id, n.title, shorten(n.title), n.communityName.in(locale),
                    p == null ? messages.no_period() : p.written(), start, end, kind, kind(kind), words.status(n.status),
                    round(y), round(x1), round(x2), base + "#item-" + n.id);
            rows.add(lane);
            switch (kind) {
                case BAND, POINT -> dated.add(lane);
                case CONTINUING -> continuing.add(lane);
                default -> undefined.add(lane);
            }
        }
        double axisY = TOP + row * ROW + 6;
        double continuingY = axisY + 34;
        double undefinedY = continuingY + (continuing.isEmpty() ? 0 : ROW + 6);
        double height = undefinedY + (undefined.isEmpty() ? 0 : ROW + 6) + 8;
        List<Tick> ticks = new ArrayList<>();
        boolean oneYear = from.getYear() == to.getYear();
        if (oneYear) {
            DateTimeFormatter month = DateTimeFormatter.ofPattern("LLL", locale);
            for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
                ticks.add(new Tick(month.format(m), round(x(from, days, m))));
            }
        } else {
            for (int y = from.getYear(); y <= to.getYear(); y++) {
                ticks.add(new Tick(Integer.toString(y), round(x(from, days, LocalDate.of(y, 1, 1)))));
            }
        }
        Double todayX = today.isBefore(from) || today.isAfter(to) ? null : round(x(from, days, today));
        List<Integer> years = new ArrayList<>();
        for (int y = plan.startYear; y <= plan.endYear; y++) {
            years.add(y);
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String desc = messages.timeline_desc(date.format(from), date.format(to), dated.size(), continuing.size(),
                undefined.size());
        return new View(community, plan, base, year, years, from, to, WIDTH, (int) Math.ceil(height), LEFT, RIGHT, TOP,
                round(axisY), ticks, dated, continuing, undefined, round(continuingY), round(undefinedY), rows, desc,
                todayX);
    }

    private String kind(Kind kind) {
        return switch (kind) {
            case BAND -> messages.kind_band();
            case POINT -> messages.kind_point();
            case CONTINUING -> messages.kind_continuing();
            case TO_BE_DEFINED -> messages.kind_undefined();
            case NONE -> messages.kind_none();
        };
    }

    private static double x(LocalDate from, long days, LocalDate day) {
        long offset = Math.max(0, Math.min(days, ChronoUnit.DAYS.between(from, day)));
        return LEFT + (RIGHT - LEFT) * offset / days;
    }

    static String shorten(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1).strip() + "…";
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
