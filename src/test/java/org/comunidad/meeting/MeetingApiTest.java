package org.comunidad.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The meetings API under the pages' rules: the leader schedules a subgroup's meeting with an
 * ordered agenda, invited countries and a named official; the record lists the officials per
 * country with their answers; lists split upcoming and past; mistakes are 400 with a violation
 * per field, members who do not run meetings 403, non-members 404; the OpenAPI document
 * describes the routes.
 */
@QuarkusTest
class MeetingApiTest {

    static final String SUBGROUP = "seguridad-asistencia-victimas";

    static String api() {
        return "/api/communities/" + Db.community(SUBGROUP) + "/meetings";
    }

    static Map<String, Object> request(String title) {
        Map<String, Object> request = new java.util.LinkedHashMap<>(Map.of("title", title, "kind", "HYBRID", "date",
                LocalDate.now().plusDays(20).toString(), "start", "15:00", "end", "17:00", "timeZone", "America/Asuncion",
                "venue", "PLACE", "place", "Cancillería, Asunción"));
        request.put("agenda", List.of(Map.of("title", "Apertura"), Map.of("title", "Informe del Perú", "country", "PE")));
        request.put("countries", List.of("PY", "PE", "CL"));
        request.put("invitees", List.of(Db.member("pf.colombia")));
        return request;
    }

    @Test
    void theLeaderSchedulesAndTheRecordListsTheOfficialsPerCountry() {
        Response created = Web.postJson(Persona.LEADER, api(), request("Taller híbrido de la ruta de atención"));
        assertEquals(201, created.statusCode(), created.body().asString());
        JsonPath record = created.jsonPath();
        long id = record.getLong("id");
        assertTrue(created.header("Location").endsWith("/meetings/" + id));
        assertEquals(0, record.getInt("sequence"));
        assertEquals("America/Asuncion", record.getString("timeZone"));
        assertEquals(java.time.LocalTime.of(15, 0), java.time.OffsetDateTime.parse(record.getString("startsAt"))
                .atZoneSameInstant(java.time.ZoneId.of("America/Asuncion")).toLocalTime(), "15:00 in Asunción");
        assertEquals(List.of("Apertura", "Informe del Perú"), record.getList("agenda.title"));
        assertEquals("PE", record.getString("agenda[1].country"));
        assertEquals(3, record.getList("countries").size());
        assertNull(record.getString("joinLink"), "a place has no join link");
        assertTrue(record.getList("others.name").size() == 1, "pf.colombia, named, attends for no invited country");

        Web.postJson(Persona.MEMBER, api(), Map.of()).then().statusCode(403);
        assertEquals(303, Web.form(Persona.MEMBER, "/c/" + SUBGROUP + "/meetings/" + id + "/answer",
                Map.of("answer", "ATTENDING")).statusCode());
        JsonPath read = Persona.MEMBER.request().get(api() + "/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("ATTENDING", read.getString("myAnswer"));
        assertEquals(List.of("ATTENDING"), read.getList("countries.find { it.code == 'PE' }.officials.answer"));
        assertEquals(Boolean.FALSE, read.get("canRun"));

        JsonPath lists = Persona.MEMBER.request().get(api()).then().statusCode(200).extract().jsonPath();
        assertTrue(lists.getList("upcoming.id", Long.class).contains(id));
        assertEquals("ATTENDING", lists.getString("upcoming.find { it.id == " + id + " }.myAnswer"));
        assertEquals(Boolean.FALSE, lists.get("canSchedule"));
    }

    @Test
    void mistakesAreFieldViolationsAndOutsidersGet404() {
        Response bad = Web.postJson(Persona.LEADER, api(), Map.of("title", "", "kind", "PICNIC", "date", "mañana",
                "start", "25:00", "end", "10:00", "timeZone", "Europe/Nowhere", "venue", "LINK"));
        assertEquals(400, bad.statusCode(), bad.body().asString());
        List<String> fields = bad.jsonPath().getList("violations.field");
        for (String field : List.of("title", "kind", "date", "start", "timeZone", "externalUrl")) {
            assertTrue(fields.contains(field), field + " in " + fields);
        }
        Response other = Web.postJson(Persona.LEADER, api(), Map.of("title", "Fuera", "kind", "WORKSHOP",
                "date", LocalDate.now().plusDays(3).toString(), "start", "10:00", "end", "11:00",
                "timeZone", "America/Lima", "venue", "ROOM", "invitees", List.of(Db.member("pf.argentina"))));
        assertEquals(400, other.statusCode(), "a member of another group cannot be invited");
        assertEquals(List.of("invitees"), other.jsonPath().getList("violations.field"));

        Persona.OTHER_GROUP.request().get(api()).then().statusCode(404);
        long id = TestMeetings.in(SUBGROUP).by("lider.victimas").save();
        Persona.OTHER_GROUP.request().get(api() + "/" + id).then().statusCode(404);
        Persona.MEMBER.request().get("/api/communities/" + Db.community("seguridad") + "/meetings/" + id).then()
                .statusCode(404);
    }

    @Test
    void onTheDaySantiagoChangesItsClocksTheLocalTimeIsKept() {
        // 6 September 2026: Santiago moves from -04 to -03 at midnight; 10:00 that day is 13:00 UTC.
        Map<String, Object> r = new java.util.LinkedHashMap<>(request("Videoconferencia del cambio de hora"));
        r.put("date", "2026-09-06");
        r.put("start", "10:00");
        r.put("end", "11:00");
        r.put("timeZone", "America/Santiago");
        long id = Web.create(Persona.COORDINATOR, api(), r);
        assertEquals(java.time.Instant.parse("2026-09-06T13:00:00Z"), ((java.time.OffsetDateTime) Db.call(em -> em
                .createNativeQuery("select starts_at from meeting where id = ?1", java.time.OffsetDateTime.class)
                .setParameter(1, id).getSingleResult())).toInstant());
        // The day before, 10:00 was still 14:00 UTC.
        r.put("date", "2026-09-05");
        long before = Web.create(Persona.COORDINATOR, api(), r);
        assertEquals(java.time.Instant.parse("2026-09-05T14:00:00Z"), ((java.time.OffsetDateTime) Db.call(em -> em
                .createNativeQuery("select starts_at from meeting where id = ?1", java.time.OffsetDateTime.class)
                .setParameter(1, before).getSingleResult())).toInstant());
    }

    @Test
    void theOpenApiDocumentDescribesTheRoutes() {
        String openapi = io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        assertTrue(openapi.contains("/api/communities/{id}/meetings"), "the list and create route");
        assertTrue(openapi.contains("/api/communities/{id}/meetings/{mid}"), "the record");
        assertTrue(openapi.contains("MeetingRequest"));
    }
}
