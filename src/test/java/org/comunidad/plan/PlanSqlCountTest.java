package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The plan page, the annual plan page, the list and the API's tree run a fixed number of SQL
 * statements whatever the number of activities (3 and 300, with periods, budgets, responsible
 * people, mixed statuses and weights).
 */
@QuarkusTest
class PlanSqlCountTest {

    static final String SUBGROUP = "seguridad-asistencia-victimas";

    @Inject
    SqlStatements sql;

    @Test
    void planPagesDoNotGrowWithActivities() {
        PlanResourceTest.Fixture f = PlanResourceTest.fixture();
        seed(f, 0, 2);
        Map<String, Long> small = countAll(f);
        seed(f, 2, 297);
        Map<String, Long> large = countAll(f);
        assertTrue(Db.number("select count(*) from plan_item where plan_year_id = ?1", f.year()) >= 300);
        small.forEach((path, statements) -> {
            assertTrue(statements > 0, path + " ran no SQL: is the counter working?");
            assertEquals(statements, large.get(path), path + ": statements with 3 vs 300 activities");
        });
        System.out.printf("SQL statements per plan page (3 -> 300 activities): %s -> %s%n", small, large);
    }

    private Map<String, Long> countAll(PlanResourceTest.Fixture f) {
        String base = "/c/seguridad/plans";
        long group = Db.community("seguridad");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Persona persona : new Persona[] { Persona.ADMIN, Persona.MEMBER }) {
            for (String path : new String[] { base, base + "/" + f.plan(), base + "/" + f.plan() + "/years/" + f.year(),
                    base + "/" + f.plan() + "/history", "/api/communities/" + group + "/plans/" + f.plan() }) {
                persona.request().get(path).then().statusCode(200);
                counts.put(persona + " " + path, sql.steady(() -> persona.request().get(path).then().statusCode(200)));
            }
        }
        return counts;
    }

    /** Activities under the fixture's action line, in its annual plan, with every column the pages show. */
    private void seed(PlanResourceTest.Fixture f, int offset, int count) {
        Db.update("""
                insert into plan_item (plan_id, parent_id, depth, position, community_id, plan_year_id, title,
                                       period_text, period_kind, period_start, period_end, budget_amount, budget_currency,
                                       funding_source, responsible_country, responsible_id, status, progress, weight, created_by)
                select ?1, ?2, 5, 10 + i, ?3, ?4, 'Actividad ' || i, 'Primer bimestre 2021', 'BIMESTER',
                       date '2021-01-01', date '2021-02-28', 100 + i, (array['USD','CLP'])[1 + i % 2], 'Fondo ' || (i % 3),
                       'PE', ?5, (array['PLANNED','IN_PROGRESS','DONE','POSTPONED','CANCELLED'])[1 + i % 5], i % 101,
                       1 + i % 3, ?5
                from generate_series(?6, ?7) i""", f.plan(), f.line(), Db.community(SUBGROUP), f.year(),
                Db.member("pf.peru"), offset, offset + count - 1);
    }
}
