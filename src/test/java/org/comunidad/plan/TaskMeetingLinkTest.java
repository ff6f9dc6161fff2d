package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import org.comunidad.meeting.TestMeetings;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A meeting's action item made into a task, both ways through the seams: the new-task form starts
 * from the action item (text, owner, due date), the task follows it (source MEETING_ACTION) and
 * links back to the meeting; the meeting's page and the community's action items show the task's
 * status with a link, and "Make it a task" to those who may while there is none; one task per item.
 */
@QuarkusTest
class TaskMeetingLinkTest {

    static final String SLUG = "seguridad-asistencia-victimas";
    static final String S = "/c/" + SLUG;

    @Test
    void anActionItemBecomesATaskAndTheMeetingShowsItsStatus() {
        long meeting = TestMeetings.in(SLUG).by("lider.victimas").titled("Reunión de seguimiento")
                .at(OffsetDateTime.now().minusDays(2).withNano(0)).save();
        LocalDate due = LocalDate.now().plusDays(30);
        long action = Db.number("""
                insert into meeting_action (meeting_id, number, text, owner_id, due_date, author_id)
                values (?1, 1, 'Circular el protocolo de atención', ?2, ?3, ?4) returning id""",
                meeting, Db.member("pf.peru"), due, Db.member("lider.victimas"));

        // Before: the meeting offers "Make it a task" to those who may make one, not to a group member outside.
        String before = Persona.MEMBER.request().get(S + "/meetings/" + meeting).then().statusCode(200).extract().asString();
        Element offer = Html.one(before, "#meeting-actions-" + action + " .action-task a");
        assertEquals(S + "/tasks/new?action=" + action, offer.attr("href"));
        String outsider = Persona.GROUP_MEMBER.request().get(S + "/meetings/" + meeting).then().statusCode(200)
                .extract().asString();
        assertTrue(Html.one(outsider, "#meeting-actions-" + action + " .action-task").select("a").isEmpty());

        String form = Persona.MEMBER.request().get(S + "/tasks/new?action=" + action).then().statusCode(200)
                .extract().asString();
        assertEquals("Circular el protocolo de atención", Html.field(form, "title"));
        assertEquals(due.toString(), Html.field(form, "due"));
        assertEquals(String.valueOf(action), Html.field(form, "action"));
        Html.selectedOption(form, "select[name=assignee]", String.valueOf(Db.member("pf.peru")));
        assertTrue(Html.one(form, "#task-from").text().contains("Circular el protocolo"));

        Response saved = Web.form(Persona.MEMBER, S + "/tasks", Map.of("title", "Circular el protocolo de atención",
                "due", due.toString(), "assignee", String.valueOf(Db.member("pf.peru")), "action", String.valueOf(action)));
        assertEquals(303, saved.statusCode(), saved.body().asString());
        long task = Db.number("select id from task where source = 'MEETING_ACTION' and source_id = ?1", action);
        String page = Persona.MEMBER.request().get(S + "/tasks/" + task).then().statusCode(200).extract().asString();
        assertEquals(S + "/meetings/" + meeting + "#actions", Html.one(page, "#task-action").attr("href"));
        assertEquals("Abierto", Html.one(page, "#task-action-status").text(), "the action item's own status, from the meeting");

        // The meeting shows the task's status with its link; the community's list and "my action items" too.
        Web.form(Persona.MEMBER, S + "/tasks/" + task + "/status", Map.of("status", "IN_PROGRESS"));
        String after = Persona.GROUP_MEMBER.request().get(S + "/meetings/" + meeting).then().statusCode(200)
                .extract().asString();
        Element cell = Html.one(after, "#meeting-actions-" + action + " .action-task");
        assertEquals(S + "/tasks/" + task, cell.selectFirst("a").attr("href"));
        assertTrue(cell.text().contains("En curso"), cell.text());
        String list = Persona.LEADER.request().get(S + "/meetings/actions").then().statusCode(200).extract().asString();
        assertTrue(Html.one(list, "#community-actions-" + action + " .action-task").text().contains("En curso"));
        String mine = Persona.MEMBER.request().get("/meetings/actions").then().statusCode(200).extract().asString();
        assertTrue(Html.one(mine, "#my-actions-" + action + " .action-task").text().contains("En curso"));

        // One task per action item.
        Response again = Web.form(Persona.LEADER, S + "/tasks", Map.of("title", "Otra", "action", String.valueOf(action)));
        assertEquals(400, again.statusCode());
        assertTrue(again.body().asString().contains("ya tiene una tarea"));
        // An action item of another group is no choice.
        long energy = TestMeetings.in("energia").by("admin.prosur").at(OffsetDateTime.now().minusDays(2).withNano(0)).save();
        long foreign = Db.number("""
                insert into meeting_action (meeting_id, number, text, owner_country, author_id)
                values (?1, 1, 'Otro compromiso', 'AR', ?2) returning id""", energy, Db.member("admin.prosur"));
        assertEquals(400, Web.form(Persona.ADMIN, S + "/tasks", Map.of("title", "x", "action", String.valueOf(foreign)))
                .statusCode());
        assertFalse(Persona.MEMBER.request().get(S + "/tasks/new?action=" + foreign).then().statusCode(200).extract()
                .asString().contains("Otro compromiso"), "not visible to pf.peru: nothing prefilled");
    }
}
