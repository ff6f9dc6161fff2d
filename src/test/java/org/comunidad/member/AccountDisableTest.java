package org.comunidad.member;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The forum admin disables an account: in Keycloak (no new sign-in) and at once in the app,
 * whose next request with the still-valid token is refused; enabling restores access. Nobody
 * else can.
 */
@QuarkusTest
class AccountDisableTest extends WithAccessMatrix {

    @Inject
    EntityManager em;

    @Inject
    KeycloakAccounts accounts;

    static final String COLOMBIA_SUBJECT = "00000000-0000-4000-a000-000000000008";

    long colombia() {
        return Db.member("pf.colombia");
    }

    static AccessMatrix matrix() {
        // Enabling an enabled account changes nothing: the matrix only checks who may.
        return AccessMatrix.of("account")
                .bind("colombia", () -> Db.member("pf.colombia"))
                .form("/c/seguridad/members/{colombia}/account", Map.of("enabled", "true"))
                        .expect(303, 404, 404, 404, 404, 404, SIGN_IN);
    }

    @Test
    void aDisabledAccountIsRefusedAtOnceAndEnabledAgain() {
        long colombia = colombia();
        String path = "/c/seguridad/members/" + colombia + "/account";
        assertEquals(200, Persona.GROUP_MEMBER.request().get("/c/seguridad").statusCode());
        try {
            assertEquals(303, Web.form(Persona.ADMIN, path, Map.of("enabled", "false")).statusCode());
            assertFalse(accounts.isEnabled(COLOMBIA_SUBJECT), "disabled in Keycloak");
            Response refused = Persona.GROUP_MEMBER.request().get("/c/seguridad");
            assertEquals(403, refused.statusCode(), "the same token, the next request");
            assertTrue(refused.body().asString().contains("Su cuenta está desactivada"));
            assertEquals(403, Persona.GROUP_MEMBER.request().get("/api/communities").statusCode());
            assertTrue(Persona.ADMIN.request().get("/c/seguridad/members/" + colombia).body().asString()
                    .contains("Reactivar la cuenta"));
        } finally {
            assertEquals(303, Web.form(Persona.ADMIN, path, Map.of("enabled", "true")).statusCode());
        }
        assertTrue(accounts.isEnabled(COLOMBIA_SUBJECT));
        assertEquals(200, Persona.GROUP_MEMBER.request().get("/c/seguridad").statusCode());
        assertEquals(1L, ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from audit_log where action = 'ACCOUNT_DISABLE' and target_id = ?1")
                .setParameter(1, colombia).getSingleResult())).longValue(), "audited");
        assertEquals(400, Web.form(Persona.ADMIN, "/c/seguridad/members/" + adminId() + "/account",
                Map.of("enabled", "false")).statusCode(), "the admin cannot lock themself out");
    }

    long adminId() {
        return Db.member("admin.prosur");
    }
}
