package org.comunidad.plan;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.WithAccessMatrix;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A plan's dashboard and timeline: every member of the group reads them (through the group or
 * one of its subgroups), others get 404. The figures are the plan tree's (mixed statuses, unequal
 * weights, a cancelled objective left out, each with its basis in words); activities by status;
 * budgets per currency, never added across currencies; overdue and upcoming deadlines, those to be
 * defined or continuing never late; with a year, that year's activities only. The timeline draws
 * periods as bands, exact dates as points, and gives the undated their own rows.
 */
@QuarkusTest
class PlanDashboardTest extends WithAccessMatrix {

    static final String GROUP = "seguridad";
    static final String VICTIMS = "seguridad-asistencia-victimas";
    static final String CRIME = "seguridad-delincuencia-organizada";
    static final String GENDER = "seguridad-prevencion-violencia-genero";
    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static AccessMatrix matrix() {
        return AccessMatrix.of("plan dashboard and timeline")
                .bind("plan", () -> TestPlans.plan(GROUP).titled("Plan de la matriz").save())
                .get("/c/" + GROUP + "/plans/{plan}/dashboard").expect(200, 200, 200, 200, 200, 404, SIGN_IN)
                .get("/c/" + GROUP + "/plans/{plan}/dashboard?year=2021").named("dashboard of a year")
                        .expect(200, 200, 200, 200, 200, 404, SIGN_IN)
                .get("/c/" + VICTIMS + "/plans/{plan}/dashboard").named("dashboard through a subgroup")
                        .expect(200, 200, 200, 200, 200, 404, SIGN_IN)
                .get("/c/" + GROUP + "/plans/{plan}/timeline").expect(200, 200, 200, 200, 200, 404, SIGN_IN)
                .get("/c/" + GROUP + "/plans/{plan}/timeline?year=2022").named("timeline of a year")
                        .expect(200, 200, 200, 200, 200, 404, SIGN_IN)
                // Energy's plan asked for through Security: not found, whoever asks.
                .get("/c/" + GROUP + "/plans/{other}/dashboard").named("another group's plan's dashboard")
                        .given("other", () -> TestPlans.plan("energia").by("admin.prosur").save())
                        .expect(404, 404, 404, 404, 404, 404, SIGN_IN)
                .get("/c/" + GROUP + "/plans/{other}/timeline").named("another group's plan's timeline")
                        .given("other", () -> TestPlans.plan("energia").by("admin.prosur").save())
                        .expect(404, 404, 404, 404, 404, 404, SIGN_IN);
    }

    long plan;

    @AfterEach
    void cleanUp() {
        Db.update("delete from plan where title in ('Plan del tablero', 'Plan de la matriz')");
        Db.update("delete from plan where community_id = ?1", Db.community("energia"));
    }

    /** The items of the test, with the figures the rule gives them. */
    record Fixture(long goal, long victims, long crime, long gender, long a1, long a2, long a3, long a4, long a5,
            long a6) {
    }

