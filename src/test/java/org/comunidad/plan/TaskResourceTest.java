package org.comunidad.plan;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Tasks through their pages: every task route for every persona (members of the community and its
 * moderators create; the author, the assignee and the moderators edit; everyone in the working
 * group reads; others get 404), then what the forms do: a task from scratch and from a plan's
 * activity (prefilled, linked to the activity's anchor on the plan page), bad input kept as typed
 * with a message per field, due dates and periods as written, overdue tasks marked with a badge
 * and words, status and comments, and "my tasks" across communities, overdue first.
 */
@QuarkusTest
class TaskResourceTest extends WithAccessMatrix {

    static final String SLUG = "seguridad-asistencia-victimas";
    static final String S = "/c/" + SLUG;

    /** A task of the subgroup, made by its leader, assigned to pf.peru. */
    static long task() {
        return TestPlans.task(SLUG).titled("Enviar la matriz").assignee("pf.peru").due("2030-03-15").save();
    }

    /** An activity of a plan of the group, owned by the subgroup. */
    static long activity() {
        long plan = TestPlans.plan("seguridad").save();
        long goal = TestPlans.item(plan, "seguridad").titled("Objetivo general").save();
        long spec = TestPlans.item(plan, SLUG).under(goal).titled("Objetivo específico").save();
        return TestPlans.item(plan, SLUG).under(spec).depth(5).titled("Taller regional de asistencia")
                .period("Primer bimestre 2031").responsible("PE", "pf.peru").save();
    }

    static long actionItem() {
        long meeting = org.comunidad.meeting.TestMeetings.in(SLUG).by("lider.victimas")
                .at(OffsetDateTime.now().minusDays(3).withNano(0)).save();
        return Db.number("""
                insert into meeting_action (meeting_id, number, text, owner_id, due_date, author_id)
                values (?1, 1, 'Circular el protocolo', ?2, current_date + 20, ?3) returning id""",
                meeting, Db.member("pf.peru"), Db.member("lider.victimas"));
    }

    static AccessMatrix matrix() {
        Map<Persona, Integer> read = expect(200, 200, 200, 200, 200, 404, SIGN_IN);
        Map<Persona, Integer> create = expect(200, 200, 200, 200, 403, 404, SIGN_IN);
        Map<Persona, Integer> created = expect(303, 303, 303, 303, 403, 404, SIGN_IN);
        Map<Persona, Integer> edit = expect(200, 200, 200, 200, 403, 404, SIGN_IN);
        Map<Persona, Integer> edited = expect(303, 303, 303, 303, 403, 404, SIGN_IN);
        Supplier<Long> task = TaskResourceTest::task;
        return AccessMatrix.of("tasks")
                .bind("sub", () -> Db.community(SLUG))
                .get(S + "/tasks").expect(read)
                .get(S + "/tasks?show=all").expect(read)
                .get(S + "/tasks/new").expect(create)
                .get(S + "/tasks/new?item={item}").given("item", TaskResourceTest::activity).expect(create)
                .get(S + "/tasks/new?action={action}").given("action", TaskResourceTest::actionItem).expect(create)
                .form(S + "/tasks", Map.of("title", "Preparar el informe", "due", "Segundo semestre 2031"))
                        .expect(created)
                .get(S + "/tasks/{task}").given("task", task).expect(read)
                .get(S + "/tasks/{task}/edit").given("task", task).expect(edit)
                .form(S + "/tasks/{task}/edit", Map.of("title", "Enviar la matriz revisada", "due", "2030-04-01"))
                        .given("task", task).expect(edited)
                .form(S + "/tasks/{task}/status", Map.of("status", "IN_PROGRESS")).given("task", task).expect(edited)
                .form(S + "/tasks/{task}/comments", Map.of("body", "Enviada el lunes.")).given("task", task)
                        .expect(edited)
                // A task is found only through its own community.
                .get("/c/seguridad/tasks/{task}").given("task", task).expect(404, 404, 404, 404, 404, 404, SIGN_IN)
                .get("/tasks").expect(200, 200, 200, 200, 200, 200, SIGN_IN)
                .get("/tasks?show=all").expect(200, 200, 200, 200, 200, 200, SIGN_IN)
                .get("/api/communities/{sub}/tasks").expect(200, 200, 200, 200, 200, 404, 401)
                .json("/api/communities/{sub}/tasks", Map.of("title", "Preparar el informe", "due", "2031-06-30"))
                        .expect(201, 201, 201, 201, 403, 404, 401)
                .get("/api/communities/{sub}/tasks/{task}").given("task", task).expect(200, 200, 200, 200, 200, 404, 401)
                .request("PUT", "/api/communities/{sub}/tasks/{task}", (p, url) -> p.request().contentType(ContentType.JSON)
                        .body(Map.of("title", "Enviar la matriz", "status", "DONE")).put(url))
                        .given("task", task).expect(200, 200, 200, 200, 403, 404, 401)
                .get("/api/tasks/mine").expect(200, 200, 200, 200, 200, 200, 401);
    }

    @Test
    void aTaskIsCreatedWithItsDueAsWrittenAndShownWithItsDeadline() {
        Response saved = Web.form(Persona.MEMBER, S + "/tasks", Map.of("title", "Revisar el protocolo",
                "description", "Con las observaciones de Chile", "assignee", String.valueOf(Db.member("pf.peru")),
                "due", "Cuarto bimestre 2031"));
        assertEquals(303, saved.statusCode(), saved.body().asString());
        long id = Db.number("select id from task where title = 'Revisar el protocolo'");
        assertTrue(saved.header("Location").endsWith(S + "/tasks/" + id), saved.header("Location"));
        assertEquals("BIMESTER", Db.value("select period_kind from task where id = ?1", id));
        assertEquals(LocalDate.of(2031, 8, 31), Db.value("select period_end from task where id = ?1", id));
        String page = Persona.GROUP_MEMBER.request().get(S + "/tasks/" + id).then().statusCode(200).extract().asString();
        assertTrue(Html.one(page, "#task-details").text().contains("Cuarto bimestre 2031"), page);
        assertTrue(Html.one(page, "#task-details").text().contains("Lucía Quispe"));
        assertTrue(Html.all(page, "#status-form").isEmpty(), "a group member outside the subgroup does not change it");
        assertTrue(Html.all(page, "#comment-form").isEmpty());
        String mine = Persona.MEMBER.request().get(S + "/tasks/" + id).then().statusCode(200).extract().asString();
        assertEquals(1, Html.all(mine, "#status-form").size());
    }

    @Test
    void badInputIsRefusedWithTheFormAsTyped() {
        Response bad = Web.form(Persona.LEADER, S + "/tasks", Map.of("title", "", "due", "cuando se pueda",
                "assignee", String.valueOf(Db.member("pf.argentina"))));
        assertEquals(400, bad.statusCode());
        String html = bad.body().asString();
        assertEquals("cuando se pueda", Html.field(html, "due"));
        assertTrue(Html.one(html, "#task-due-error").text().contains("No se entiende este plazo"), html);
        assertFalse(Html.one(html, "#task-title-error").text().isBlank());
        assertFalse(Html.one(html, "#task-assignee-error").text().isBlank(), "pf.argentina is not of the group");
        assertEquals(0L, Db.number("select count(*) from task where title = ''"));
        Response unknown = Web.form(Persona.LEADER, S + "/tasks", Map.of("title", "x", "item", "no-number"));
        assertEquals(400, unknown.statusCode());
    }

    @Test
    void aTaskFromAnActivityStartsFromItAndLinksBack() {
        long activity = activity();
        long plan = Db.number("select plan_id from plan_item where id = ?1", activity);
        String form = Persona.LEADER.request().get(S + "/tasks/new?item=" + activity).then().statusCode(200)
                .extract().asString();
        assertEquals("Taller regional de asistencia", Html.field(form, "title"));
        assertEquals("Primer bimestre 2031", Html.field(form, "due"));
        assertEquals(String.valueOf(activity), Html.field(form, "item"));
        Html.selectedOption(form, "select[name=assignee]", String.valueOf(Db.member("pf.peru")));
        Response saved = Web.form(Persona.LEADER, S + "/tasks", Map.of("title", "Taller regional de asistencia",
                "due", "Primer bimestre 2031", "item", String.valueOf(activity)));
        assertEquals(303, saved.statusCode(), saved.body().asString());
        long id = Db.number("select id from task where item_id = ?1", activity);
        String page = Persona.MEMBER.request().get(S + "/tasks/" + id).then().statusCode(200).extract().asString();
        Element link = Html.one(page, "#task-item");
        assertEquals(S + "/plans/" + plan + "#item-" + activity, link.attr("href"));

        // An activity of another group is no choice.
        long energy = TestPlans.plan("energia").by("admin.prosur").save();
        long foreign = TestPlans.item(energy, "energia").save();
        assertEquals(400, Web.form(Persona.ADMIN, S + "/tasks", Map.of("title", "x", "item", String.valueOf(foreign)))
                .statusCode());
    }

    @Test
    void overdueTasksStandOutWithABadgeAndComeFirst() {
        long late = TestPlans.task(SLUG).titled("Tarea atrasada").assignee("pf.peru").due("2020-01-15").save();
        long later = TestPlans.task(SLUG).titled("Tarea futura").assignee("pf.peru").due("2035-01-15").save();
        long undefined = TestPlans.task(SLUG).titled("Tarea por definir").assignee("pf.peru").due("Por definir").save();
        String list = Persona.MEMBER.request().get(S + "/tasks").then().statusCode(200).extract().asString();
        Element row = Html.one(list, "#tasks-" + late);
        assertTrue(row.select(".badge.overdue").text().contains("Vencida"), row.outerHtml());
        assertTrue(Html.one(list, "#tasks-" + later).select(".badge.overdue").isEmpty());
        assertTrue(Html.one(list, "#tasks-" + undefined).select(".badge.overdue").isEmpty(), "to be defined: never overdue");

        String mine = Persona.MEMBER.request().get("/tasks").then().statusCode(200).extract().asString();
        List<String> ids = Html.all(mine, "table.task-table tbody tr").eachAttr("id");
        assertEquals("my-tasks-" + late, ids.get(0), "overdue first: " + ids);
        assertTrue(ids.contains("my-tasks-" + later));
        assertTrue(Html.one(mine, "#overdue-count").text().length() > 0);
        String others = Persona.LEADER.request().get("/tasks").then().statusCode(200).extract().asString();
        assertTrue(Html.all(others, "#my-tasks-" + late).isEmpty(), "only the tasks assigned to me");
    }

    @Test
    void statusAndCommentsChangeTheTask() {
        long id = task();
        assertEquals(303, Web.form(Persona.MEMBER, S + "/tasks/" + id + "/status", Map.of("status", "DONE")).statusCode());
        assertEquals("DONE", Db.value("select status from task where id = ?1", id));
        assertEquals(1L, Db.number("select count(*) from task where id = ?1 and done_at is not null", id));
        String open = Persona.MEMBER.request().get(S + "/tasks").then().statusCode(200).extract().asString();
        assertTrue(Html.all(open, "#tasks-" + id).isEmpty(), "a done task leaves the open list");
        String all = Persona.MEMBER.request().get(S + "/tasks?show=all").then().statusCode(200).extract().asString();
        assertEquals(1, Html.all(all, "#tasks-" + id).size());
        assertEquals(400, Web.form(Persona.MEMBER, S + "/tasks/" + id + "/status", Map.of("status", "LOST")).statusCode());

        assertEquals(303, Web.form(Persona.LEADER, S + "/tasks/" + id + "/comments", Map.of("body", "Gracias <b>Lucía</b>"))
                .statusCode());
        String page = Persona.MEMBER.request().get(S + "/tasks/" + id).then().statusCode(200).extract().asString();
        assertTrue(Html.one(page, "#comments").text().contains("Gracias <b>Lucía</b>"), "shown as plain text");
        Response empty = Web.form(Persona.LEADER, S + "/tasks/" + id + "/comments", Map.of("body", "  "));
        assertEquals(400, empty.statusCode());

        Response edit = Web.form(Persona.MEMBER, S + "/tasks/" + id + "/edit", Map.of("title", "Enviar la matriz",
                "due", "Por definir", "assignee", ""));
        assertEquals(303, edit.statusCode(), edit.body().asString());
        assertNull(Db.value("select assignee_id from task where id = ?1", id));
        assertEquals("TO_BE_DEFINED", Db.value("select period_kind from task where id = ?1", id));
    }

    @Test
    void theCommunityNavigationHasATasksTabAndTheMainNavMyTasks() {
        String list = Persona.MEMBER.request().get(S + "/tasks").then().statusCode(200).extract().asString();
        assertFalse(Html.all(list, "a[href=" + S + "/tasks][aria-current]").isEmpty(), list);
        assertFalse(Html.all(list, "a[href=/tasks]").isEmpty());
    }
}
