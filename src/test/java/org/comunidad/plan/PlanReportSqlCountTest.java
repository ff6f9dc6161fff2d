package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.junit.jupiter.api.Test;

/**
 * The report page, its PDF and its DOCX run a fixed number of SQL statements whatever the plan's
 * size: measured with 3 and with 300 activities spread over the three subgroups' work plans of the
 * report's year and of the next.
 */
@io.quarkus.test.junit.QuarkusTest
class PlanReportSqlCountTest {

    static final List<String> SUBGROUPS = List.of("seguridad-delincuencia-organizada", "seguridad-asistencia-victimas",
            "seguridad-prevencion-violencia-genero");

    @Inject
    SqlStatements sql;

    @Test
    void theReportDoesNotGrowWithThePlan() {
        long plan = TestPlans.plan("seguridad").titled("Plan para contar").years(2030, 2034).validated().save();
        long goal = TestPlans.item(plan, "seguridad").titled("Objetivo general").save();
        long[] lines = new long[3];
        long[][] years = new long[3][2];
        for (int s = 0; s < 3; s++) {
            long spec = TestPlans.item(plan, SUBGROUPS.get(s)).under(goal).titled("Objetivo " + s).save();
            lines[s] = TestPlans.item(plan, SUBGROUPS.get(s)).under(spec).titled("Línea " + s).save();
            years[s][0] = TestPlans.year(plan, SUBGROUPS.get(s), 2030);
            years[s][1] = TestPlans.year(plan, SUBGROUPS.get(s), 2031);
        }
        seed(plan, lines, years, 0, 3);
        Map<String, Long> small = countAll();
        seed(plan, lines, years, 3, 297);
        Map<String, Long> large = countAll();
        small.forEach((path, statements) -> {
            assertTrue(statements > 0, path + " ran no SQL: is the counter working?");
            assertEquals(statements, large.get(path), path + ": statements with 3 vs 300 activities");
        });
        System.out.printf("SQL statements of the activity report (3 activities -> 300): %s -> %s%n", small, large);
    }

    private static void seed(long plan, long[] lines, long[][] years, int from, int count) {
        for (int i = from; i < from + count; i++) {
            int s = i % 3;
            TestPlans.item(plan, SUBGROUPS.get(s)).under(lines[s]).in(years[s][i % 2]).titled("Actividad " + i)
                    .period(i % 2 == 0 ? "Primer semestre 2030" : "Segundo bimestre 2031")
                    .status(i % 5 == 0 ? "DONE" : "IN_PROGRESS").progress(i % 100).save();
        }
    }

    private Map<String, Long> countAll() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String path : List.of("/c/seguridad/report?year=2030&lang=es", "/c/seguridad/report/2030.pdf?lang=es",
                "/c/seguridad/report/2030.docx?lang=pt")) {
            Persona.COORDINATOR.request().get(path).then().statusCode(200);
            counts.put(path, sql.steady(() -> Persona.COORDINATOR.request().get(path).then().statusCode(200)));
        }
        return counts;
    }
}
