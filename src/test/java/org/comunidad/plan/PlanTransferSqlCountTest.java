package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The import's preview and the exports run a fixed number of SQL statements whatever the size of
 * the table or the plan (3 and 300 rows). The confirmation writes one row per item: it is not
 * counted here.
 */
@QuarkusTest
class PlanTransferSqlCountTest {

    static final String VICTIMAS = PlanImportTest.VICTIMAS;

    @Inject
    SqlStatements sql;

    @Test
    void previewAndExportsDoNotGrowWithRows() {
        long plan = TestPlans.plan("seguridad").save();
        long year = TestPlans.year(plan, VICTIMAS, 2021);
        long goal = TestPlans.item(plan, "seguridad").titled("Objetivo general").save();
        long spec = TestPlans.item(plan, VICTIMAS).under(goal).save();
        long line = TestPlans.item(plan, VICTIMAS).under(spec).titled("Línea").save();
        TestPlans.task(VICTIMAS).assignee("pf.peru").due("Primer bimestre 2021").save();
        seed(plan, year, line, 0, 3);
        Map<String, Long> small = counts(plan, 3);
        seed(plan, year, line, 3, 297);
        Map<String, Long> large = counts(plan, 300);
        assertEquals(300, Db.number("select count(*) from plan_item where plan_year_id = ?1", year));
        small.forEach((what, statements) -> {
            assertTrue(statements > 0, what + " ran no SQL: is the counter working?");
            assertEquals(statements, large.get(what), what + ": statements with 3 vs 300 rows");
        });
        System.out.printf("SQL statements of the import preview and the exports (3 -> 300 rows): %s -> %s%n", small, large);
    }

    private Map<String, Long> counts(long plan, int rows) {
        long victimas = Db.community(VICTIMAS);
        Map<String, Long> counts = new LinkedHashMap<>();
        String base = "/c/seguridad/plans/" + plan;
        for (String path : new String[] { base + "/export?format=xlsx", base + "/export?format=csv",
                base + "/export?format=csv&community=" + victimas + "&year=2021", "/c/" + VICTIMAS + "/tasks/export?format=csv",
                "/tasks/export?format=xlsx" }) {
            counts.put(path, sql.steady(() -> Persona.COORDINATOR.request().get(path).then().statusCode(200)));
        }
        StringBuilder csv = new StringBuilder("Líneas de Acción,Productos,Plazo\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i % 10 == 0 ? "Línea " + i : "").append(",Producto ").append(i).append(",Primer bimestre 2021\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        // The upload fetches a CSRF token from the home page first: counted in both, the same.
        counts.put("preview", sql.steady(() -> assertEquals(200, PlanImports.upload(Persona.COORDINATOR,
                base + "/import", victimas, 2021, "plan.csv", bytes).statusCode())));
        return counts;
    }

    private static void seed(long plan, long year, long line, int offset, int count) {
        Db.update("""
                insert into plan_item (plan_id, parent_id, depth, position, community_id, plan_year_id, title, period_text,
                                       period_kind, period_start, period_end, budget_amount, budget_currency, funding_source,
                                       responsible_country, responsible_id, status, progress, created_by)
                select ?1, ?2, 4, i, c.id, ?3, 'Producto ' || i, 'Primer bimestre 2021', 'BIMESTER', date '2021-01-01',
                       date '2021-02-28', 100, 'USD', 'Fondo', 'PE', m.id, 'IN_PROGRESS', 10, m.id
                from generate_series(?4, ?5) as i, community c, member m
                where c.slug = ?6 and m.username = 'pf.peru'""", plan, line, year, offset, offset + count - 1, VICTIMAS);
        for (int i = 0; i < count; i++) {
            if ((offset + i) % 100 == 0 || count == 3) {
                TestPlans.task(VICTIMAS).assignee("coord.seguridad").titled("Tarea " + (offset + i)).save();
            }
        }
    }
}
