package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard and the timeline run the same statements with 3 and with 300 activities (whole
 * plan and one year): the plan's tree is read in one statement ({@link PlanTree}).
 */
@QuarkusTest
class PlanDashboardSqlCountTest {

    @Inject
    SqlStatements sql;

    @Inject
    PlanDashboardCache cache;

    @Test
    void dashboardAndTimelineDoNotGrowWithActivities() {
        PlanLoad load = new PlanLoad("Plan de carga SQL");
        try {
            String base = "/c/seguridad/plans/" + load.plan;
            String[] paths = { base + "/dashboard", base + "/dashboard?year=2021", base + "/timeline",
                    base + "/timeline?year=2021", "/c/seguridad-asistencia-victimas/plans/" + load.plan + "/dashboard" };
            load.upTo(3);
            long[] small = countAll(paths);
            load.upTo(300);
            long[] large = countAll(paths);
            assertEquals(300, Db.number("select count(*) from plan_item where plan_id = ?1 and depth = 4", load.plan));
            for (int i = 0; i < paths.length; i++) {
                assertTrue(small[i] > 0, paths[i] + " ran no SQL: is the counter working?");
                assertEquals(small[i], large[i], paths[i] + ": statements with 3 vs 300 activities");
                System.out.printf("SQL statements of %s: %d with 3 activities, %d with 300%n", paths[i], small[i],
                        large[i]);
            }
        } finally {
            load.delete();
        }
    }

    private long[] countAll(String[] paths) {
        long[] counts = new long[paths.length];
        for (int i = 0; i < paths.length; i++) {
            String path = paths[i];
            Persona.MEMBER.request().get(path).then().statusCode(200);
            // The figures computed, not the ones kept per revision (PlanDashboardCacheTest counts those).
            counts[i] = sql.steady(() -> {
                cache.clear();
                Persona.MEMBER.request().get(path).then().statusCode(200);
            });
        }
        return counts;
    }
}
