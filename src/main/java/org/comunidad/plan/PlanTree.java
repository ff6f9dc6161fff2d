package org.comunidad.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.persistence.SqlValues;

/**
 * A plan's whole tree read in one statement, with every item's rolled-up figure ({@link Rollup}):
 * what the plan page, the dashboard, the timeline, the exports and the activity report all read,
 * so that each shows the same figures. Nodes are in tree order (depth first, by position).
 */
public final class PlanTree {

    /** One item, with what the pages show of it and its children in order. */
    public static final class Node {
        public final long id;
        public final Long parentId;
        public final int depth;
        public final int position;
        public final long communityId;
        public final String communitySlug;
        public final Localized communityName;
        public final Long yearId;
        public final Integer year;
        public final String title;
        public final String description;
        /** Null when no deadline was written. */
        public final Period period;
        public final Integer startYear;
        public final Integer durationYears;
        public final BigDecimal budget;
        public final String currency;
        public final String funding;
        public final String country;
        public final Localized countryName;
        public final Long responsibleId;
        public final String responsibleName;
        public final ItemStatus status;
        public final int progress;
        public final BigDecimal weight;
        public final List<Node> children = new ArrayList<>();
        Rollup.Result result;

        Node(Tuple r) {
            id = ((Number) r.get("id")).longValue();
            Number parent = (Number) r.get("parent_id");
            parentId = parent == null ? null : parent.longValue();
            depth = ((Number) r.get("depth")).intValue();
            position = ((Number) r.get("position")).intValue();
            communityId = ((Number) r.get("community_id")).longValue();
            communitySlug = r.get("slug", String.class);
            communityName = new Localized(r.get("c_es", String.class), r.get("c_pt", String.class), r.get("c_en", String.class));
            Number y = (Number) r.get("plan_year_id");
            yearId = y == null ? null : y.longValue();
            Number yy = (Number) r.get("year");
            year = yy == null ? null : yy.intValue();
            title = r.get("title", String.class);
            description = r.get("description", String.class);
            String kind = r.get("period_kind", String.class);
            period = kind == null ? null : new Period(Period.Kind.valueOf(kind), SqlValues.date(r.get("period_start")),
                    SqlValues.date(r.get("period_end")), r.get("period_text", String.class));
            Number sy = (Number) r.get("start_year");
            startYear = sy == null ? null : sy.intValue();
            Number dy = (Number) r.get("duration_years");
            durationYears = dy == null ? null : dy.intValue();
            budget = (BigDecimal) r.get("budget_amount");
            currency = r.get("budget_currency", String.class);
            funding = r.get("funding_source", String.class);
            country = r.get("responsible_country", String.class);
            countryName = country == null ? null
                    : new Localized(r.get("rc_es", String.class), r.get("rc_pt", String.class), r.get("rc_en", String.class));
            Number resp = (Number) r.get("responsible_id");
            responsibleId = resp == null ? null : resp.longValue();
            responsibleName = r.get("responsible_name", String.class);
            status = ItemStatus.valueOf(r.get("status", String.class));
            progress = ((Number) r.get("progress")).intValue();
            weight = (BigDecimal) r.get("weight");
        }

        /** The rolled-up figure (percent, one decimal), null when it has none (cancelled). */
        public BigDecimal figure() {
            return result.figure();
        }

        /** How the figure was reached, with the children's figures and weights. */
        public Rollup.Result rollup() {
            return result;
        }

        public boolean isLeaf() {
            return children.isEmpty();
        }

        public boolean overdueOn(LocalDate today) {
            return status.isOpen() && period != null && period.overdueOn(today);
        }
    }

    private final List<Node> roots;
    private final List<Node> inOrder;
    private final Map<Long, Node> byId;
    private final Rollup.Result whole;

    private PlanTree(List<Node> roots, List<Node> inOrder, Map<Long, Node> byId, Rollup.Result whole) {
        this.roots = roots;
        this.inOrder = inOrder;
        this.byId = byId;
        this.whole = whole;
    }

    /** The columns a {@link Node} reads, from {@code plan_item i} and the joins of {@link #JOINS}. */
    static final String COLUMNS = """
            select i.plan_id, i.id, i.parent_id, i.depth, i.position, i.community_id, c.slug, c.name_es as c_es,
                   c.name_pt as c_pt, c.name_en as c_en, i.plan_year_id, y.year, i.title, i.description,
                   i.period_text, i.period_kind, i.period_start, i.period_end, i.start_year, i.duration_years,
                   i.budget_amount, i.budget_currency, i.funding_source, i.responsible_country,
                   rc.name_es as rc_es, rc.name_pt as rc_pt, rc.name_en as rc_en, i.responsible_id,
                   r.display_name as responsible_name, i.status, i.progress, i.weight
            """;

    static final String JOINS = """
            from plan_item i
            join community c on c.id = i.community_id
            left join plan_year y on y.id = i.plan_year_id
            left join country rc on rc.code = i.responsible_country
            left join member r on r.id = i.responsible_id
            """;

    private static final String ITEMS = COLUMNS + JOINS + """
            where i.plan_id in (:plans)
            order by i.depth, i.position, i.id
            """;

