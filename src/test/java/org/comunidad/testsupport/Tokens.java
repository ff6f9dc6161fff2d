package org.comunidad.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the real Keycloak for the demo users, through the test-only
 * client (password grant), cached for the run.
 */
public final class Tokens {

    public static final String PASSWORD = "Comunidad.2026";
    /** Access tokens live 5 minutes in the realm: fetch a new one well before. */
    private static final long REUSE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long fetchedAt) {
    }

    private Tokens() {
    }

    /** A request signed in as this demo user (redirects not followed). */
    public static io.restassured.specification.RequestSpecification as(String username) {
        return given().redirects().follow(false).auth().oauth2(of(username));
    }

    public static String of(String username) {
        return CACHE.compute(username, (user, cached) -> cached != null && System.nanoTime() - cached.fetchedAt() < REUSE_NANOS
                ? cached : new Cached(fetch(user), System.nanoTime())).token();
    }

    private static String fetch(String username) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "comunidad-test")
                .formParam("client_secret", "test-secret")
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .formParam("scope", "openid")
                .post(ComunidadTestResource.services().keycloak().issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
