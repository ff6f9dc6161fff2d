package org.comunidad.member;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Requests to join: an official of Energy asks to join Security and the coordinator
 * approves (access at once, a notification), another request is declined; a Security
 * member asks to join a subgroup and its leader approves. Who may decide is checked.
 */
@QuarkusTest
class JoinRequestTest extends WithAccessMatrix {

    @Inject
    EntityManager em;

    static long id(String slug) {
        return Db.community(slug);
    }

    static long pendingRequest(String username, String slug) {
        return Db.number("""
                select r.id from join_request r join member m on m.id = r.member_id join community c on c.id = r.community_id
                where m.username = ?1 and c.slug = ?2 and r.status = 'PENDING'""", username, slug);
    }

    static void cleanUp(String username, String slug) {
        Db.run(em -> {
            em.createNativeQuery("""
                    delete from membership where member_id = (select id from member where username = ?1)
                    and community_id = (select id from community where slug = ?2) and role = 'MEMBER'""")
                    .setParameter(1, username).setParameter(2, slug).executeUpdate();
            em.createNativeQuery("""
                    delete from join_request where member_id = (select id from member where username = ?1)
                    and community_id = (select id from community where slug = ?2)""")
                    .setParameter(1, username).setParameter(2, slug).executeUpdate();
        });
    }

    @Test
    void anOfficialAsksTheCoordinatorApprovesAndAccessFollows() {
        try {
            assertEquals(404, Persona.OTHER_GROUP.request().get("/c/seguridad").statusCode());
            String join = Persona.OTHER_GROUP.request().get("/join").body().asString();
            assertTrue(join.contains("Seguridad y Combate al Crimen"), join);
            assertEquals(303, Web.form(Persona.OTHER_GROUP, "/join/" + id("seguridad"),
                    Map.of("message", "Soy el nuevo punto focal de Argentina en Seguridad.")).statusCode());
            Response again = Web.form(Persona.OTHER_GROUP, "/join/" + id("seguridad"), Map.of("message", "Otra vez"));
            assertEquals(400, again.statusCode());
            assertTrue(again.body().asString().contains("Ya pidió unirse a esta comunidad"));

            String requests = Persona.COORDINATOR.request().get("/c/seguridad/requests").body().asString();
            assertTrue(requests.contains("Soy el nuevo punto focal de Argentina en Seguridad."), requests);
            long request = pendingRequest("pf.argentina", "seguridad");
            assertEquals(403, Web.form(Persona.LEADER, "/c/seguridad/requests/" + request + "/approve", Map.of())
                    .statusCode(), "a subgroup's leader does not decide for the group");
            assertEquals(303, Web.form(Persona.COORDINATOR, "/c/seguridad/requests/" + request + "/approve",
                    Map.of("note", "Bienvenido")).statusCode());

            assertEquals(200, Persona.OTHER_GROUP.request().get("/c/seguridad").statusCode(), "access at once");
            String notes = Persona.OTHER_GROUP.request().get("/notifications").body().asString();
            assertTrue(notes.contains("Su solicitud de ingreso fue aprobada"), notes);
            assertTrue(notes.contains("Bienvenido"));
        } finally {
            cleanUp("pf.argentina", "seguridad");
        }
        assertEquals(404, Persona.OTHER_GROUP.request().get("/c/seguridad").statusCode());
    }

    @Test
    void aDeclinedRequestGivesNoAccessAndSaysSo() {
        try {
            assertEquals(303, Web.form(Persona.OTHER_GROUP, "/join/" + id("salud"), Map.of()).statusCode());
            long request = pendingRequest("pf.argentina", "salud");
            assertEquals(404, Web.form(Persona.COORDINATOR, "/c/seguridad/requests/" + request + "/decline", Map.of())
                    .statusCode(), "a request to Health is not Security's to decide");
            assertEquals(404, Web.form(Persona.COORDINATOR, "/c/salud/requests/" + request + "/decline", Map.of())
                    .statusCode(), "Security's coordinator cannot see Health");
            assertEquals(303, Web.form(Persona.ADMIN, "/c/salud/requests/" + request + "/decline",
                    Map.of("note", "Ya hay un punto focal de Argentina")).statusCode());
            assertEquals(404, Persona.OTHER_GROUP.request().get("/c/salud").statusCode());
            assertTrue(Persona.OTHER_GROUP.request().get("/notifications").body().asString()
                    .contains("Su solicitud de ingreso fue rechazada"));
        } finally {
            cleanUp("pf.argentina", "salud");
        }
    }

