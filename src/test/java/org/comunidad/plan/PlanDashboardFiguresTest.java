package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard computes its figures from SQL's sums ({@link PlanDashboardRows}); this test
 * computes every figure it shows again from the plan's rows one by one ({@link PlanTree} and
 * {@link Rollup}, what the plan page shows) and compares: the whole plan's figure and basis, each
 * objective's and subgroup's, the activities by status, each currency's budget per funding
 * source, and the deadlines (how many overdue, upcoming and undated; the first ones listed in
 * order). The plan mixes what the rule must get right: unequal weights (1 and 1.0 the same), cancelled items
 * and a cancelled objective, a subgroup owning two objectives, an activity at the objectives'
 * level, a product broken down into activities, funding sources written with spaces or not at
 * all, two currencies, every kind of period, and more overdue deadlines than the page lists;
 * for the whole plan and each of its years.
 */
@QuarkusTest
class PlanDashboardFiguresTest {

    static final String GROUP = "seguridad";
    static final String VICTIMS = "seguridad-asistencia-victimas";
    static final String CRIME = "seguridad-delincuencia-organizada";
    static final String GENDER = "seguridad-prevencion-violencia-genero";

    @Inject
    EntityManager em;

    @Test
    void everyFigureIsTheOneTheRowsGiveForTheWholePlanAndEachYear() {
        LocalDate today = LocalDate.now(ZoneId.of("America/Lima"));
        long plan = TestPlans.plan(GROUP).titled("Plan de cifras del tablero").years(2021, 2022).save();
        try {
            long victims21 = TestPlans.year(plan, VICTIMS, 2021);
            long crime22 = TestPlans.year(plan, CRIME, 2022);
            long goal = TestPlans.item(plan, GROUP).titled("Objetivo general A").save();
            long goal2 = TestPlans.item(plan, GROUP).titled("Objetivo general B").weight("2").save();
            long victims = TestPlans.item(plan, VICTIMS).under(goal).titled("OE víctimas").weight("3").save();
            long crime = TestPlans.item(plan, CRIME).under(goal).titled("OE crimen A").save();
            long crime2 = TestPlans.item(plan, CRIME).under(goal2).titled("OE crimen B").weight("1.50").save();
            long gender = TestPlans.item(plan, GENDER).under(goal).titled("OE género").status("CANCELLED").save();
            TestPlans.item(plan, VICTIMS).under(goal2).in(victims21).titled("Actividad al nivel de objetivos")
                    .status("IN_PROGRESS").progress(35).budget("70", "USD").funding(" Fondo 1 ").save();
            long lineV = TestPlans.item(plan, VICTIMS).under(victims).titled("Línea víctimas").save();
            long product = TestPlans.item(plan, VICTIMS).under(lineV).titled("Producto").weight("2").save();
            long lineC = TestPlans.item(plan, CRIME).under(crime).titled("Línea crimen").save();
            long lineC2 = TestPlans.item(plan, CRIME).under(crime2).titled("Línea crimen B").save();
            long lineG = TestPlans.item(plan, GENDER).under(gender).titled("Línea género").save();
            long cancelledLine = TestPlans.item(plan, CRIME).under(crime).titled("Línea cancelada").status("CANCELLED")
                    .save();
            activities(plan, lineV, VICTIMS, victims21, 0, 90);
            activities(plan, product, VICTIMS, victims21, 100, 40);
            activities(plan, lineC, CRIME, crime22, 200, 90);
            activities(plan, lineC2, CRIME, crime22, 300, 25);
            activities(plan, lineG, GENDER, null, 400, 10);
            activities(plan, cancelledLine, CRIME, crime22, 500, 5);

            PlanTree tree = QuarkusTransaction.requiringNew().call(() -> PlanTree.load(em, plan));
            assertTrue(tree.leaves().stream().filter(n -> n.overdueOn(today)).count() > PlanDashboard.DEADLINES_SHOWN,
                    "more overdue than the page lists");
            for (Integer year : new Integer[] { null, 2021, 2022 }) {
                String path = "/c/" + GROUP + "/plans/" + plan + "/dashboard" + (year == null ? "" : "?year=" + year);
                Document doc = Html.parse(Persona.MEMBER.request().get(path).then().statusCode(200).extract().asString());
                compare(doc, tree, year, today, path);
            }
        } finally {
            Db.update("delete from plan where id = ?1", plan);
        }
    }

