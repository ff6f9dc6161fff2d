package org.comunidad.member;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.MailServer;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Invitations: only the group's coordinator and the forum admin invite, resend and revoke;
 * bad input is answered in the user's language with the form kept and nothing created in
 * Keycloak; resending sends a fresh link; revoking deletes the unused account.
 */
@QuarkusTest
class InvitationTest extends WithAccessMatrix {

    static final String PAGE = "/c/seguridad/invitations";

    @Inject
    EntityManager em;

    @Inject
    KeycloakAccounts accounts;

    static Map<String, String> draft(String email) {
        Map<String, String> fields = new HashMap<>();
        fields.put("email", email);
        fields.put("firstName", "Lucía");
        fields.put("lastName", "Benítez");
        fields.put("country", "UY");
        fields.put("institution", "Ministerio del Interior");
        fields.put("position", "Asesora");
        fields.put("language", "es");
        fields.put("role", "MEMBER");
        fields.put("community", "seguridad-asistencia-victimas");
        return fields;
    }

    static String fresh() {
        return "invitada." + System.nanoTime() + "@minterior.example";
    }

    static long invite(String email) {
        Response created = Web.form(Persona.COORDINATOR, PAGE, draft(email));
        assertEquals(303, created.statusCode(), created.body().asString());
        return Db.number("select id from invitation where email = ?1", email);
    }

    static AccessMatrix matrix() {
        return AccessMatrix.of("invitations")
                .get(PAGE).expect(200, 200, 403, 403, 403, 404, SIGN_IN)
                // Invalid on purpose (no email): who may invite gets the form back, nobody creates anything.
                .form(PAGE, draft("")).named("POST invitation (invalid)").expect(400, 400, 403, 403, 403, 404, SIGN_IN)
                .form(PAGE + "/{invitation}/resend", Map.of()).given("invitation", () -> invite(fresh()))
                        .expect(303, 303, 403, 403, 403, 404, SIGN_IN)
                .form(PAGE + "/{invitation}/revoke", Map.of()).given("invitation", () -> invite(fresh()))
                        .expect(303, 303, 403, 403, 403, 404, SIGN_IN)
                .get("/invitations/welcome").expect(303, 303, 303, 303, 303, 303, SIGN_IN);
    }

    @Test
    void badInputIsExplainedTheFormKeepsItAndNothingIsCreated() {
        Map<String, String> fields = draft("no-es-un-correo");
        fields.put("firstName", "");
        Response bad = Web.form(Persona.COORDINATOR, PAGE, fields);
        assertEquals(400, bad.statusCode());
        String html = bad.body().asString();
        assertTrue(html.contains("Escriba un correo válido"), html);
        assertEquals("no-es-un-correo", Html.field(html, "email"), "the form keeps what was typed");
        assertEquals("Ministerio del Interior", Html.field(html, "institution"));
        assertTrue(accounts.findByEmail("no-es-un-correo").isEmpty(), "nothing in Keycloak");

        Response exists = Web.form(Persona.COORDINATOR, PAGE, draft("pf.peru@demo.prosur.example"));
        assertEquals(400, exists.statusCode());
        assertTrue(exists.body().asString().contains("Ya existe una cuenta con ese correo"));

        Map<String, String> taken = draft(fresh());
        taken.put("role", "FOCAL_POINT");
        taken.put("country", "CL");
        taken.put("community", "seguridad");
        Response roleTaken = Web.form(Persona.COORDINATOR, PAGE, taken);
        assertEquals(400, roleTaken.statusCode());
        assertTrue(accounts.findByEmail(taken.get("email")).isEmpty());

        Map<String, String> wrongPlace = draft(fresh());
        wrongPlace.put("community", "energia");
        assertEquals(400, Web.form(Persona.COORDINATOR, PAGE, wrongPlace).statusCode(),
                "another group's community is not a choice");
    }

    @Test
    void resendSendsAFreshLinkAndRevokeDeletesTheUnusedAccount() {
        MailServer mail = ComunidadTestResource.services().mail();
        String email = fresh();
        long id = invite(email);
        mail.await(m -> m.to().equalsIgnoreCase(email), Duration.ofSeconds(30));
        assertTrue(accounts.findByEmail(email).isPresent(), "the account exists in Keycloak");
        Response again = Web.form(Persona.COORDINATOR, PAGE, draft(email));
        assertEquals(400, again.statusCode());
        assertTrue(again.body().asString().contains("Ya hay una invitación pendiente"));

        assertEquals(303, Web.form(Persona.ADMIN, PAGE + "/" + id + "/resend", Map.of()).statusCode());
        mail.await(m -> mail.to(email).size() == 2, Duration.ofSeconds(30));
        assertEquals(2, ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select send_count from invitation where id = ?1").setParameter(1, id).getSingleResult())).intValue());

        assertEquals(303, Web.form(Persona.COORDINATOR, PAGE + "/" + id + "/revoke", Map.of()).statusCode());
        assertFalse(accounts.findByEmail(email).isPresent(), "the unused account is gone");
        assertEquals("REVOKED", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select status from invitation where id = ?1").setParameter(1, id).getSingleResult()));
        assertEquals(404, Web.form(Persona.COORDINATOR, PAGE + "/" + id + "/resend", Map.of()).statusCode(),
                "a revoked invitation cannot be sent again");
        assertEquals(404, Web.form(Persona.ADMIN, "/c/energia/invitations/" + id + "/revoke", Map.of()).statusCode(),
                "not through another group");
        assertEquals(3L, ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select count(*) from audit_log where target_type = 'invitation' and target_id = ?1
                and action in ('INVITE', 'INVITE_RESEND', 'INVITE_REVOKE')""").setParameter(1, id)
                .getSingleResult())).longValue());
    }
}
