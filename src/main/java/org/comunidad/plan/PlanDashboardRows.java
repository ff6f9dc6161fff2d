package org.comunidad.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

/**
 * What a plan's dashboard reads, in four statements whose rows do not grow with the activities
 * (issue 16: the dashboard of 2,000 activities read and rolled up every item in Java):
 * <ol>
 * <li>the plan's structure: the items with children, and every item down to the objectives'
 * level ({@code depth}), as {@link PlanTree.Node}s;</li>
 * <li>the activities (items without children) counted and summed in SQL, per parent and status:
 * how many, their weights, their weighted figures (done 100, else the recorded progress), the
 * smallest and largest weight, how many of the open ones are overdue, due within the horizon
 * or undated; the dashboard rolls these up with the structure by the same rule ({@link Rollup});</li>
 * <li>the budgets summed per currency and funding source;</li>
 * <li>the {@value PlanDashboard#DEADLINES_SHOWN} longest overdue and the
 * {@value PlanDashboard#DEADLINES_SHOWN} next upcoming deadlines.</li>
 * </ol>
 * With a year, only the activities (and budgets) of that year's annual plans are read. The
 * statements scan the plan's items once each in PostgreSQL; nothing per activity reaches Java.
 */
final class PlanDashboardRows {

    /** Activities of one status under one parent (0: at the top), counted in SQL. */
    record Group(long parent, ItemStatus status, boolean loaded, long count, BigDecimal weights, BigDecimal weighted,
            BigDecimal minWeight, BigDecimal maxWeight, long overdue, long upcoming, long undated) {
    }

    /** The budget of one currency and funding source (as written) and how many items it sums. */
    record BudgetSum(String currency, String funding, BigDecimal amount, long items) {
    }

    final List<PlanTree.Node> structure;
    /** The ids of the structure's items that have children. */
    final Set<Long> parents;
    final List<Group> groups;
    final List<BudgetSum> budgets;
    final List<PlanTree.Node> overdue;
    final List<PlanTree.Node> upcoming;

    private PlanDashboardRows(List<PlanTree.Node> structure, Set<Long> parents, List<Group> groups,
            List<BudgetSum> budgets, List<PlanTree.Node> overdue, List<PlanTree.Node> upcoming) {
        // Unmodifiable: one instance serves every view of the plan's revision (PlanDashboardCache).
        this.structure = List.copyOf(structure);
        this.parents = Set.copyOf(parents);
        this.groups = List.copyOf(groups);
        this.budgets = List.copyOf(budgets);
        this.overdue = List.copyOf(overdue);
        this.upcoming = List.copyOf(upcoming);
    }

    /**
     * An activity: an item that is no one's parent. The parents are the structure's (read first), so
     * PostgreSQL tests each item against a short list instead of probing the tree's index per item
     * (NOT EXISTS per item cost the bench's 2,000-activity plan most of its 18 ms of PostgreSQL).
     */
    private static final String LEAF = "i.id not in (:parents)";

    private static final String OPEN = "i.status in ('PLANNED', 'IN_PROGRESS', 'POSTPONED')";

    /** A deadline the dashboard lists: a last day (not continuing) and a first one (a dated period). */
    private static final String DATED = """
            (i.period_kind is not null and i.period_kind <> 'CONTINUING' and i.period_start is not null
             and i.period_end is not null)""";

    private static final String OVERDUE = DATED + " and i.period_kind <> 'TO_BE_DEFINED' and i.period_end < :today";

    private static final String UPCOMING = DATED + " and not (i.period_kind <> 'TO_BE_DEFINED' and i.period_end < :today)"
            + " and i.period_end <= :horizon";