    Fixture fixture(LocalDate today) {
        plan = TestPlans.plan(GROUP).titled("Plan del tablero").years(2025, 2028).save();
        long yearVictims = TestPlans.year(plan, VICTIMS, 2025);
        long yearCrime = TestPlans.year(plan, CRIME, 2026);
        long goal = TestPlans.item(plan, GROUP).titled("Objetivo general de seguridad").save();
        long victims = TestPlans.item(plan, VICTIMS).under(goal).titled("OE Asistencia a víctimas").save();
        long line = TestPlans.item(plan, VICTIMS).under(victims).titled("Línea de asistencia").save();
        long product = TestPlans.item(plan, VICTIMS).under(line).titled("Protocolo regional").save();
        long a1 = TestPlans.item(plan, VICTIMS).under(product).in(yearVictims).titled("Taller de protocolo")
                .period("Primer bimestre 2025").status("DONE").progress(100).budget("1000", "USD").funding("Fondo A")
                .save();
        long a2 = TestPlans.item(plan, VICTIMS).under(product).in(yearVictims).titled("Informe de situación")
                .period("15/06/2025").status("IN_PROGRESS").progress(50).weight("3")
                .budget("500", "EUR").funding("Fondo A").responsible("PE", "pf.peru").save();
        long a3 = TestPlans.item(plan, VICTIMS).under(product).in(yearVictims).titled("Visita cancelada")
                .status("CANCELLED").budget("999", "USD").funding("Fondo A").save();
        long crime = TestPlans.item(plan, CRIME).under(goal).titled("OE Delincuencia organizada").save();
        long crimeLine = TestPlans.item(plan, CRIME).under(crime).titled("Línea de cooperación").save();
        long a4 = TestPlans.item(plan, CRIME).under(crimeLine).in(yearCrime).titled("Reunión de fiscales")
                .period(DMY.format(today.plusDays(20))).budget("2000", "USD").funding("Fondo B").save();
        long a5 = TestPlans.item(plan, CRIME).under(crimeLine).in(yearCrime).titled("Estudio regional")
                .period("Por definir.").status("POSTPONED").progress(20).save();
        long a6 = TestPlans.item(plan, CRIME).under(crimeLine).in(yearCrime).titled("Red de enlaces")
                .period("Continuidad").status("IN_PROGRESS").progress(40).save();
        long gender = TestPlans.item(plan, GENDER).under(goal).titled("OE Violencia de género").status("CANCELLED")
                .save();
        return new Fixture(goal, victims, crime, gender, a1, a2, a3, a4, a5, a6);
    }

    @Test
    void theDashboardShowsTheTreesFiguresWithTheirBasisStatusesBudgetsAndDeadlines() {
        LocalDate today = LocalDate.now(ZoneId.of("America/Lima"));
        Fixture f = fixture(today);
        String page = Persona.MEMBER.request().get("/c/" + GROUP + "/plans/" + plan + "/dashboard").then()
                .statusCode(200).extract().asString();
        Document doc = Html.parse(page);

        // The whole: (62.5 + 20.0) / 2 = 41.3; gender's objective is cancelled, left out.
        assertTrue(doc.selectFirst("#plan-whole h2").text().contains("41,3 %"), doc.selectFirst("#plan-whole").text());
        // Per subgroup: victims (100 x 1 + 50 x 3) / 4 = 62.5 (the cancelled visit left out); crime (0 + 20 + 40) / 3.
        Element victims = row(doc, "progress-" + Db.community(VICTIMS));
        assertEquals("62,5 %", victims.selectFirst("td.figure").text());
        assertTrue(victims.text().contains("media ponderada de 1 elemento"), victims.text());
        Element crime = row(doc, "progress-" + Db.community(CRIME));
        assertEquals("20,0 %", crime.selectFirst("td.figure").text());
        Element gender = row(doc, "progress-" + Db.community(GENDER));
        assertEquals("—", gender.selectFirst("td.figure").text());
        assertTrue(gender.text().contains("sin cifra"), gender.text());
        // Per objective, with each figure's basis: the goal weighs two, leaves one out.
        Element goal = row(doc, "objective-" + f.goal());
        assertEquals("41,3 %", goal.selectFirst("td.figure").text());
        assertTrue(goal.text().contains("media ponderada de 2 elementos, con el mismo peso; 1 queda fuera"), goal.text());
        assertEquals("Objetivo general", goal.select("td").get(0).text());
        assertEquals(4, doc.select("table.plan-objectives tbody tr").size(), "the general and three specific objectives");
        assertTrue(goal.selectFirst("a").attr("href").endsWith("/plans/" + plan + "#item-" + f.goal()));

        // Activities by status (the items without children).
        assertEquals("1", row(doc, "status-DONE").selectFirst("td").text());
        assertEquals("2", row(doc, "status-IN_PROGRESS").selectFirst("td").text());
        assertEquals("1", row(doc, "status-PLANNED").selectFirst("td").text());
        assertEquals("1", row(doc, "status-POSTPONED").selectFirst("td").text());
        assertEquals("2", row(doc, "status-CANCELLED").selectFirst("td").text());
        assertEquals("7", doc.selectFirst("table.plan-statuses tfoot td").text());

        // Budget: one table per currency, never added together; the cancelled visit's budget left out.
        NumberFormat es = NumberFormat.getNumberInstance(Locale.forLanguageTag("es"));
        Element usd = doc.getElementById("budget-USD");
        Element eur = doc.getElementById("budget-EUR");
        assertEquals(es.format(3000) + " USD", usd.selectFirst("tfoot td").text());
        assertEquals("500 EUR", eur.selectFirst("tfoot td").text());
        assertEquals(List.of("Fondo A", "Fondo B"), usd.select("tbody th").eachText());
        assertEquals(es.format(1000) + " USD", usd.select("tbody td").get(0).text());
        assertFalse(page.contains(es.format(3500)), "no sum across currencies");
        assertFalse(page.contains(es.format(3999)), "the cancelled budget is left out");

        // Deadlines: the report due in June 2025 is overdue, marked by a word; the meeting in twenty days is upcoming.
        Element overdue = row(doc, "overdue-" + f.a2());
        assertTrue(overdue.text().contains("Vencida") && overdue.text().matches(".*hace \\d+ días.*"), overdue.text());
        assertEquals("15/06/2025", overdue.select("td").get(1).text(), "the period as written");
        assertFalse(overdue.select("td").get(4).text().isEmpty(), "the person responsible");
        Element upcoming = row(doc, "upcoming-" + f.a4());
        assertTrue(upcoming.text().matches(".*en (19|20|21) días.*"), upcoming.text());
        assertEquals(1, doc.select("#overdue-table tbody tr").size(), "done, to be defined and continuing are never late");
        assertEquals(1, doc.select("#upcoming-table tbody tr").size());
        assertTrue(page.contains("2 actividades sin fecha"), "the one to be defined and the continuing one");

        // The charts: accessible SVG, their values written, patterns as well as colours, no inline styles or scripts.
        assertTrue(page.contains("role=\"img\" aria-labelledby=\"progress-chart-title\" aria-describedby=\"progress-chart-desc\""));
        Element chart = doc.selectFirst("svg[aria-labelledby=progress-chart-title]");
        assertTrue(chart.select("text.chart-value").eachText().containsAll(List.of("62,5 %", "20,0 %", "—")));
        assertTrue(chart.select("rect title").eachText().stream().anyMatch(t -> t.endsWith(": 62,5 %")));
        Element statuses = doc.selectFirst("svg[aria-labelledby=status-chart-title]");
        assertTrue(statuses.select("pattern").size() >= 4, "patterns for the statuses after the first");
        assertTrue(statuses.select("rect[fill^='url(#status-chart-p']").size() >= 4);
        assertFalse(page.contains("style="), "the CSP blocks inline styles");
        assertFalse(page.contains("<script"), "no chart library");
    }

