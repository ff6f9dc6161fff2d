package org.comunidad.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.member.MemberService;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.KeycloakServer;
import org.comunidad.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The app accepts only tokens issued for its own clients (audience "comunidad"), naming their
 * user (sub): a token the realm signs for any other client, or without a subject, is refused
 * with 401 and the API's JSON error, never a 500, on the API and on the pages alike. And no
 * client of the realm hands out tokens for a username and password (Keycloak's built-in
 * admin-cli included), except the test-only clients.
 */
@QuarkusTest
class ForeignTokenTest {

    static final String TEST_CLIENTS = "comunidad-test";

    @Inject
    EntityManager em;

    @Inject
    MemberService members;

    @Test
    void keycloakRefusesAPasswordGrantThroughAdminCli() {
        Response grant = given()
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "pf.peru")
                .formParam("password", Tokens.PASSWORD)
                .post(Tokens.tokenEndpoint());
        assertTrue(grant.statusCode() == 400 || grant.statusCode() == 401, grant.asString());
        assertEquals("unauthorized_client", grant.path("error"), grant.asString());
    }

    @Test
    void noClientOfTheRealmGrantsTokensForAPasswordExceptTheTestOnes() {
        List<Map<String, Object>> clients = given().auth().oauth2(masterAdminToken())
                .get(keycloak().url() + "/admin/realms/" + KeycloakServer.REALM + "/clients")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(clients.stream().anyMatch(c -> "admin-cli".equals(c.get("clientId"))), "Keycloak's built-in client");
        List<Object> withPasswordGrant = clients.stream()
                .filter(c -> Boolean.TRUE.equals(c.get("directAccessGrantsEnabled")))
                .map(c -> c.get("clientId"))
                .filter(id -> !id.toString().startsWith(TEST_CLIENTS))
                .toList();
        assertEquals(List.of(), withPasswordGrant, "clients that hand out tokens for a password");
    }

    @Test
    void aTokenOfAnotherClientOfTheRealmIsRefused() {
        String foreign = Tokens.viaClient("comunidad-test-no-audience", "pf.peru");
        refusedOnApi(foreign, "/api/me");
        refusedOnApi(foreign, "/api/communities");
        assertEquals(401, given().redirects().follow(false).auth().oauth2(foreign).get("/communities").statusCode(),
                "the pages' bearer path refuses it too");
    }

    @Test
    void anAdminCliTokenOfTheMasterRealmIsRefused() {
        refusedOnApi(masterAdminToken(), "/api/me");
    }

    @Test
    void aTokenWithoutSubjectIsRefusedWith401NotAServerError() {
        long before = members();
        String anonymous = Tokens.viaClient("comunidad-test-no-subject", "pf.peru");
        refusedOnApi(anonymous, "/api/me");
        refusedOnApi(anonymous, "/api/communities");
        assertEquals(401, given().redirects().follow(false).auth().oauth2(anonymous).get("/communities").statusCode());
        assertEquals(before, members(), "no member was created");
    }

    @Test
    void theMemberServiceRefusesClaimsWithoutSubjectAsAnAuthenticationFailure() {
        long before = members();
        assertThrows(AuthenticationFailedException.class, () -> members.signedIn(new org.comunidad.platform.security.Claims(null,
                "pf.peru", "pf.peru@demo.prosur.example", true, "Lucía Quispe", "PE", null, null, null, "es", "es",
                System.currentTimeMillis() / 1000)));
        assertThrows(AuthenticationFailedException.class, () -> members.signedIn(new org.comunidad.platform.security.Claims(" ",
                null, null, false, null, null, null, null, null, null, "es", System.currentTimeMillis() / 1000)));
        assertEquals(before, members());
    }

    @Test
    void theAppsOwnTokensStillWork() {
        given().auth().oauth2(Tokens.of("pf.peru")).get("/api/me").then().statusCode(200)
                .body("username", equalTo("pf.peru"));
    }

    private static void refusedOnApi(String token, String path) {
        given().redirects().follow(false).auth().oauth2(token).get(path).then()
                .statusCode(401)
                .contentType("application/json")
                .body("status", equalTo(401))
                .body("error", equalTo("unauthorized"));
    }

    private long members() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from member")
                .getSingleResult()).longValue());
    }

    private static KeycloakServer keycloak() {
        return ComunidadTestResource.services().keycloak();
    }

    /** Keycloak's bootstrap admin, through the master realm's admin-cli: signed by another realm. */
    private static String masterAdminToken() {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", KeycloakServer.ADMIN_USER)
                .formParam("password", keycloak().adminPassword())
                .post(keycloak().url() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
