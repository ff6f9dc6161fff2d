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

    /** The dashboard of the plan's tree as seen through {@code community}, for the year or the whole plan. */
    View view(Community community, Plan plan, PlanTree tree, Integer year, LocalDate today) {
        String base = "/c/" + community.slug + "/plans/" + plan.id;
        Map<Long, Rollup.Result> results = results(tree, year);
        List<PlanTree.Node> leaves = tree.leaves().stream().filter(n -> inYear(n, year)).toList();

        Rollup.Result whole = results.get(0L);
        String wholeFigure = figure(whole == null ? null : whole.figure());
        String wholeBasis = basis(whole);

        // Objectives: the levels down to the one subgroups own (the general and the specific objectives).
        int objectiveDepth = Math.max(1, plan.scheme.subgroupDepth().orElse(2));
        List<ProgressRow> objectives = new ArrayList<>();
        for (PlanTree.Node n : tree.inOrder()) {
            if (n.depth <= objectiveDepth && results.containsKey(n.id)) {
                objectives.add(row(n, results.get(n.id), plan, base));
            }
        }

        // Subgroups: the items at the subgroups' level, by owner; several are weighed as the rule weighs siblings.
        Map<Long, List<PlanTree.Node>> bySubgroup = new LinkedHashMap<>();
        for (PlanTree.Node n : tree.inOrder()) {
            if (n.depth == objectiveDepth && results.containsKey(n.id) && n.communityId != plan.community.id) {
                bySubgroup.computeIfAbsent(n.communityId, k -> new ArrayList<>()).add(n);
            }
        }
        List<ProgressRow> subgroups = new ArrayList<>();
        for (List<PlanTree.Node> owned : bySubgroup.values()) {
            PlanTree.Node first = owned.get(0);
            Rollup.Result r = owned.size() == 1 ? results.get(first.id) : mean(owned, results);
            subgroups.add(new ProgressRow(first.id, first.communityId, first.communityName.in(locale),
                    level(plan, first.depth), first.communityName.in(locale), r.figure(), figure(r.figure()), basis(r),
                    base + "#item-" + first.id));
        }

        // Activities by status.
        Map<ItemStatus, Integer> counts = new EnumMap<>(ItemStatus.class);
        for (ItemStatus s : ItemStatus.values()) {
            counts.put(s, 0);
        }
        leaves.forEach(n -> counts.merge(n.status, 1, Integer::sum));
        List<StatusRow> statuses = new ArrayList<>();
        List<BarChart.Entry> statusEntries = new ArrayList<>();
        int i = 0;
        for (ItemStatus s : ItemStatus.values()) {
            int c = counts.get(s);
            String share = leaves.isEmpty() ? "0 %" : Math.round(100.0 * c / leaves.size()) + " %";
            statuses.add(new StatusRow(s, status(s), c, share));
            statusEntries.add(new BarChart.Entry(status(s), c, Integer.toString(c),
                    new BarChart.Series(s.name(), status(s), STATUS_FILL.get(s), i++ % BarChart.PATTERNS)));
        }
        BarChart statusChart = BarChart.horizontal(statusEntries, 0, v -> Long.toString(Math.round(v)), List.of());

        // Budget by funding source, per currency; cancelled items' budgets are left out.
        Map<String, Map<String, BigDecimal[]>> byCurrency = new TreeMap<>();
        for (PlanTree.Node n : tree.inOrder()) {
            if (n.budget != null && n.currency != null && n.status != ItemStatus.CANCELLED && inYear(n, year)) {
                String funding = n.funding == null || n.funding.isBlank() ? "" : n.funding.strip();
                BigDecimal[] sum = byCurrency.computeIfAbsent(n.currency, k -> new TreeMap<>())
                        .computeIfAbsent(funding, k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
                sum[0] = sum[0].add(n.budget);
                sum[1] = sum[1].add(BigDecimal.ONE);
            }
        }
        List<Budget> budgets = new ArrayList<>();
        for (var e : byCurrency.entrySet()) {
            String currency = e.getKey();
            List<BudgetRow> rows = new ArrayList<>();
            List<BarChart.Entry> entries = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            int items = 0;
            for (var f : e.getValue().entrySet()) {
                String funding = f.getKey().isEmpty() ? messages.no_funding() : f.getKey();
                BigDecimal amount = f.getValue()[0];
                int n = f.getValue()[1].intValue();
                rows.add(new BudgetRow(funding, money(amount, currency), n));
                entries.add(new BarChart.Entry(funding, amount.doubleValue(), money(amount, currency),
                        new BarChart.Series(currency, currency, FILL)));
                total = total.add(amount);
                items += n;
            }
            BarChart chart = BarChart.horizontal(entries, 0, v -> compact(v), List.of());
            budgets.add(new Budget(currency, rows, money(total, currency), items, chart,
                    messages.budget_desc(currency, money(total, currency), rows.size())));
        }

        // Deadlines of open activities: past, and in the next days.
        LocalDate horizon = today.plusDays(HORIZON_DAYS);
        List<Deadline> overdue = new ArrayList<>();
        List<Deadline> upcoming = new ArrayList<>();
        int undated = 0;
        for (PlanTree.Node n : leaves) {
            if (!n.status.isOpen()) {
                continue;
            }
            LocalDate deadline = n.period == null ? null : n.period.deadline();
            if (deadline == null || !n.period.isDated()) {
                undated++;
            } else if (n.overdueOn(today)) {
                overdue.add(deadline(n, base, today));
            } else if (!deadline.isAfter(horizon)) {
                upcoming.add(deadline(n, base, today));
            }
        }
        Comparator<Deadline> byDate = Comparator.comparing(Deadline::deadline).thenComparing(Deadline::id);
        overdue.sort(byDate);
        upcoming.sort(byDate);
        int moreOverdue = Math.max(0, overdue.size() - DEADLINES_SHOWN);
        int moreUpcoming = Math.max(0, upcoming.size() - DEADLINES_SHOWN);
        // The longest overdue are listed first; the rest are counted.
        List<Deadline> overdueShown = overdue.subList(0, overdue.size() - moreOverdue);
        List<Deadline> upcomingShown = upcoming.subList(0, upcoming.size() - moreUpcoming);

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
                messages.status_desc(leaves.size()), leaves.size(), budgets, upcomingShown, overdueShown, moreOverdue,
                moreUpcoming, undated, today, horizon);
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

    private ProgressRow row(PlanTree.Node n, Rollup.Result r, Plan plan, String base) {
        return new ProgressRow(n.id, n.communityId, n.title, level(plan, n.depth), n.communityName.in(locale),
                r.figure(), figure(r.figure()), basis(r), base + "#item-" + n.id);
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

    /**
     * Every node's result (key 0: the whole plan). Without a year, the tree's own; with one, the
     * tree cut down to that year's activities (an item stays if it is one or has one below it) and
     * rolled up again by the same rule.
     */
    static Map<Long, Rollup.Result> results(PlanTree tree, Integer year) {
        if (year == null) {
            Map<Long, Rollup.Result> into = new HashMap<>();
            index(tree.whole(), into);
            return into;
        }
        return tree.cut(n -> inYear(n, year));
    }

    /** Several items of one subgroup at its level, weighed as the rule weighs siblings. */
    private static Rollup.Result mean(List<PlanTree.Node> owned, Map<Long, Rollup.Result> results) {
        List<Rollup.Share> shares = new ArrayList<>();
        List<Rollup.Result> children = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (PlanTree.Node n : owned) {
            Rollup.Result r = results.get(n.id);
            children.add(r);
            boolean excluded = n.status == ItemStatus.CANCELLED || r.figure() == null;
            shares.add(new Rollup.Share(n.id, r.figure(), n.weight, excluded));
            if (!excluded) {
                sum = sum.add(r.figure().multiply(n.weight));
                weights = weights.add(n.weight);
            }
        }
        return weights.signum() == 0 ? new Rollup.Result(0, null, Rollup.Result.Basis.NONE, shares, children)
                : new Rollup.Result(0, sum.divide(weights, 1, RoundingMode.HALF_UP), Rollup.Result.Basis.MEAN, shares,
                        children);
    }

    private static void index(Rollup.Result r, Map<Long, Rollup.Result> into) {
        into.put(r.id(), r);
        r.children().forEach(c -> index(c, into));
    }
}