    @Test
    void aYearShowsThatYearsActivitiesRolledUpByTheSameRule() {
        LocalDate today = LocalDate.now(ZoneId.of("America/Lima"));
        Fixture f = fixture(today);
        String page = Persona.LEADER.request().get("/c/" + VICTIMS + "/plans/" + plan + "/dashboard?year=2025").then()
                .statusCode(200).extract().asString();
        Document doc = Html.parse(page);
        assertTrue(doc.selectFirst("#plan-whole h2").text().contains("62,5 %"), "only victims' 2025 plan counts");
        assertEquals(1, doc.select("table.plan-progress tbody tr").size());
        assertEquals("62,5 %", row(doc, "progress-" + Db.community(VICTIMS)).selectFirst("td.figure").text());
        assertEquals("3", doc.selectFirst("table.plan-statuses tfoot td").text());
        assertEquals(es(1000) + " USD", doc.getElementById("budget-USD").selectFirst("tfoot td").text());
        assertTrue(doc.select("#upcoming-table").isEmpty(), "the crime meeting is 2026's");
        assertEquals(1, doc.select("#overdue-table tbody tr").size());
        assertTrue(doc.selectFirst("#plan-year option[selected]").text().equals("2025"));
        // Links keep the subgroup's address.
        assertTrue(doc.selectFirst("nav.plan-views a[aria-current=page]").attr("href").startsWith("/c/" + VICTIMS + "/plans/" + plan));

        Persona.MEMBER.request().get("/c/" + GROUP + "/plans/" + plan + "/dashboard?year=2019").then().statusCode(400);
        Persona.MEMBER.request().get("/c/" + GROUP + "/plans/" + plan + "/dashboard?year=dos").then().statusCode(400);
        Persona.MEMBER.request().get("/c/" + GROUP + "/plans/" + plan + "/timeline?year=2030").then().statusCode(400);
        Persona.MEMBER.request().get("/c/" + GROUP + "/plans/" + (plan + 100000) + "/dashboard").then().statusCode(404);
        assertTrue(f.a1() > 0);
    }

