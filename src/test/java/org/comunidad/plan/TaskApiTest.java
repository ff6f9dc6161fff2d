package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The tasks' API under the pages' rules: create (201, the due as written), bad input as 400 with a
 * violation per field, read, update (fields and status in one call), the community's list and the
 * caller's own, overdue first; described in the OpenAPI document.
 */
@QuarkusTest
class TaskApiTest {

    static final String SLUG = "seguridad-asistencia-victimas";

    @Test
    void createReadUpdateList() {
        long sub = Db.community(SLUG);
        long peru = Db.member("pf.peru");
        String base = "/api/communities/" + sub + "/tasks";
        long id = Web.create(Persona.LEADER, base, Map.of("title", "Consolidar la matriz", "assignee", peru,
                "due", "Primer semestre 2032", "description", "Con los aportes de cada país"));
        Response read = Persona.MEMBER.request().get(base + "/" + id);
        assertEquals(200, read.statusCode());
        assertEquals("Primer semestre 2032", read.jsonPath().getString("due"));
        assertEquals("2032-06-30", read.jsonPath().getString("deadline"));
        assertEquals("OPEN", read.jsonPath().getString("status"));
        assertEquals("Lucía Quispe", read.jsonPath().getString("assignee"));

        Response bad = Web.postJson(Persona.LEADER, base, Map.of("title", "", "due", "algún día", "assignee", 999999));
        assertEquals(400, bad.statusCode(), bad.body().asString());
        List<String> fields = bad.jsonPath().getList("violations.field");
        assertTrue(fields.containsAll(List.of("title", "due", "assignee")), fields.toString());

        Response updated = Persona.MEMBER.request().contentType(ContentType.JSON)
                .body(Map.of("title", "Consolidar la matriz", "assignee", peru, "due", "2020-02-01", "status", "IN_PROGRESS"))
                .put(base + "/" + id);
        assertEquals(200, updated.statusCode(), updated.body().asString());
        assertEquals("IN_PROGRESS", updated.jsonPath().getString("status"));
        assertTrue(updated.jsonPath().getBoolean("overdue"));

        List<Integer> mine = Persona.MEMBER.request().get("/api/tasks/mine").jsonPath().getList("id");
        assertTrue(mine.contains((int) id));
        assertTrue(Persona.MEMBER.request().get("/api/tasks/mine").jsonPath().getBoolean("[0].overdue"),
                "overdue first");
        List<Integer> listed = Persona.GROUP_MEMBER.request().get(base).jsonPath().getList("id");
        assertTrue(listed.contains((int) id));
        assertEquals(403, Persona.GROUP_MEMBER.request().contentType(ContentType.JSON)
                .body(Map.of("title", "x")).put(base + "/" + id).statusCode());
        assertEquals(404, Persona.OTHER_GROUP.request().get(base + "/" + id).statusCode());

        String openapi = io.restassured.RestAssured.given().get("/q/openapi?format=json").asString();
        assertTrue(openapi.contains("/api/communities/{id}/tasks/{taskId}"), "in the OpenAPI document");
        assertTrue(openapi.contains("/api/tasks/mine"));
    }
}
