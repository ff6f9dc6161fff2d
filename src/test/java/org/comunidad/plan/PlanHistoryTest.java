package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.comunidad.member.Member;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The history: nothing while a plan is a draft; from its validation on, every change (who, when,
 * the field, before and after as shown), a deletion, an annual plan's validation and an import.
 */
@QuarkusTest
class PlanHistoryTest {

    static final String G = PlanResourceTest.G;

    @Inject
    PlanHistory history;

    @Test
    void aDraftKeepsNoHistoryAValidatedPlanKeepsEveryChange() {
        PlanResourceTest.Fixture f = PlanResourceTest.fixture();
        String edit = G + "/" + f.plan() + "/items/" + f.activity() + "/edit";
        Map<String, Object> fields = new HashMap<>(PlanResourceTest.itemFields("Taller regional"));
        fields.put("period", "Primer bimestre 2021");
        fields.remove("budgetAmount");
        fields.remove("budgetCurrency");
        assertEquals(303, Web.form(Persona.LEADER, edit, fields).statusCode());
        assertEquals(0L, Db.number("select count(*) from plan_change where plan_id = ?1", f.plan()), "a draft");

        assertEquals(303, Web.form(Persona.COORDINATOR, G + "/" + f.plan() + "/validate", Map.of()).statusCode());
        fields.put("period", "Segundo semestre 2021");
        fields.put("budgetAmount", "3000");
        fields.put("budgetCurrency", "USD");
        assertEquals(303, Web.form(Persona.LEADER, edit, fields).statusCode());
        assertEquals(303, Web.form(Persona.MEMBER, G + "/" + f.plan() + "/items/" + f.activity() + "/progress",
                Map.of("status", "IN_PROGRESS", "progress", "45")).statusCode());
        assertEquals(303, Web.form(Persona.LEADER, G + "/" + f.plan() + "/items/" + f.line() + "/delete", Map.of())
                .statusCode());

        List<String> lines = Db.call(em -> em.createNativeQuery("""
                select action || '|' || coalesce(field, '') || '|' || coalesce(before_value, '') || '|' || coalesce(after_value, '')
                from plan_change where plan_id = ?1 order by id""", String.class).setParameter(1, f.plan()).getResultList());
        assertEquals(List.of("VALIDATED|||", "CHANGED|period|Primer bimestre 2021|Segundo semestre 2021",
                "CHANGED|budget||3000.00 USD", "CHANGED|status|PLANNED|IN_PROGRESS", "CHANGED|progress|0|45",
                "DELETED|||"), lines);
        assertEquals(Db.member("pf.peru"), Db.number(
                "select actor_id from plan_change where plan_id = ?1 and field = 'progress'", f.plan()));
        assertEquals("Protocolos de atención", Db.value(
                "select item_title from plan_change where plan_id = ?1 and action = 'DELETED'", f.plan()),
                "the item is named after it is gone");

        Document page = Jsoup.parse(Persona.GROUP_MEMBER.request().get(G + "/" + f.plan() + "/history").then()
                .statusCode(200).extract().asString());
        Element table = page.getElementById("changes");
        assertNotNull(table);
        List<String> rows = table.select("tbody tr").eachText();
        assertEquals(6, rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.contains("Plazo Primer bimestre 2021 Segundo semestre 2021")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.contains("Estado Planificado En curso")), rows.toString());
        assertTrue(rows.get(0).contains("Eliminó"), "latest first: " + rows.get(0));
    }

    @Test
    void anImportAndAnAnnualPlansValidationAreKept() {
        PlanResourceTest.Fixture f = PlanResourceTest.fixture();
        long coordinator = Db.member("coord.seguridad");
        QuarkusTransaction.requiringNew().run(() -> history.imported(Plan.findById(f.plan()), PlanYear.findById(f.year()),
                Member.findById(coordinator), 12));
        assertEquals(0L, Db.number("select count(*) from plan_change where plan_id = ?1", f.plan()), "a draft");

        assertEquals(303, Web.form(Persona.COORDINATOR, G + "/" + f.plan() + "/years/" + f.year() + "/validate",
                Map.of()).statusCode());
        QuarkusTransaction.requiringNew().run(() -> history.imported(Plan.findById(f.plan()), PlanYear.findById(f.year()),
                Member.findById(coordinator), 12));
        assertEquals(List.of("VALIDATED", "IMPORTED"), Db.call(em -> em.createNativeQuery(
                "select action from plan_change where plan_id = ?1 and plan_year_id = ?2 order by id", String.class)
                .setParameter(1, f.plan()).setParameter(2, f.year()).getResultList()));
        assertEquals("12", Db.value("select after_value from plan_change where plan_id = ?1 and action = 'IMPORTED'",
                f.plan()));
        // A change to an activity of the validated annual plan is kept though the plan is a draft.
        assertEquals(303, Web.form(Persona.MEMBER, G + "/" + f.plan() + "/items/" + f.activity() + "/progress",
                Map.of("status", "DONE", "progress", "100")).statusCode());
        assertEquals(2L, Db.number("select count(*) from plan_change where plan_id = ?1 and action = 'CHANGED'", f.plan()));
    }
}