    @Test
    void theTimelineDrawsBandsAndPointsAndGivesTheUndatedTheirOwnRows() {
        LocalDate today = LocalDate.now(ZoneId.of("America/Lima"));
        Fixture f = fixture(today);
        String page = Persona.GROUP_MEMBER.request().get("/c/" + GROUP + "/plans/" + plan + "/timeline").then()
                .statusCode(200).extract().asString();
        Document doc = Html.parse(page);
        assertEquals("BAND", row(doc, "timeline-" + f.a1()).attr("data-kind"));
        assertEquals("Primer bimestre 2025", row(doc, "timeline-" + f.a1()).select("td").get(1).text());
        assertEquals("2025-01-01", row(doc, "timeline-" + f.a1()).select("td time").get(0).attr("datetime"));
        assertEquals("2025-02-28", row(doc, "timeline-" + f.a1()).select("td time").get(1).attr("datetime"));
        assertEquals("POINT", row(doc, "timeline-" + f.a2()).attr("data-kind"));
        assertEquals("POINT", row(doc, "timeline-" + f.a4()).attr("data-kind"));
        assertEquals("TO_BE_DEFINED", row(doc, "timeline-" + f.a5()).attr("data-kind"));
        assertEquals("CONTINUING", row(doc, "timeline-" + f.a6()).attr("data-kind"));
        assertEquals("NONE", row(doc, "timeline-" + f.a3()).attr("data-kind"));
        assertEquals(7, doc.select("#timeline-table tbody tr").size());

        Element svg = doc.selectFirst("svg.timeline");
        assertEquals("img", svg.attr("role"));
        // One band (the bimester), two diamonds (the exact dates), the years 2025 to 2028 on the axis.
        assertEquals(1, svg.select("rect[fill=#0b4a8b]").size());
        assertEquals(2, svg.select("polygon").size());
        assertEquals(List.of("2025", "2026", "2027", "2028"), svg.select("text.chart-tick").eachText());
        assertTrue(svg.select("rect title").eachText().contains("Taller de protocolo: Primer bimestre 2025"));
        // Continuing and to be defined (or without a deadline): a row each, counted.
        assertTrue(svg.text().contains("Continuas") && svg.text().contains("1 actividad (en la tabla)"), svg.text());
        assertTrue(svg.text().contains("Por definir o sin plazo") && svg.text().contains("3 actividades (en la tabla)"),
                svg.text());
        // The bimester's band runs over its two months of the four years' axis.
        Element band = svg.selectFirst("rect[fill=#0b4a8b]");
        double width = Double.parseDouble(band.attr("width"));
        double axis = PlanTimeline.RIGHT - PlanTimeline.LEFT;
        assertEquals(axis * 59 / 1461, width, 0.6);

        // One year: its months on the axis.
        String year = Persona.MEMBER.request().get("/c/" + GROUP + "/plans/" + plan + "/timeline?year=2025").then()
                .statusCode(200).extract().asString();
        Element yearSvg = Html.parse(year).selectFirst("svg.timeline");
        assertEquals(12, yearSvg.select("text.chart-tick").size());
        assertEquals(3, Html.parse(year).select("#timeline-table tbody tr").size());
        assertFalse(page.contains("style="));
    }

    static String es(long value) {
        return NumberFormat.getNumberInstance(Locale.forLanguageTag("es")).format(value);
    }

    static Element row(Document doc, String id) {
        Element row = doc.getElementById(id);
        assertTrue(row != null, "#" + id + " in the page");
        return row;
    }
}