    /** Reads the plan's items in one statement and rolls the figures up. */
    public static PlanTree load(EntityManager em, long planId) {
        return loadAll(em, List.of(planId)).get(planId);
    }

    /** Several plans' trees in one statement (a group's list of plans), by plan id; every id has a tree. */
    public static Map<Long, PlanTree> loadAll(EntityManager em, java.util.Collection<Long> planIds) {
        Map<Long, List<Node>> nodes = new LinkedHashMap<>();
        planIds.forEach(id -> nodes.put(id, new ArrayList<>()));
        if (!planIds.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery(ITEMS, Tuple.class).setParameter("plans", planIds).getResultList();
            for (Tuple r : rows) {
                nodes.get(((Number) r.get("plan_id")).longValue()).add(new Node(r));
            }
        }
        Map<Long, PlanTree> trees = new LinkedHashMap<>();
        nodes.forEach((id, list) -> trees.put(id, of(list)));
        return trees;
    }

    /** A tree from nodes (parents may come after children). */
    static PlanTree of(List<Node> nodes) {
        Map<Long, Node> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.id, n));
        List<Node> roots = new ArrayList<>();
        for (Node n : nodes) {
            Node parent = n.parentId == null ? null : byId.get(n.parentId);
            (parent == null ? roots : parent.children).add(n);
        }
        java.util.Comparator<Node> order = java.util.Comparator.<Node> comparingInt(n -> n.position)
                .thenComparingLong(n -> n.id);
        roots.sort(order);
        nodes.forEach(n -> n.children.sort(order));
        Rollup.Item whole = new Rollup.Item(0, Rollup.Status.PLANNED, 0, BigDecimal.ONE,
                roots.stream().map(PlanTree::item).toList());
        Rollup.Result result = Rollup.of(whole);
        Map<Long, Rollup.Result> results = new HashMap<>();
        index(result, results);
        nodes.forEach(n -> n.result = results.get(n.id));
        List<Node> inOrder = new ArrayList<>();
        walk(roots, inOrder::add);
        return new PlanTree(Collections.unmodifiableList(roots), Collections.unmodifiableList(inOrder), byId, result);
    }

    private static Rollup.Item item(Node n) {
        return new Rollup.Item(n.id, n.status.rollup(), n.progress, n.weight, n.children.stream().map(PlanTree::item).toList());
    }

    private static void index(Rollup.Result r, Map<Long, Rollup.Result> into) {
        into.put(r.id(), r);
        r.children().forEach(c -> index(c, into));
    }

    private static void walk(List<Node> nodes, Consumer<Node> visit) {
        for (Node n : nodes) {
            visit.accept(n);
            walk(n.children, visit);
        }
    }

    public List<Node> roots() {
        return roots;
    }

    /** Every node, depth first in position order (the order a page or an export lists them). */
    public List<Node> inOrder() {
        return inOrder;
    }

    public Node node(long id) {
        return byId.get(id);
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The whole plan's figure: the weighted mean of its top-level items. */
    public Rollup.Result whole() {
        return whole;
    }

    /**
     * The figures of the plan cut down to some of its activities (an annual plan's, a year's): an
     * item without children stays if {@code kept} holds for it, an item with children stays (as a
     * parent, its own progress unread) if any child stays, and the cut tree is rolled up again by the same rule. Key 0 is the whole cut;
     * its figure is null when nothing stays. Every page that shows a year's figure reads it here.
     */
    public Map<Long, Rollup.Result> cut(java.util.function.Predicate<Node> kept) {
        List<Rollup.Item> cutRoots = roots.stream().map(n -> cut(n, kept)).filter(java.util.Objects::nonNull).toList();
        Rollup.Result result = Rollup.of(new Rollup.Item(0, Rollup.Status.PLANNED, 0, BigDecimal.ONE, cutRoots));
        Map<Long, Rollup.Result> into = new HashMap<>();
        index(result, into);
        if (cutRoots.isEmpty()) {
            into.put(0L, new Rollup.Result(0, null, Rollup.Result.Basis.NONE, List.of(), List.of()));
        }
        return into;
    }

    /** The figure of an annual plan: the tree cut down to the items it schedules ({@link #cut}). */
    public Rollup.Result annual(long yearId) {
        return cut(n -> n.yearId != null && n.yearId == yearId).get(0L);
    }

    private static Rollup.Item cut(Node n, java.util.function.Predicate<Node> kept) {
        if (n.isLeaf()) {
            return kept.test(n) ? new Rollup.Item(n.id, n.status.rollup(), n.progress, n.weight, List.of()) : null;
        }
        // An item with children never counts its own progress (docs/plans.md), in a cut either.
        List<Rollup.Item> children = n.children.stream().map(c -> cut(c, kept)).filter(java.util.Objects::nonNull)
                .toList();
        return children.isEmpty() ? null : new Rollup.Item(n.id, n.status.rollup(), n.progress, n.weight, children);
    }

    /** The items without children (activities, and products not broken down). */
    public List<Node> leaves() {
        return inOrder.stream().filter(Node::isLeaf).toList();
    }

    /** The nodes owned by a community (a subgroup's branch). */
    public List<Node> ownedBy(long communityId) {
        return inOrder.stream().filter(n -> n.communityId == communityId).toList();
    }
}
