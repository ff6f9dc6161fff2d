package org.comunidad.plan;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The plan pages: every route for every persona (the matrix), then what the coordinator, the
 * subgroup's leader and a focal point see and do: the tree with the levels' names, a figure and
 * how it was computed (mixed statuses and weights, a cancelled child left out), items in the
 * subgroup's branch, validation, the annual plan with its quick progress form, a parent's progress
 * refused with its reason, and mistakes answered with the form as typed.
 */
@QuarkusTest
class PlanResourceTest extends WithAccessMatrix {

    static final String GROUP = "seguridad";
    static final String SUBGROUP = "seguridad-asistencia-victimas";
    static final String G = "/c/" + GROUP + "/plans";
    static final String S = "/c/" + SUBGROUP + "/plans";

    /** A draft plan: general objective > the subgroup's specific objective > action line > an activity in 2021. */
    record Fixture(long plan, long year, long goal, long spec, long line, long activity) {
        Map<String, Object> values() {
            Map<String, Object> v = new HashMap<>();
            v.put("plan", plan);
            v.put("year", year);
            v.put("goal", goal);
            v.put("spec", spec);
            v.put("line", line);
            v.put("activity", activity);
            return v;
        }
    }

    static Fixture fixture() {
        long plan = TestPlans.plan(GROUP).save();
        long year = TestPlans.year(plan, SUBGROUP, 2021);
        long goal = TestPlans.item(plan, GROUP).titled("Fortalecer la cooperación regional").save();
        long spec = TestPlans.item(plan, SUBGROUP).under(goal).titled("Asistencia a víctimas").save();
        long line = TestPlans.item(plan, SUBGROUP).under(spec).titled("Protocolos de atención").save();
        long activity = TestPlans.item(plan, SUBGROUP).under(line).depth(5).in(year).titled("Taller regional")
                .period("Primer bimestre 2021").save();
        return new Fixture(plan, year, goal, spec, line, activity);
    }

    static Map<String, Object> fixtureValues() {
        return fixture().values();
    }

    static Map<String, Object> itemFields(String title) {
        return Map.of("title", title, "period", "Segundo semestre 2021", "budgetAmount", "1500.50",
                "budgetCurrency", "USD", "status", "PLANNED", "progress", "0");
    }

    static AccessMatrix matrix() {
        Map<Persona, Integer> readPage = expect(200, 200, 200, 200, 200, 404, SIGN_IN);
        Map<Persona, Integer> coordinatorPage = expect(200, 200, 403, 403, 403, 404, SIGN_IN);
        Map<Persona, Integer> coordinatorForm = expect(303, 303, 403, 403, 403, 404, SIGN_IN);
        Map<Persona, Integer> branchPage = expect(200, 200, 200, 403, 403, 404, SIGN_IN);
        Map<Persona, Integer> branchForm = expect(303, 303, 303, 403, 403, 404, SIGN_IN);
        return AccessMatrix.of("plans")
                .bind("subgroup", () -> Db.community(SUBGROUP))
                .get(G).expect(readPage)
                .get(S).named("GET the plans from the subgroup's address").expect(readPage)
                .get(G + "/new").expect(coordinatorPage)
                .form(G, Map.of("title", "Plan sectorial 2025-2029", "scheme", "prosur", "startYear", "2025",
                        "endYear", "2029")).expect(coordinatorForm)
                .get(G + "/{plan}").given(PlanResourceTest::fixtureValues).expect(readPage)
                .get(S + "/{plan}").named("GET a plan from the subgroup's address")
                        .given(PlanResourceTest::fixtureValues).expect(readPage)
                .get(G + "/{plan}/edit").given(PlanResourceTest::fixtureValues).expect(coordinatorPage)
                .form(G + "/{plan}/edit", Map.of("title", "Plan renombrado", "startYear", "2020", "endYear", "2024"))
                        .given(PlanResourceTest::fixtureValues).expect(coordinatorForm)
                .form(G + "/{plan}/validate", Map.of()).given(PlanResourceTest::fixtureValues).expect(coordinatorForm)
                .get(G + "/{plan}/items/new?parent={spec}").given(PlanResourceTest::fixtureValues).expect(branchPage)
                .form(G + "/{plan}/items", Map.of("parent", "{line}", "title", "Guía de derivación", "status", "PLANNED"))
                        .given(PlanResourceTest::fixtureValues).expect(branchForm)
                .get(G + "/{plan}/items/{activity}/edit").given(PlanResourceTest::fixtureValues).expect(branchPage)
                .form(G + "/{plan}/items/{activity}/edit", itemFields("Taller regional modificado"))
                        .given(PlanResourceTest::fixtureValues).expect(branchForm)
                // The subgroup's members report progress; a member of the group outside the subgroup does not.
                .form(G + "/{plan}/items/{activity}/progress", Map.of("status", "IN_PROGRESS", "progress", "30"))
                        .given(PlanResourceTest::fixtureValues).expect(303, 303, 303, 303, 403, 404, SIGN_IN)
                .form(G + "/{plan}/items/{activity}/delete", Map.of()).given(PlanResourceTest::fixtureValues)
                        .expect(branchForm)
                .form(G + "/{plan}/years", Map.of("community", "{subgroup}", "year", "2022"))
                        .given(PlanResourceTest::fixtureValues).expect(branchForm)
                .get(G + "/{plan}/years/{year}").given(PlanResourceTest::fixtureValues).expect(readPage)
                .form(G + "/{plan}/years/{year}/validate", Map.of()).given(PlanResourceTest::fixtureValues)
                        .expect(coordinatorForm)
                .get(G + "/{plan}/history").given(PlanResourceTest::fixtureValues).expect(readPage);
    }