    /** {@code count} activities under {@code parent}, their attributes spread by their number. */
    private static void activities(long plan, long parent, String community, Long year, int from, int count) {
        Db.update("""
                insert into plan_item (plan_id, parent_id, depth, position, community_id, plan_year_id, title,
                                       period_text, period_kind, period_start, period_end, budget_amount,
                                       budget_currency, funding_source, responsible_country, status, progress,
                                       weight, created_by)
                select ?1, ?2, (select depth + 1 from plan_item where id = ?2), g, ?3,
                       case when g % 7 = 3 then null else cast(?4 as bigint) end, 'Actividad ' || g,
                       'periodo ' || g,
                       (array['DATE','BIMESTER','TO_BE_DEFINED','CONTINUING','DATE','MONTH', null])[1 + g % 7],
                       case g % 7 when 0 then current_date + (g * 13 % 200) - 120 when 1 then date '2021-01-01'
                                  when 3 then date '2021-01-01' when 4 then current_date + (g * 7 % 90) end,
                       case g % 7 when 0 then current_date + (g * 13 % 200) - 120 when 1 then date '2021-02-28'
                                  when 3 then date '2030-12-31' when 4 then current_date + (g * 7 % 90)
                                  when 5 then current_date - 5 end,
                       case when g % 3 = 0 then null else 10 + g * 1.25 end,
                       case when g % 3 = 0 then null else (array['USD','EUR'])[1 + g % 2] end,
                       (array['Fondo 1', ' Fondo 1', 'Fondo 2', '', null, '  '])[1 + g % 6], 'PE',
                       (array['PLANNED','IN_PROGRESS','DONE','POSTPONED','CANCELLED'])[1 + (g * 3) % 5], g * 37 % 101,
                       (array[1, 0.5, 2, 1.5, 1.0])[1 + g % 5], (select id from member where username = 'coord.seguridad')
                from generate_series(?5, ?6) g""", plan, parent, Db.community(community), year, from,
                from + count - 1);
    }

