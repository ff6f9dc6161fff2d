package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Tasks notify through events: the assignee hears of a task assigned by someone else (on creation
 * and on reassignment, never of one they assign themselves), and 7 days before its deadline once
 * per deadline, again if the deadline moves; never for a task done, unassigned or to be defined.
 */
@QuarkusTest
class TaskNoticeTest {

    static final String SLUG = "seguridad-asistencia-victimas";
    static final String S = "/c/" + SLUG;

    @Inject
    TaskReminders reminders;

    static long notices(String username, String kind, long task) {
        return Db.number("select count(*) from notification where member_id = ?1 and kind = ?2 and link = ?3",
                Db.member(username), kind, S + "/tasks/" + task);
    }

    @Test
    void theAssigneeHearsOfATaskAssignedBySomeoneElse() {
        long peru = Db.member("pf.peru");
        Web.form(Persona.LEADER, S + "/tasks", Map.of("title", "Aviso de asignación", "assignee", String.valueOf(peru)));
        long task = Db.number("select id from task where title = 'Aviso de asignación'");
        assertEquals(1, notices("pf.peru", "TASK_ASSIGNED", task));
        assertEquals(Db.member("lider.victimas"), Db.number(
                "select actor_id from notification where kind = 'TASK_ASSIGNED' and link = ?1", S + "/tasks/" + task));

        Web.form(Persona.MEMBER, S + "/tasks", Map.of("title", "Mi propia tarea", "assignee", String.valueOf(peru)));
        long own = Db.number("select id from task where title = 'Mi propia tarea'");
        assertEquals(0, notices("pf.peru", "TASK_ASSIGNED", own), "not told of a task one assigns oneself");

        // Reassigned to the leader: the leader hears; saved again unchanged: nobody hears twice.
        Web.form(Persona.MEMBER, S + "/tasks/" + own + "/edit", Map.of("title", "Mi propia tarea",
                "assignee", String.valueOf(Db.member("lider.victimas"))));
        assertEquals(1, notices("lider.victimas", "TASK_ASSIGNED", own));
        Web.form(Persona.MEMBER, S + "/tasks/" + own + "/edit", Map.of("title", "Mi propia tarea (2)",
                "assignee", String.valueOf(Db.member("lider.victimas"))));
        assertEquals(1, notices("lider.victimas", "TASK_ASSIGNED", own));
    }

    @Test
    void sevenDaysBeforeTheDeadlineOncePerDeadline() {
        LocalDate today = LocalDate.of(2040, 5, 25);
        long soon = TestPlans.task(SLUG).titled("Vence pronto").assignee("pf.peru").due("2040-05-28").save();
        long far = TestPlans.task(SLUG).titled("Vence después").assignee("pf.peru").due("2040-06-30").save();
        long done = TestPlans.task(SLUG).titled("Ya cumplida").assignee("pf.peru").due("2040-05-27").status("DONE").save();
        long nobody = TestPlans.task(SLUG).titled("Sin asignar").due("2040-05-27").save();
        long period = TestPlans.task(SLUG).titled("Mayo").assignee("pf.colombia").due("Mayo 2040").save();

        int fired = reminders.remind(today);
        assertEquals(1, notices("pf.peru", "TASK_DUE_SOON", soon));
        assertEquals(1, notices("pf.colombia", "TASK_DUE_SOON", period), "a period's last day is its deadline");
        assertEquals(0, notices("pf.peru", "TASK_DUE_SOON", far));
        assertEquals(0, notices("pf.peru", "TASK_DUE_SOON", done));
        assertEquals(0, Db.number("select count(*) from notification where kind = 'TASK_DUE_SOON' and link = ?1",
                S + "/tasks/" + nobody));
        assertEquals(2, fired);

        assertEquals(0, reminders.remind(today), "once per deadline");
        assertEquals(0, reminders.remind(today.plusDays(1)));
        assertEquals(1, notices("pf.peru", "TASK_DUE_SOON", soon));

        // The deadline moves: told again when the new one comes near.
        Web.form(Persona.MEMBER, S + "/tasks/" + soon + "/edit", Map.of("title", "Vence pronto",
                "assignee", String.valueOf(Db.member("pf.peru")), "due", "2040-06-01"));
        assertEquals(1, reminders.remind(today.plusDays(2)));
        assertEquals(2, notices("pf.peru", "TASK_DUE_SOON", soon));
    }
}