    @Test
    void aGroupMemberJoinsASubgroupWithItsLeadersApproval() {
        String subgroup = "seguridad-asistencia-victimas";
        try {
            assertEquals(404, Web.form(Persona.OTHER_GROUP, "/join/" + id(subgroup), Map.of()).statusCode(),
                    "a subgroup of a group one is not in does not exist");
            assertEquals(303, Web.form(Persona.GROUP_MEMBER, "/join/" + id(subgroup), Map.of()).statusCode());
            assertEquals(403, Web.form(Persona.GROUP_MEMBER, "/c/" + subgroup + "/posts", Map.of("body", "Hola"))
                    .statusCode());
            long request = pendingRequest("pf.colombia", subgroup);
            assertEquals(403, Web.form(Persona.MEMBER, "/c/" + subgroup + "/requests/" + request + "/approve", Map.of())
                    .statusCode());
            assertEquals(303, Web.form(Persona.LEADER, "/c/" + subgroup + "/requests/" + request + "/approve", Map.of())
                    .statusCode());
            assertEquals(303, Web.form(Persona.GROUP_MEMBER, "/c/" + subgroup + "/posts", Map.of("body", "Hola"))
                    .statusCode(), "now a member of the subgroup, pf.colombia writes there");
        } finally {
            cleanUp("pf.colombia", subgroup);
        }
    }

    static AccessMatrix matrix() {
        return AccessMatrix.of("join requests")
                .get("/join").expect(200, 200, 200, 200, 200, 200, SIGN_IN)
                .get("/c/seguridad/requests").expect(200, 200, 403, 403, 403, 404, SIGN_IN)
                .get("/c/seguridad-asistencia-victimas/requests").expect(200, 200, 200, 403, 403, 404, SIGN_IN)
                // pf.colombia asks to join the victims-assistance subgroup; the request is decided or withdrawn
                .form("/c/" + VICTIMS + "/requests/{request}/approve", Map.of()).given("request", JoinRequestTest::colombiaAsks)
                        .after(v -> cleanUp("pf.colombia", VICTIMS)).expect(303, 303, 303, 403, 403, 404, SIGN_IN)
                .form("/c/" + VICTIMS + "/requests/{request}/decline", Map.of()).given("request", JoinRequestTest::colombiaAsks)
                        .after(v -> cleanUp("pf.colombia", VICTIMS)).expect(303, 303, 303, 403, 403, 404, SIGN_IN)
                .form("/join/requests/{request}/withdraw", Map.of()).given("request", JoinRequestTest::colombiaAsks)
                        .after(v -> cleanUp("pf.colombia", VICTIMS)).expect(404, 404, 404, 404, 303, 404, SIGN_IN)
                .form("/join/{victims}", Map.of("message", "Quisiera sumarme")).given("victims", () -> id(VICTIMS))
                        .after(v -> cleanUpRequests(VICTIMS)).expect(303, 303, 400, 400, 303, 404, SIGN_IN);
    }

    static final String VICTIMS = "seguridad-asistencia-victimas";

    static long colombiaAsks() {
        Web.form(Persona.GROUP_MEMBER, "/join/" + id(VICTIMS), Map.of()).then().statusCode(303);
        return pendingRequest("pf.colombia", VICTIMS);
    }

    /** Every pending request to join this community (the matrix's own: the demo has none). */
    static void cleanUpRequests(String slug) {
        Db.update("delete from join_request where status = 'PENDING' and community_id = (select id from community "
                + "where slug = ?1)", slug);
    }
}