    /**
     * Reads the dashboard's rows of a plan: {@code depth}, the deepest level whose items are listed
     * one by one (the objectives'); {@code year}, null for the whole plan.
     */
    static PlanDashboardRows load(EntityManager em, long planId, int depth, Integer year, LocalDate today,
            LocalDate horizon) {
        String inYear = year == null ? "" : " and y.year = :year";
        Query structureQuery = em.createNativeQuery(PlanTree.COLUMNS + """
                , i.id in (select k.parent_id from plan_item k where k.plan_id = :plan and k.parent_id is not null)
                  as has_children
                """ + PlanTree.JOINS + """
                where i.plan_id = :plan and (i.depth <= :depth
                    or i.id in (select k.parent_id from plan_item k where k.plan_id = :plan and k.parent_id is not null))
                order by i.depth, i.position, i.id
                """, Tuple.class).setParameter("plan", planId).setParameter("depth", depth);
        List<PlanTree.Node> structure = new ArrayList<>();
        Set<Long> parents = new HashSet<>();
        for (Object o : structureQuery.getResultList()) {
            Tuple r = (Tuple) o;
            PlanTree.Node n = new PlanTree.Node(r);
            structure.add(n);
            if (Boolean.TRUE.equals(r.get("has_children", Boolean.class))) {
                parents.add(n.id);
            }
        }

        Query groupQuery = em.createNativeQuery("""
                select coalesce(i.parent_id, 0) as parent, i.status as status, i.depth <= :depth as loaded,
                       count(*) as n, sum(i.weight) as weights,
                       sum(i.weight * case when i.status = 'DONE' then 100 else i.progress end) as weighted,
                       min(i.weight) as min_weight, max(i.weight) as max_weight,
                       count(*) filter (where %1$s and %2$s) as overdue,
                       count(*) filter (where %1$s and %3$s) as upcoming,
                       count(*) filter (where %1$s and not %4$s) as undated
                from plan_item i left join plan_year y on y.id = i.plan_year_id
                where i.plan_id = :plan and %5$s%6$s
                group by 1, 2, 3
                """.formatted(OPEN, OVERDUE, UPCOMING, DATED, LEAF, inYear), Tuple.class)
                .setParameter("plan", planId).setParameter("depth", depth).setParameter("today", today)
                .setParameter("horizon", horizon).setParameter("parents", parentIds(parents));
        if (year != null) {
            groupQuery.setParameter("year", year);
        }
        List<Group> groups = new ArrayList<>();
        for (Object o : groupQuery.getResultList()) {
            Tuple r = (Tuple) o;
            groups.add(new Group(((Number) r.get("parent")).longValue(), ItemStatus.valueOf(r.get("status", String.class)),
                    Boolean.TRUE.equals(r.get("loaded", Boolean.class)), ((Number) r.get("n")).longValue(),
                    decimal(r.get("weights")), decimal(r.get("weighted")), decimal(r.get("min_weight")),
                    decimal(r.get("max_weight")), ((Number) r.get("overdue")).longValue(),
                    ((Number) r.get("upcoming")).longValue(), ((Number) r.get("undated")).longValue()));
        }

        Query budgetQuery = em.createNativeQuery("""
                select i.budget_currency as currency, i.funding_source as funding, sum(i.budget_amount) as amount,
                       count(*) as n
                from plan_item i left join plan_year y on y.id = i.plan_year_id
                where i.plan_id = :plan and i.budget_amount is not null and i.budget_currency is not null
                  and i.status <> 'CANCELLED'%s
                group by 1, 2
                """.formatted(inYear), Tuple.class).setParameter("plan", planId);
        if (year != null) {
            budgetQuery.setParameter("year", year);
        }
        List<BudgetSum> budgets = new ArrayList<>();
        for (Object o : budgetQuery.getResultList()) {
            Tuple r = (Tuple) o;
            budgets.add(new BudgetSum(r.get("currency", String.class), r.get("funding", String.class),
                    decimal(r.get("amount")), ((Number) r.get("n")).longValue()));
        }

        String deadlines = PlanTree.COLUMNS + ", '%1$s' as list " + PlanTree.JOINS + """
                where i.plan_id = :plan and %2$s and %3$s and %4$s%5$s
                order by i.period_end, i.id limit :shown
                """;
        Query deadlineQuery = em.createNativeQuery("(" + deadlines.formatted("overdue", OPEN, OVERDUE, LEAF, inYear)
                + ") union all (" + deadlines.formatted("upcoming", OPEN, UPCOMING, LEAF, inYear) + ")", Tuple.class)
                .setParameter("plan", planId).setParameter("today", today).setParameter("horizon", horizon)
                .setParameter("shown", PlanDashboard.DEADLINES_SHOWN).setParameter("parents", parentIds(parents));
        if (year != null) {
            deadlineQuery.setParameter("year", year);
        }
        List<PlanTree.Node> overdue = new ArrayList<>();
        List<PlanTree.Node> upcoming = new ArrayList<>();
        for (Object o : deadlineQuery.getResultList()) {
            Tuple r = (Tuple) o;
            ("overdue".equals(r.get("list", String.class)) ? overdue : upcoming).add(new PlanTree.Node(r));
        }
        return new PlanDashboardRows(structure, parents, groups, budgets, overdue, upcoming);
    }

    /** What the rows weigh in {@link PlanDashboardCache}: about one per item or group they hold. */
    int weight() {
        return 1 + structure.size() + groups.size() + budgets.size() + overdue.size() + upcoming.size();
    }

    /** Activities by status (every activity, whatever its depth). */
    Map<ItemStatus, Long> statuses() {
        Map<ItemStatus, Long> counts = new EnumMap<>(ItemStatus.class);
        for (ItemStatus s : ItemStatus.values()) {
            counts.put(s, 0L);
        }
        groups.forEach(g -> counts.merge(g.status(), g.count(), Long::sum));
        return counts;
    }

    /** Per parent, the groups of activities not read one by one (below the objectives' level). */
    Map<Long, List<Group>> byParent() {
        Map<Long, List<Group>> by = new HashMap<>();
        groups.stream().filter(g -> !g.loaded()).forEach(g -> by.computeIfAbsent(g.parent(), k -> new ArrayList<>()).add(g));
        return by;
    }

    /** The parents' ids as a list parameter (never empty: no item has id 0). */
    private static List<Long> parentIds(Set<Long> parents) {
        return parents.isEmpty() ? List.of(0L) : List.copyOf(new java.util.TreeSet<>(parents));
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }
}
