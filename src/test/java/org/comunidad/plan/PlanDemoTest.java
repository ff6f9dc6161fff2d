package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.comunidad.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo's work plans: the Security group's validated sector plan with seed 001's objectives,
 * its three 2021 work plans imported through the import (every row of section 7's tables, with
 * the import's line in the plan's history), and the tasks: one overdue, one following a
 * meeting's action item.
 */
@QuarkusTest
class PlanDemoTest {

    @Test
    void theSecurityGroupHasItsPlanItsThreeWorkPlansAndTasks() {
        long plan = Db.number("""
                select p.id from plan p join community c on c.id = p.community_id
                where c.slug = 'seguridad' and p.title like 'Plan Sectorial%' order by p.id limit 1""");
        assertEquals("VALIDATED", Db.value("select status from plan where id = ?1", plan));
        assertEquals(1, Db.number("select count(*) from plan_item where plan_id = ?1 and depth = 1", plan));
        assertEquals(3, Db.number("select count(*) from plan_item where plan_id = ?1 and depth = 2", plan));
        assertEquals(3, Db.number("select count(*) from plan_year where plan_id = ?1 and year = 2021", plan));
        assertEquals(10, Db.number("select count(*) from plan_item where plan_id = ?1 and depth = 3", plan),
                "3 + 2 + 5 action lines");
        assertEquals(9, Db.number("select count(*) from plan_item where plan_id = ?1 and depth = 4", plan), "4 + 5 products");
        assertEquals(5, Db.number("select count(*) from plan_item where plan_id = ?1 and depth = 5", plan), "5 activities");
        assertEquals(3, Db.number("select count(*) from plan_change where plan_id = ?1 and action = 'IMPORTED'", plan));
        assertEquals(1, Db.number("""
                select count(*) from plan_change ch join member m on m.id = ch.actor_id
                where ch.plan_id = ?1 and m.username = 'lider.victimas'""", plan), "the leader imported the victims' plan");

        assertTrue(Db.number("""
                select count(*) from task t join community c on c.id = t.community_id
                where c.slug like 'seguridad%' and t.status in ('OPEN', 'IN_PROGRESS') and t.period_end < current_date""") >= 1,
                "one task at least is overdue");
        assertEquals(1, Db.number("""
                select count(*) from task t join meeting_action a on a.id = t.source_id
                where t.source = 'MEETING_ACTION' and a.text like 'Enviar una propuesta sobre Ciberseguridad%'"""));
        assertEquals(1, Db.number("""
                select count(*) from task t join plan_item i on i.id = t.item_id
                where i.plan_id = ?1 and i.title like 'Diagnóstico regional%'""", plan));
    }
}