    static Document page(Persona persona, String path) {
        return Jsoup.parse(persona.request().get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void theFigureAndHowItWasComputedShowTheWeightsAndLeaveTheCancelledOut() {
        Fixture f = fixture();
        // The line: done (weight 1), 40 % (weight 3), cancelled (90 % typed, left out): (100 + 3 x 40) / 4 = 55.0
        TestPlans.item(f.plan(), SUBGROUP).under(f.line()).depth(5).titled("Hecha").status("DONE").save();
        TestPlans.item(f.plan(), SUBGROUP).under(f.line()).depth(5).titled("Pesada").progress(40).weight("3").save();
        long cancelled = TestPlans.item(f.plan(), SUBGROUP).under(f.line()).depth(5).titled("Cancelada")
                .status("CANCELLED").progress(90).save();
        Db.update("update plan_item set progress = 60 where id = ?1", f.activity());
        // Line: (60 + 100 + 120) / 5 = 56.0; a typed progress on the line itself is ignored.
        Db.update("update plan_item set progress = 5 where id = ?1", f.line());

        Document page = page(Persona.MEMBER, G + "/" + f.plan());
        Element line = page.getElementById("item-" + f.line());
        assertNotNull(line, "each item has its anchor");
        assertEquals("56.0 %", line.getElementById("figure-" + f.line()).text());
        assertTrue(line.selectFirst(".level").text().startsWith("Línea de acción"), line.selectFirst(".level").text());
        Element how = line.getElementById("how-" + f.line());
        assertEquals("details", how.tagName());
        List<String> rows = how.select("tbody tr").eachText();
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.contains("Taller regional 60.0 % 1"), rows.toString());
        assertTrue(rows.contains("Hecha 100.0 % 1"), rows.toString());
        assertTrue(rows.contains("Pesada 40.0 % 3"), rows.toString());
        assertTrue(rows.contains("Cancelada cancelado: queda fuera —"), rows.toString());
        assertEquals("Sin cifra: cancelado, o todos sus hijos cancelados; queda fuera de la cifra de su padre.",
                page.getElementById("how-" + cancelled).selectFirst("p").text());
        assertTrue(page.getElementById("how-" + f.activity()).text().contains("avance registrado"));
        // The same figure all the way up (one child each), and for the whole plan.
        assertEquals("56.0 %", page.getElementById("figure-" + f.spec()).text());
        assertEquals("56.0 %", page.getElementById("figure-" + f.goal()).text());
        assertTrue(page.getElementById("plan-figure").text().contains("56.0 %"));
        assertTrue(page.getElementById("item-" + f.activity()).text().contains("Primer bimestre 2021"),
                "the period as written");
        // The subgroup's address lists the plan with its branch's figure.
        Document list = page(Persona.MEMBER, S);
        assertTrue(list.getElementById("plan-" + f.plan()).text().contains("Asistencia a víctimas: 56.0 %"),
                list.getElementById("plan-" + f.plan()).text());
    }

    @Test
    void theLeaderAddsToTheBranchTheCoordinatorValidatesAndAFocalPointReportsProgress() {
        Fixture f = fixture();
        // The leader may not add a top-level item, nor edit the group's objective.
        assertEquals(403, Persona.LEADER.request().get(G + "/" + f.plan() + "/items/new").statusCode());
        assertEquals(403, Persona.LEADER.request().get(G + "/" + f.plan() + "/items/" + f.goal() + "/edit").statusCode());
        Response created = Web.form(Persona.LEADER, G + "/" + f.plan() + "/items", Map.of("parent", f.line(),
                "title", "Guía regional de derivación", "period", "Oct – dic. 2021", "budgetAmount", "2500",
                "budgetCurrency", "usd", "funding", "Fondo Fiduciario Pérez-Guerrero", "year", f.year(),
                "status", "PLANNED"));
        assertEquals(303, created.statusCode(), created.body().asString());
        long product = Long.parseLong(created.header("Location").replaceAll(".*#item-", ""));
        assertEquals(4L, Db.number("select depth from plan_item where id = ?1", product));
        assertEquals(Db.community(SUBGROUP), Db.number("select community_id from plan_item where id = ?1", product));
        assertEquals("MONTH_RANGE", Db.value("select period_kind from plan_item where id = ?1", product));
        assertEquals("USD", Db.value("select budget_currency from plan_item where id = ?1", product));

        // Validation: the coordinator only; the page says it.
        assertEquals(403, Web.form(Persona.LEADER, G + "/" + f.plan() + "/validate", Map.of()).statusCode());
        assertEquals(303, Web.form(Persona.COORDINATOR, G + "/" + f.plan() + "/validate", Map.of()).statusCode());
        assertEquals("VALIDATED", Db.value("select status from plan where id = ?1", f.plan()));
        assertEquals(1L, Db.number("select count(*) from audit_log where action = 'PLAN_VALIDATE' and target_id = ?1",
                f.plan()));
        Document page = page(Persona.MEMBER, G + "/" + f.plan());
        assertNull(page.getElementById("validate-plan"), "no second validation");
        assertNotNull(page.getElementById("history"));

        // The annual plan: the focal point reports the activity done from its row.
        Document year = page(Persona.MEMBER, G + "/" + f.plan() + "/years/" + f.year());
        Element row = year.getElementById("item-" + f.activity());
        Element form = row.selectFirst("form.progress-form");
        assertNotNull(form);
        assertNotNull(form.selectFirst("select[name=status]"));
        assertNotNull(form.selectFirst("input[name=progress]"));
        assertNull(year.selectFirst("form.validate-year"), "a focal point does not validate");
        assertNotNull(page(Persona.COORDINATOR, G + "/" + f.plan() + "/years/" + f.year()).selectFirst("form.validate-year"));
        Response done = Web.form(Persona.MEMBER, G + "/" + f.plan() + "/items/" + f.activity() + "/progress",
                Map.of("status", "DONE", "progress", "100", "fromYear", f.year()));
        assertEquals(303, done.statusCode(), done.body().asString());
        assertTrue(done.header("Location").endsWith("/years/" + f.year() + "#item-" + f.activity()));
        assertEquals("100.0 %", page(Persona.MEMBER, G + "/" + f.plan() + "/years/" + f.year())
                .getElementById("figure-" + f.activity()).text());
        // (activity 100 + product 0) / 2 on the line
        assertEquals("50.0 %", page(Persona.MEMBER, G + "/" + f.plan()).getElementById("figure-" + f.line()).text());

        // A parent's progress is never typed: refused with the reason, nothing stored.
        Response parent = Web.form(Persona.LEADER, G + "/" + f.plan() + "/items/" + f.line() + "/progress",
                Map.of("status", "IN_PROGRESS", "progress", "80"));
        assertEquals(400, parent.statusCode());
        assertTrue(parent.body().asString().contains("se calcula a partir de ellos"), "the reason");
        assertEquals(0L, Db.number("select progress from plan_item where id = ?1", f.line()));
        assertEquals("PLANNED", Db.value("select status from plan_item where id = ?1", f.line()));

        // The coordinator validates the annual plan.
        assertEquals(303, Web.form(Persona.COORDINATOR, G + "/" + f.plan() + "/years/" + f.year() + "/validate",
                Map.of()).statusCode());
        assertEquals("VALIDATED", Db.value("select status from plan_year where id = ?1", f.year()));
    }

    @Test
    void mistakesComeBackAsTypedWithAMessagePerField() {
        Fixture f = fixture();
        Map<String, Object> typed = new HashMap<>(itemFields("Taller con errores"));
        typed.put("period", "Séptimo bimestre 2021");
        typed.put("budgetAmount", "1500");
        typed.put("budgetCurrency", "XYZ");
        typed.put("progress", "140");
        typed.put("weight", "2");
        Response bad = Web.form(Persona.LEADER, G + "/" + f.plan() + "/items/" + f.activity() + "/edit", typed);
        assertEquals(400, bad.statusCode());
        Document page = Jsoup.parse(bad.body().asString());
        assertEquals("Taller con errores", page.getElementById("item-title").text());
        assertEquals("Séptimo bimestre 2021", page.getElementById("item-period").val());
        assertFalse(page.getElementById("item-period-error").text().isBlank());
        assertTrue(page.getElementById("item-budgetCurrency-error").text().contains("ISO 4217"));
        assertFalse(page.getElementById("item-progress-error").text().isBlank());
        assertEquals("Taller regional", Db.value("select title from plan_item where id = ?1", f.activity()),
                "nothing stored");

        // The leader does not set weights; the coordinator does.
        Map<String, Object> weighted = new HashMap<>(itemFields("Taller regional"));
        weighted.put("weight", "2");
        Response leader = Web.form(Persona.LEADER, G + "/" + f.plan() + "/items/" + f.activity() + "/edit", weighted);
        assertEquals(400, leader.statusCode());
        assertEquals(303, Web.form(Persona.COORDINATOR, G + "/" + f.plan() + "/items/" + f.activity() + "/edit",
                weighted).statusCode());
        assertEquals(0, new java.math.BigDecimal("2").compareTo((java.math.BigDecimal) Db.value(
                "select weight from plan_item where id = ?1", f.activity())));

        // A year twice, or outside the plan.
        Response twice = Web.form(Persona.LEADER, G + "/" + f.plan() + "/years",
                Map.of("community", Db.community(SUBGROUP), "year", "2021"));
        assertEquals(400, twice.statusCode());
        assertFalse(Jsoup.parse(twice.body().asString()).getElementById("year-year-error").text().isBlank());
        assertEquals(400, Web.form(Persona.LEADER, G + "/" + f.plan() + "/years",
                Map.of("community", Db.community(SUBGROUP), "year", "2031")).statusCode());
        // A leader drafts only for the subgroup they lead.
        assertEquals(403, Web.form(Persona.LEADER, G + "/" + f.plan() + "/years",
                Map.of("community", Db.community(GROUP), "year", "2022")).statusCode());

        // A plan with its years the wrong way round.
        Response plan = Web.form(Persona.COORDINATOR, G, Map.of("title", "Plan al revés", "scheme", "prosur",
                "startYear", "2029", "endYear", "2025"));
        assertEquals(400, plan.statusCode());
        Document again = Jsoup.parse(plan.body().asString());
        assertEquals("Plan al revés", again.getElementById("plan-title").val());
        assertFalse(again.getElementById("plan-endYear-error").text().isBlank());
    }

    @Test
    void aPlanIsCreatedWithTheForumsSchemeOrAnother() {
        Document form = page(Persona.COORDINATOR, G + "/new");
        assertEquals("prosur", form.selectFirst("input[name=scheme][checked]").val(), "the forum's default");
        assertNotNull(form.selectFirst("input[name=scheme][value=sela]"), "others selectable");
        Response created = Web.form(Persona.COORDINATOR, G, Map.of("title", "Programa SELA de prueba", "scheme", "sela",
                "startYear", "2022", "endYear", "2026"));
        assertEquals(303, created.statusCode());
        long plan = Long.parseLong(created.header("Location").replaceAll(".*/plans/", ""));
        assertEquals("sela", Db.value("select s.code from plan p join plan_scheme s on s.id = p.scheme_id where p.id = ?1",
                plan));
        assertEquals(303, Web.form(Persona.COORDINATOR, G + "/" + plan + "/items", Map.of("title", "Eje I",
                "status", "PLANNED")).statusCode());
        Document page = page(Persona.MEMBER, G + "/" + plan);
        assertTrue(page.selectFirst(".plan-tree .level").text().startsWith("Eje temático"));
    }

    @Test
    void theSearchBoxFindsAnItemAndLinksToItsPlan() {
        Fixture f = fixture();
        TestPlans.item(f.plan(), SUBGROUP).under(f.line()).depth(5).titled("Mapeo de casas de acogida ornitorrinco").save();
        Document found = Jsoup.parse(Persona.MEMBER.request().queryParam("q", "ornitorrinco").get("/search").then()
                .statusCode(200).extract().asString());
        assertFalse(found.select("a[href=" + S + "/" + f.plan() + "]").isEmpty(), found.text());
        Document outside = Jsoup.parse(Persona.OTHER_GROUP.request().queryParam("q", "ornitorrinco").get("/search")
                .then().statusCode(200).extract().asString());
        assertTrue(outside.select("a[href=" + S + "/" + f.plan() + "]").isEmpty(), "not for another group's member");
    }

    @Test
    void levelsAreNamedInTheReadersLanguage() {
        Fixture f = fixture();
        Db.update("update member set language = 'en' where username = 'pf.peru'");
        try {
            Document page = page(Persona.MEMBER, G + "/" + f.plan());
            assertTrue(page.getElementById("item-" + f.spec()).selectFirst(".level").text().startsWith("Specific objective"));
            assertTrue(page.getElementById("item-" + f.line()).text().contains("How this is computed"));
        } finally {
            Db.update("update member set language = 'es' where username = 'pf.peru'");
        }
    }
}
