package org.comunidad.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.comunidad.community.Community;
import org.comunidad.platform.web.chart.BarChart;

import io.quarkus.qute.i18n.MessageBundles;

/**
 * What a plan's dashboard shows, computed from its {@link PlanTree} (so the figures are the plan
 * page's): the whole plan's figure; progress per subgroup and per objective with the basis of each
 * figure; activities by status; budget by funding source, one table and chart per currency (amounts
 * in different currencies are never added); deadlines in the next {@value #HORIZON_DAYS} days and
 * those already past. With a year, only that year's annual work plans count: the tree is cut down
 * to the activities of that year and rolled up again by the same rule ({@link Rollup}).
 */
public final class PlanDashboard {

    public static final int HORIZON_DAYS = 60;

    /** At most this many deadlines are listed in each table (the most urgent); the rest are counted. */
    public static final int DEADLINES_SHOWN = 50;

    /** The whole page. {@code base}: the plan's address under the community the viewer came through. */
    public record View(Community community, Plan plan, String base, Integer year, List<Integer> years, String whole,
            String wholeBasis, List<ProgressRow> subgroups, BarChart subgroupChart, String subgroupDesc,
            List<ProgressRow> objectives, BarChart objectiveChart, String objectiveDesc, List<StatusRow> statuses,
            BarChart statusChart, String statusDesc, int activities, List<Budget> budgets, List<Deadline> upcoming,
            List<Deadline> overdue, int moreOverdue, int moreUpcoming, int undated, LocalDate today,
            LocalDate horizon) {

        public String link(String path) {
            return base + "/" + path + (year == null ? "" : "?year=" + year);
        }

        public String planLink() {
            return base;
        }
    }

    /**
     * A figure and how it was reached: {@code figure} as shown ("45,5 %", or "—" when it has none),
     * {@code basis} in words ("weighted mean of 3 items; 1 cancelled left out").
     */
    public record ProgressRow(long id, long communityId, String name, String level, String owner, BigDecimal value,
            String figure, String basis, String href) {
    }

    public record StatusRow(ItemStatus status, String label, int count, String share) {
    }

    /** One currency's budget: its rows by funding source and their total (in that currency only). */
    public record Budget(String currency, List<BudgetRow> rows, String total, int items, BarChart chart, String desc) {
    }

    public record BudgetRow(String funding, String amount, int items) {
    }

    public record Deadline(long id, String title, String community, String period, LocalDate deadline, String status,
            String responsible, String href, long days) {

        /** Days since the deadline passed. */
        public long late() {
            return -days;
        }
    }

    /** Colours of the statuses (contrast at least 4.5:1 on white; each also has a pattern and its label). */
    static final Map<ItemStatus, String> STATUS_FILL = new EnumMap<>(Map.of(ItemStatus.PLANNED, "#4d4d4d",
            ItemStatus.IN_PROGRESS, "#0b4a8b", ItemStatus.DONE, "#1b7837", ItemStatus.POSTPONED, "#8c510a",
            ItemStatus.CANCELLED, "#b2182b"));
    static final String FILL = "#0b4a8b";

    private final PlanDashboardMessages messages;
    private final Locale locale;
    private final NumberFormat percent;
    private final DateTimeFormatter date;