    private void compare(Document doc, PlanTree tree, Integer year, LocalDate today, String path) {
        PlanDashboard words = new PlanDashboard(Locale.forLanguageTag("es"));
        Map<Long, Rollup.Result> results = results(tree, year);

        // The whole plan.
        Rollup.Result whole = results.get(0L);
        String wholeText = doc.selectFirst("#plan-whole").text();
        assertTrue(doc.selectFirst("#plan-whole h2").text().endsWith(words.figure(whole.figure())),
                path + ": whole " + words.figure(whole.figure()) + " in " + wholeText);
        assertTrue(wholeText.contains(words.basis(whole)), path + ": basis " + words.basis(whole) + " in " + wholeText);

        // Each objective (the levels down to the subgroups'), in the plan's order.
        int depth = 2;
        List<String> expectedObjectives = new ArrayList<>();
        for (PlanTree.Node n : tree.inOrder()) {
            if (n.depth <= depth && results.containsKey(n.id)) {
                expectedObjectives.add("objective-" + n.id + " " + words.figure(results.get(n.id).figure()) + " | "
                        + words.basis(results.get(n.id)));
            }
        }
        List<String> shownObjectives = doc.select("table.plan-objectives tbody tr").stream()
                .map(r -> r.id() + " " + r.selectFirst("td.figure").text() + " | " + r.select("td").last().text())
                .toList();
        assertEquals(expectedObjectives, shownObjectives, path + ": objectives");

        // Each subgroup: its items at the subgroups' level, weighed as siblings.
        Map<Long, List<PlanTree.Node>> bySubgroup = new LinkedHashMap<>();
        for (PlanTree.Node n : tree.inOrder()) {
            if (n.depth == depth && results.containsKey(n.id) && n.communityId != Db.community(GROUP)) {
                bySubgroup.computeIfAbsent(n.communityId, k -> new ArrayList<>()).add(n);
            }
        }
        List<String> expectedSubgroups = new ArrayList<>();
        bySubgroup.forEach((community, owned) -> {
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            for (PlanTree.Node n : owned) {
                BigDecimal f = results.get(n.id).figure();
                if (n.status != ItemStatus.CANCELLED && f != null) {
                    sum = sum.add(f.multiply(n.weight));
                    weights = weights.add(n.weight);
                }
            }
            BigDecimal figure = owned.size() == 1 ? results.get(owned.get(0).id).figure()
                    : weights.signum() == 0 ? null : sum.divide(weights, 1, RoundingMode.HALF_UP);
            expectedSubgroups.add("progress-" + community + " " + words.figure(figure));
        });
        List<String> shownSubgroups = doc.select("table.plan-progress tbody tr").stream()
                .map(r -> r.id() + " " + r.selectFirst("td.figure").text()).toList();
        assertEquals(expectedSubgroups, shownSubgroups, path + ": subgroups");
        assertTrue(bySubgroup.values().stream().anyMatch(l -> l.size() > 1) || year != null,
                "a subgroup owns two objectives");

        // Activities by status.
        List<PlanTree.Node> leaves = tree.leaves().stream().filter(n -> PlanDashboard.inYear(n, year)).toList();
        for (ItemStatus s : ItemStatus.values()) {
            assertEquals(String.valueOf(leaves.stream().filter(n -> n.status == s).count()),
                    doc.getElementById("status-" + s).selectFirst("td").text(), path + ": " + s);
        }
        assertEquals(String.valueOf(leaves.size()), doc.selectFirst("table.plan-statuses tfoot td").text());

        // Budgets per currency and funding source.
        Map<String, Map<String, BigDecimal>> budgets = new TreeMap<>();
        for (PlanTree.Node n : tree.inOrder()) {
            if (n.budget != null && n.currency != null && n.status != ItemStatus.CANCELLED
                    && PlanDashboard.inYear(n, year)) {
                // Sources in their order, the items without one first (under the page's words for it).
                String funding = n.funding == null || n.funding.isBlank() ? "" : n.funding.strip();
                budgets.computeIfAbsent(n.currency, k -> new TreeMap<>()).merge(funding, n.budget, BigDecimal::add);
            }
        }
        assertEquals(budgets.size(), doc.select("section[id^=budget-] table.plan-budget").size(), path + ": currencies");
        budgets.forEach((currency, rows) -> {
            Element table = doc.getElementById("budget-" + currency);
            List<String> expected = new ArrayList<>();
            rows.forEach((funding, amount) -> expected.add((funding.isEmpty() ? words.messages().no_funding() : funding)
                    + " " + words.money(amount, currency)));
            assertEquals(expected, table.select("tbody tr").stream()
                    .map(r -> r.selectFirst("th").text() + " " + r.selectFirst("td").text()).toList(), path + ": " + currency);
            BigDecimal total = rows.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(words.money(total, currency), table.selectFirst("tfoot td").text(), path + ": total " + currency);
        });

        // Deadlines: the longest overdue and the next upcoming listed, the rest counted; the undated counted.
        List<PlanTree.Node> overdue = new ArrayList<>();
        List<PlanTree.Node> upcoming = new ArrayList<>();
        int undated = 0;
        for (PlanTree.Node n : leaves) {
            if (!n.status.isOpen()) {
                continue;
            }
            LocalDate deadline = n.period == null ? null : n.period.deadline();
            if (deadline == null || !n.period.isDated()) {
                undated++;
            } else if (n.overdueOn(today)) {
                overdue.add(n);
            } else if (!deadline.isAfter(today.plusDays(PlanDashboard.HORIZON_DAYS))) {
                upcoming.add(n);
            }
        }
        Comparator<PlanTree.Node> byDate = Comparator.comparing((PlanTree.Node n) -> n.period.deadline())
                .thenComparingLong(n -> n.id);
        overdue.sort(byDate);
        upcoming.sort(byDate);
        assertEquals(ids("overdue", overdue), doc.select("#overdue-table tbody tr").eachAttr("id"), path + ": overdue");
        assertEquals(ids("upcoming", upcoming), doc.select("#upcoming-table tbody tr").eachAttr("id"),
                path + ": upcoming");
        String deadlines = doc.selectFirst("section[aria-labelledby=deadlines-title]").text();
        if (overdue.size() > PlanDashboard.DEADLINES_SHOWN) {
            assertTrue(deadlines.contains("Y " + (overdue.size() - PlanDashboard.DEADLINES_SHOWN) + " más"),
                    path + ": " + deadlines);
        }
        if (undated > 0) {
            assertTrue(deadlines.contains(undated + " actividad"), path + ": " + undated + " undated in " + deadlines);
        }
    }

    private static List<String> ids(String table, List<PlanTree.Node> nodes) {
        return nodes.stream().limit(PlanDashboard.DEADLINES_SHOWN).map(n -> table + "-" + n.id).toList();
    }

    /** What the plan's tree gives: every item's result (0: the whole), cut down to the year's activities. */
    private static Map<Long, Rollup.Result> results(PlanTree tree, Integer year) {
        if (year != null) {
            return tree.cut(n -> PlanDashboard.inYear(n, year));
        }
        Map<Long, Rollup.Result> into = new HashMap<>();
        index(tree.whole(), into);
        return into;
    }

    private static void index(Rollup.Result r, Map<Long, Rollup.Result> into) {
        into.put(r.id(), r);
        r.children().forEach(c -> index(c, into));
    }
}
