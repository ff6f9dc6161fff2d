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

/**
 * The task lists run a fixed number of SQL statements whatever their length: "my tasks" (open and
 * all, page and API) and a community's tasks, measured with 3 and with 300 tasks, assigned to
 * pf.peru in two subgroups, some overdue, some done, some with a coarse period.
 */
@io.quarkus.test.junit.QuarkusTest
class MyTasksSqlCountTest {

    static final String SLUG = "seguridad-delincuencia-organizada";

    @Inject
    SqlStatements sql;

    @Test
    void listsDoNotGrowWithTheirTasks() {
        seed(0, 3);
        Map<String, Long> small = countAll();
        seed(3, 297);
        Map<String, Long> large = countAll();
        assertTrue(Db.number("select count(*) from task where assignee_id = ?1", Db.member("pf.peru")) >= 300);
        small.forEach((path, statements) -> {
            assertTrue(statements > 0, path + " ran no SQL: is the counter working?");
            assertEquals(statements, large.get(path), path + ": statements with 3 vs 300 tasks");
        });
        System.out.printf("SQL statements per task page (3 tasks -> 300 tasks): %s -> %s%n", small, large);
    }

    private Map<String, Long> countAll() {
        Map<String, Persona> pages = new LinkedHashMap<>();
        pages.put("/tasks", Persona.MEMBER);
        pages.put("/tasks?show=all", Persona.MEMBER);
        pages.put("/api/tasks/mine", Persona.MEMBER);
        pages.put("/c/" + SLUG + "/tasks", Persona.COORDINATOR);
        pages.put("/c/" + SLUG + "/tasks?show=all", Persona.MEMBER);
        Map<String, Long> counts = new LinkedHashMap<>();
        pages.forEach((path, persona) -> {
            persona.request().get(path).then().statusCode(200);
            counts.put(path + " as " + persona, sql.steady(() -> persona.request().get(path).then().statusCode(200)));
        });
        return counts;
    }

    /** {@code count} tasks from {@code offset} on, alternating between two subgroups, due dates and periods. */
    private static void seed(int offset, int count) {
        Db.update("""
                insert into task (community_id, title, assignee_id, period_text, period_kind, period_start, period_end,
                                  status, created_by)
                select case when k % 2 = 0 then ?1 else ?2 end, 'Tarea ' || k, ?3,
                       case when k % 3 = 0 then 'Por definir' else to_char(current_date + (k - 150), 'YYYY-MM-DD') end,
                       case when k % 3 = 0 then 'TO_BE_DEFINED' else 'DATE' end,
                       case when k % 3 = 0 then null else current_date + (k - 150) end,
                       case when k % 3 = 0 then null else current_date + (k - 150) end,
                       case when k % 5 = 0 then 'DONE' else 'OPEN' end, ?4
                from generate_series(?5, ?6) k""", Db.community(SLUG), Db.community("seguridad-asistencia-victimas"),
                Db.member("pf.peru"), Db.member("coord.seguridad"), offset, offset + count - 1);
    }
}