    PlanDashboard(Locale locale) {
        this.locale = locale;
        this.messages = MessageBundles.get(PlanDashboardMessages.class,
                io.quarkus.qute.i18n.Localized.Literal.of(locale.getLanguage()));
        this.percent = NumberFormat.getNumberInstance(locale);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    PlanDashboardMessages messages() {
        return messages;
    }

    /**
     * A figure as the dashboard shows it and how it was reached ({@link Rollup}'s rule): its value
     * (null: none), its basis, and for a mean how many items it counts, how many it leaves out and
     * whether those counted weigh the same.
     */
    record Figure(BigDecimal value, Rollup.Result.Basis basis, long counted, long left, boolean equal) {

        static final Figure NONE = new Figure(null, Rollup.Result.Basis.NONE, 0, 0, true);
    }

    /** The dashboard of the plan's rows ({@link PlanDashboardRows}) as seen through {@code community}. */
    View view(Community community, Plan plan, PlanDashboardRows rows, Integer year, LocalDate today) {
        String base = "/c/" + community.slug + "/plans/" + plan.id;
        int objectiveDepth = objectiveDepth(plan);
        Map<Long, Figure> results = figures(rows, year);

        Figure whole = results.get(0L);
        String wholeFigure = figure(whole.value());
        String wholeBasis = basis(whole);

        // Objectives: the levels down to the one subgroups own (the general and the specific objectives).
        List<PlanTree.Node> inOrder = inOrder(rows.structure);
        List<ProgressRow> objectives = new ArrayList<>();
        for (PlanTree.Node n : inOrder) {
            if (n.depth <= objectiveDepth && results.containsKey(n.id)) {
                objectives.add(row(n, results.get(n.id), plan, base));
            }
        }

        // Subgroups: the items at the subgroups' level, by owner; several are weighed as the rule weighs siblings.
        Map<Long, List<PlanTree.Node>> bySubgroup = new LinkedHashMap<>();
        for (PlanTree.Node n : inOrder) {
            if (n.depth == objectiveDepth && results.containsKey(n.id) && n.communityId != plan.community.id) {
                bySubgroup.computeIfAbsent(n.communityId, k -> new ArrayList<>()).add(n);
            }
        }
        List<ProgressRow> subgroups = new ArrayList<>();
        for (List<PlanTree.Node> owned : bySubgroup.values()) {
            PlanTree.Node first = owned.get(0);
            Figure r = owned.size() == 1 ? results.get(first.id) : mean(owned, results);
            subgroups.add(new ProgressRow(first.id, first.communityId, first.communityName.in(locale),
                    level(plan, first.depth), first.communityName.in(locale), r.value(), figure(r.value()), basis(r),
                    base + "#item-" + first.id));
        }

        // Activities by status (counted in SQL).
        Map<ItemStatus, Long> counts = rows.statuses();
        long activities = counts.values().stream().mapToLong(Long::longValue).sum();
        List<StatusRow> statuses = new ArrayList<>();
        List<BarChart.Entry> statusEntries = new ArrayList<>();
        int i = 0;
        for (ItemStatus s : ItemStatus.values()) {
            int c = counts.get(s).intValue();
            String share = activities == 0 ? "0 %" : Math.round(100.0 * c / activities) + " %";
            statuses.add(new StatusRow(s, status(s), c, share));
            statusEntries.add(new BarChart.Entry(status(s), c, Integer.toString(c),
                    new BarChart.Series(s.name(), status(s), STATUS_FILL.get(s), i++ % BarChart.PATTERNS)));
        }
        BarChart statusChart = BarChart.horizontal(statusEntries, 0, v -> Long.toString(Math.round(v)), List.of());

        // Budget by funding source, per currency (summed in SQL); cancelled items' budgets are left out.
        Map<String, Map<String, BigDecimal[]>> byCurrency = new TreeMap<>();
        for (PlanDashboardRows.BudgetSum b : rows.budgets) {
            String funding = b.funding() == null || b.funding().isBlank() ? "" : b.funding().strip();
            BigDecimal[] sum = byCurrency.computeIfAbsent(b.currency(), k -> new TreeMap<>())
                    .computeIfAbsent(funding, k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
            sum[0] = sum[0].add(b.amount());
            sum[1] = sum[1].add(BigDecimal.valueOf(b.items()));
        }
        List<Budget> budgets = new ArrayList<>();
        for (var e : byCurrency.entrySet()) {
            String currency = e.getKey();
            List<BudgetRow> budgetRows = new ArrayList<>();
            List<BarChart.Entry> entries = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            int items = 0;
            for (var f : e.getValue().entrySet()) {
                String funding = f.getKey().isEmpty() ? messages.no_funding() : f.getKey();
                BigDecimal amount = f.getValue()[0];
                int n = f.getValue()[1].intValue();
                budgetRows.add(new BudgetRow(funding, money(amount, currency), n));
                entries.add(new BarChart.Entry(funding, amount.doubleValue(), money(amount, currency),
                        new BarChart.Series(currency, currency, FILL)));
                total = total.add(amount);
                items += n;
            }
            BarChart chart = BarChart.horizontal(entries, 0, v -> compact(v), List.of());
            budgets.add(new Budget(currency, budgetRows, money(total, currency), items, chart,
                    messages.budget_desc(currency, money(total, currency), budgetRows.size())));
        }

        // Deadlines of open activities: past, and in the next days; the most urgent listed, the rest counted.
        LocalDate horizon = today.plusDays(HORIZON_DAYS);
        long overdueCount = rows.groups.stream().mapToLong(PlanDashboardRows.Group::overdue).sum();
        long upcomingCount = rows.groups.stream().mapToLong(PlanDashboardRows.Group::upcoming).sum();
        int undated = (int) rows.groups.stream().mapToLong(PlanDashboardRows.Group::undated).sum();
        List<Deadline> overdueShown = rows.overdue.stream().map(n -> deadline(n, base, today)).toList();
        List<Deadline> upcomingShown = rows.upcoming.stream().map(n -> deadline(n, base, today)).toList();
        int moreOverdue = (int) Math.max(0, overdueCount - overdueShown.size());
        int moreUpcoming = (int) Math.max(0, upcomingCount - upcomingShown.size());

        List<BarChart.Entry> subgroupEntries = subgroups.stream().map(r -> entry(r)).toList();
        List<BarChart.Entry> objectiveEntries = objectives.stream().map(r -> entry(r)).toList();
        List<Integer> years = new ArrayList<>();
        for (int y = plan.startYear; y <= plan.endYear; y++) {
            years.add(y);
        }
        return new View(community, plan, base, year, years, wholeFigure, wholeBasis, subgroups,
                BarChart.horizontal(subgroupEntries, 100, this::percentTick, List.of()),
                messages.progress_desc(subgroups.size(), wholeFigure), objectives,
                BarChart.horizontal(objectiveEntries, 100, this::percentTick, List.of()),
                messages.objectives_desc(objectives.size()), statuses, statusChart,
                messages.status_desc((int) activities), (int) activities, budgets, upcomingShown, overdueShown,
                moreOverdue, moreUpcoming, undated, today, horizon);
    }

    /** The deepest level whose items the dashboard lists one by one (the objectives'). */
    static int objectiveDepth(Plan plan) {
        return Math.max(1, plan.scheme.subgroupDepth().orElse(2));
    }

    /** The structure's items depth first in position order, as the plan lists them. */
    private static List<PlanTree.Node> inOrder(List<PlanTree.Node> structure) {
        Map<Long, List<PlanTree.Node>> children = new HashMap<>();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        structure.forEach(n -> ids.add(n.id));
        List<PlanTree.Node> roots = new ArrayList<>();
        for (PlanTree.Node n : structure) {
            if (n.parentId == null || !ids.contains(n.parentId)) {
                roots.add(n);
            } else {
                children.computeIfAbsent(n.parentId, k -> new ArrayList<>()).add(n);
            }
        }
        Comparator<PlanTree.Node> order = Comparator.<PlanTree.Node> comparingInt(n -> n.position)
                .thenComparingLong(n -> n.id);
        List<PlanTree.Node> out = new ArrayList<>();
        walk(roots, children, order, out);
        return out;
    }

    private static void walk(List<PlanTree.Node> nodes, Map<Long, List<PlanTree.Node>> children,
            Comparator<PlanTree.Node> order, List<PlanTree.Node> out) {
        List<PlanTree.Node> sorted = new ArrayList<>(nodes);
        sorted.sort(order);
        for (PlanTree.Node n : sorted) {
            out.add(n);
            walk(children.getOrDefault(n.id, List.of()), children, order, out);
        }
    }

    /**
     * Every structure item's figure (key 0: the whole plan), by {@link Rollup}'s rule: the
     * structure's items one by one, the activities below them as SQL's sums per parent and status.
     * With a year an item is left out (absent) when none of that year's activities is below it,
     * as {@link PlanTree#cut} leaves it out; the whole then has no figure.
     */
    static Map<Long, Figure> figures(PlanDashboardRows rows, Integer year) {
        Map<Long, List<PlanTree.Node>> children = new HashMap<>();
        List<PlanTree.Node> roots = new ArrayList<>();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        rows.structure.forEach(n -> ids.add(n.id));
        for (PlanTree.Node n : rows.structure) {
            if (n.parentId == null || !ids.contains(n.parentId)) {
                roots.add(n);
            } else {
                children.computeIfAbsent(n.parentId, k -> new ArrayList<>()).add(n);
            }
        }
        Map<Long, List<PlanDashboardRows.Group>> groups = rows.byParent();
        Map<Long, Figure> into = new HashMap<>();
        Figure whole = mean(ItemStatus.PLANNED, roots, groups.getOrDefault(0L, List.of()), children, groups, rows.parents,
                year, into);
        if (whole == null) {
            // Nothing at all: with a year, no figure (the cut is empty); without, an empty plan counts as 0 %.
            whole = year == null ? new Figure(BigDecimal.ZERO.setScale(1), Rollup.Result.Basis.OWN, 0, 0, true)
                    : Figure.NONE;
        }
        into.put(0L, whole);
        return into;
    }

    /** An item's figure, null when it is cut away (a year without activities below it). */
    private static Figure figure(PlanTree.Node n, Map<Long, List<PlanTree.Node>> children,
            Map<Long, List<PlanDashboardRows.Group>> groups, java.util.Set<Long> parents, Integer year,
            Map<Long, Figure> into) {
        Figure f;
        if (!parents.contains(n.id)) {
            // An activity read one by one (at the objectives' level or above).
            if (!inYear(n, year)) {
                return null;
            }
            f = switch (n.status) {
                case CANCELLED -> Figure.NONE;
                case DONE -> new Figure(BigDecimal.valueOf(100).setScale(1), Rollup.Result.Basis.DONE, 0, 0, true);
                default -> new Figure(BigDecimal.valueOf(n.progress).setScale(1), Rollup.Result.Basis.OWN, 0, 0, true);
            };
        } else {
            f = mean(n.status, children.getOrDefault(n.id, List.of()), groups.getOrDefault(n.id, List.of()), children,
                    groups, parents, year, into);
            if (f == null) {
                return null;
            }
        }
        into.put(n.id, f);
        return f;
    }

    /**
     * The weighted mean of an item's children: those of the structure one by one, the activities
     * in SQL's sums. Null when no child is kept (only with a year, or for the empty plan).
     */
    private static Figure mean(ItemStatus status, List<PlanTree.Node> nodes, List<PlanDashboardRows.Group> leafGroups,
            Map<Long, List<PlanTree.Node>> children, Map<Long, List<PlanDashboardRows.Group>> groups,
            java.util.Set<Long> parents, Integer year, Map<Long, Figure> into) {
        boolean kept = false;
        long counted = 0;
        long left = 0;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal min = null;
        BigDecimal max = null;
        for (PlanTree.Node c : nodes) {
            Figure f = figure(c, children, groups, parents, year, into);
            if (f == null) {
                continue;
            }
            kept = true;
            if (c.status == ItemStatus.CANCELLED || f.value() == null) {
                left++;
            } else {
                counted++;
                sum = sum.add(f.value().multiply(c.weight));
                weights = weights.add(c.weight);
                min = min == null || c.weight.compareTo(min) < 0 ? c.weight : min;
                max = max == null || c.weight.compareTo(max) > 0 ? c.weight : max;
            }
        }
        for (PlanDashboardRows.Group g : leafGroups) {
            kept = true;
            if (g.status() == ItemStatus.CANCELLED) {
                left += g.count();
            } else {
                counted += g.count();
                sum = sum.add(g.weighted());
                weights = weights.add(g.weights());
                min = min == null || g.minWeight().compareTo(min) < 0 ? g.minWeight() : min;
                max = max == null || g.maxWeight().compareTo(max) > 0 ? g.maxWeight() : max;
            }
        }
        if (!kept) {
            return null;
        }
        boolean equal = min == null || min.compareTo(max) == 0;
        if (status == ItemStatus.CANCELLED || weights.signum() == 0) {
            return new Figure(null, Rollup.Result.Basis.NONE, counted, left, equal);
        }
        return new Figure(sum.divide(weights, 1, RoundingMode.HALF_UP), Rollup.Result.Basis.MEAN, counted, left, equal);
    }

    private BarChart.Entry entry(ProgressRow r) {
        return new BarChart.Entry(r.name(), r.value() == null ? 0 : r.value().doubleValue(), r.figure(),
                new BarChart.Series("progress", r.name(), FILL));
    }

    private String percentTick(double v) {
        return Math.round(v) + " %";
    }

    private String compact(double v) {
        NumberFormat f = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
        f.setMaximumFractionDigits(1);
        return f.format(v);
    }

    private ProgressRow row(PlanTree.Node n, Figure r, Plan plan, String base) {
        return new ProgressRow(n.id, n.communityId, n.title, level(plan, n.depth), n.communityName.in(locale),
                r.value(), figure(r.value()), basis(r), base + "#item-" + n.id);
    }

    private Deadline deadline(PlanTree.Node n, String base, LocalDate today) {
        LocalDate d = n.period.deadline();
        return new Deadline(n.id, n.title, n.communityName.in(locale), n.period.written(), d, status(n.status),
                n.responsibleName != null ? n.responsibleName : n.countryName != null ? n.countryName.in(locale) : "",
                base + "#item-" + n.id, ChronoUnit.DAYS.between(today, d));
    }

    String level(Plan plan, int depth) {
        return plan.scheme.level(depth).map(l -> l.name.in(locale)).orElse("");
    }

    String figure(BigDecimal value) {
        return value == null ? "—" : percent.format(value) + " %";
    }

    String money(BigDecimal amount, String currency) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(amount.scale() > 0 && amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        f.setMaximumFractionDigits(2);
        return f.format(amount) + " " + currency;
    }

    /** How a figure was reached, in words. */
    String basis(Figure r) {
        return switch (r.basis()) {
            case OWN -> messages.basis_own();
            case DONE -> messages.basis_done();
            case NONE -> messages.basis_none();
            case MEAN -> messages.basis_mean(r.counted(), r.left(), r.equal());
        };
    }

    /** How a figure of the plan's tree was reached, in words (as {@link #basis(Figure)} says it). */
    String basis(Rollup.Result r) {
        if (r == null) {
            return messages.basis_none();
        }
        return switch (r.basis()) {
            case OWN -> messages.basis_own();
            case DONE -> messages.basis_done();
            case NONE -> messages.basis_none();
            case MEAN -> {
                long left = r.shares().stream().filter(Rollup.Share::excluded).count();
                long counted = r.shares().size() - left;
                boolean equal = r.shares().stream().filter(s -> !s.excluded()).map(s -> s.weight().stripTrailingZeros())
                        .distinct().count() <= 1;
                yield messages.basis_mean(counted, left, equal);
            }
        };
    }

    String status(ItemStatus s) {
        return switch (s) {
            case PLANNED -> messages.status_planned();
            case IN_PROGRESS -> messages.status_in_progress();
            case DONE -> messages.status_done();
            case POSTPONED -> messages.status_postponed();
            case CANCELLED -> messages.status_cancelled();
        };
    }

    String date(LocalDate value) {
        return date.format(value);
    }

    static boolean inYear(PlanTree.Node n, Integer year) {
        return year == null || (n.year != null && n.year.intValue() == year);
    }

    /** Several items of one subgroup at its level, weighed as the rule weighs siblings. */
    private static Figure mean(List<PlanTree.Node> owned, Map<Long, Figure> results) {
        long counted = 0;
        long left = 0;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        java.util.Set<BigDecimal> distinct = new java.util.HashSet<>();
        for (PlanTree.Node n : owned) {
            Figure r = results.get(n.id);
            if (n.status == ItemStatus.CANCELLED || r.value() == null) {
                left++;
            } else {
                counted++;
                sum = sum.add(r.value().multiply(n.weight));
                weights = weights.add(n.weight);
                distinct.add(n.weight.stripTrailingZeros());
            }
        }
        return weights.signum() == 0 ? new Figure(null, Rollup.Result.Basis.NONE, counted, left, distinct.size() <= 1)
                : new Figure(sum.divide(weights, 1, RoundingMode.HALF_UP), Rollup.Result.Basis.MEAN, counted, left,
                        distinct.size() <= 1);
    }
}
