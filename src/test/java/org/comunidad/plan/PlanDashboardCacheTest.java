package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.comunidad.testsupport.Web;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard's figures are kept per plan revision ({@link PlanDashboardCache}), and the next view
 * after any change shows it, whoever or whatever wrote it: the app's progress form, SQL from outside
 * the app (another instance, an import, psql), a deletion, an annual plan, and the names shown beside
 * the figures (a member's display name, a subgroup's name). An unchanged plan costs one lookup instead
 * of the four statements that compute it.
 */
@QuarkusTest
class PlanDashboardCacheTest {

    static final String GROUP = "seguridad";
    static final String VICTIMS = "seguridad-asistencia-victimas";

    @Inject
    SqlStatements sql;

    @Inject
    PlanDashboardCache cache;

    private final PlanDashboard words = new PlanDashboard(Locale.forLanguageTag("es"));

    @Test
    void everyChangeIsSeenByTheNextView() {
        long plan = TestPlans.plan(GROUP).titled("Plan del tablero guardado").years(2021, 2022).save();
        String path = "/c/" + GROUP + "/plans/" + plan + "/dashboard";
        String member = (String) Db.value("select display_name from member where username = 'coord.seguridad'");
        String subgroup = (String) Db.value("select name_es from community where slug = ?1", VICTIMS);
        try {
            long goal = TestPlans.item(plan, GROUP).titled("Objetivo").save();
            long line = TestPlans.item(plan, VICTIMS).under(goal).titled("Línea").save();
            long a = TestPlans.item(plan, VICTIMS).under(line).titled("Actividad A").status("IN_PROGRESS").progress(20)
                    .period("Primer bimestre 2021").responsible("PE", "coord.seguridad").save();
            long b = TestPlans.item(plan, VICTIMS).under(line).titled("Actividad B").status("IN_PROGRESS").progress(40)
                    .save();
            assertWhole(path, "30");
            assertWhole(path, "30");

            // The app's quick progress form.
            assertEquals(303, Web.form(Persona.MEMBER, "/c/" + GROUP + "/plans/" + plan + "/items/" + a + "/progress",
                    Map.of("status", "IN_PROGRESS", "progress", "60")).statusCode());
            assertWhole(path, "50");

            // SQL the app did not send (another instance, an import, psql).
            Db.update("update plan_item set progress = 80 where id = ?1", b);
            assertWhole(path, "70");

            // A new activity, then one deleted.
            long c = TestPlans.item(plan, VICTIMS).under(line).titled("Actividad C").status("DONE").save();
            assertWhole(path, "80");
            Db.update("delete from plan_item where id = ?1", c);
            assertWhole(path, "70");

            // An annual plan: the year's view shows activities scheduled in it.
            long year = TestPlans.year(plan, VICTIMS, 2021);
            assertWhole(path + "?year=2021", "—");
            Db.update("update plan_item set plan_year_id = ?1 where id = ?2", year, b);
            assertWhole(path + "?year=2021", "80");

            // The names beside the figures: the responsible member's and the subgroup's.
            Document before = page(path);
            assertTrue(before.select("tr[id$=-" + a + "]").text().contains(member), before.select("table.plan-deadlines").text());
            Db.update("update member set display_name = 'Nombre Nuevo Del Punto Focal' where username = 'coord.seguridad'");
            Document renamed = page(path);
            assertTrue(renamed.select("tr[id$=-" + a + "]").text().contains("Nombre Nuevo Del Punto Focal"),
                    renamed.select("table.plan-deadlines").text());
            Db.update("update community set name_es = 'Subgrupo Renombrado' where slug = ?1", VICTIMS);
            Document subgroupRenamed = page(path);
            assertTrue(subgroupRenamed.select("tr[id$=-" + a + "]").text().contains("Subgrupo Renombrado"),
                    subgroupRenamed.select("table.plan-deadlines").text());
        } finally {
            Db.update("update member set display_name = ?1 where username = 'coord.seguridad'", member);
            Db.update("update community set name_es = ?1 where slug = ?2", subgroup, VICTIMS);
            Db.update("delete from plan where id = ?1", plan);
        }
    }

    @Test
    void anUnchangedPlanCostsOneLookupInsteadOfTheFourStatements() {
        long plan = TestPlans.plan(GROUP).titled("Plan de sentencias guardadas").years(2021, 2022).save();
        String path = "/c/" + GROUP + "/plans/" + plan + "/dashboard";
        long created = Db.number("select revision from plan_revision where plan_id = ?1", plan);
        try {
            long goal = TestPlans.item(plan, GROUP).titled("Objetivo").save();
            TestPlans.item(plan, VICTIMS).under(goal).titled("Actividad").status("IN_PROGRESS").progress(20).save();
            Persona.MEMBER.request().get(path).then().statusCode(200);
            long computed = sql.steady(() -> {
                cache.clear();
                Persona.MEMBER.request().get(path).then().statusCode(200);
            });
            long kept = sql.steady(() -> Persona.MEMBER.request().get(path).then().statusCode(200));
            System.out.printf("SQL statements of the dashboard: %d computed, %d kept%n", computed, kept);
            assertEquals(computed - 4, kept, "the four statements of PlanDashboardRows are not run again");
            assertTrue(Db.number("select revision from plan_revision where plan_id = ?1", plan) > created,
                    "the items' inserts moved the revision");
        } finally {
            Db.update("delete from plan where id = ?1", plan);
        }
        assertEquals(0L, Db.number("select count(*) from plan_revision where plan_id = ?1", plan), "gone with its plan");
    }

    /** The whole plan's figure is {@code value} (a number, or "—"), as its heading ends. */
    private void assertWhole(String path, String value) {
        String expected = "—".equals(value) ? words.figure(null) : words.figure(new BigDecimal(value));
        String heading = page(path).selectFirst("#plan-whole h2").text();
        assertTrue(heading.endsWith(expected), path + ": " + expected + " expected in " + heading);
    }

    private static Document page(String path) {
        return Html.parse(Persona.MEMBER.request().get(path).then().statusCode(200).extract().asString());
    }

}
