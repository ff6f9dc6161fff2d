package org.comunidad.testsupport;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access tokens from the real Keycloak for the demo users, through the test-only
 * client (password grant), cached for the run; and the one-time codes of the demo users
 * whose browser sign-in asks for one (the admin and the coordinator), from the TOTP secrets
 * of the demo import.
 */
public final class Tokens {

    public static final String PASSWORD = "Comunidad.2026";
    /** The test client: the app's audience, and a password grant without one-time code. */
    public static final String TEST_CLIENT = "comunidad-test";
    /** Access tokens live 5 minutes in the realm: fetch a new one well before. */
    private static final long REUSE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator();
    /** The last time step whose code each user sent: Keycloak refuses a code used once already. */
    private static final Map<String, Long> LAST_STEP = new HashMap<>();
    private static volatile Map<String, String> totpSecrets;

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

    /** A new token (it carries what changed in Keycloak meanwhile), which also replaces the cached one. */
    public static String fresh(String username) {
        String token = fetch(username);
        CACHE.put(username, new Cached(token, System.nanoTime()));
        return token;
    }

    /** An access token issued to another (test-only) client of the realm, never cached. */
    public static String viaClient(String clientId, String username) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", clientId)
                .formParam("client_secret", "test-secret")
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .formParam("scope", "openid")
                .post(tokenEndpoint())
                .then().statusCode(200)
                .extract().path("access_token");
    }

    public static String tokenEndpoint() {
        return ComunidadTestResource.services().keycloak().issuer() + "/protocol/openid-connect/token";
    }

    private static String fetch(String username) {
        return viaClient(TEST_CLIENT, username);
    }

    /** The demo user's TOTP secret (base32, as an authenticator app takes it), if they have one. */
    public static Optional<String> totpSecret(String username) {
        if (totpSecrets == null) {
            totpSecrets = readTotpSecrets();
        }
        return Optional.ofNullable(totpSecrets.get(username));
    }

    /** The code an authenticator app shows for this base32 secret at this instant. */
    public static String totp(String base32Secret, Instant at) {
        try {
            return TOTP.generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(base32Secret.replace(" ", "")), TOTP.getAlgorithm()), at);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not a TOTP secret", e);
        }
    }

    /**
     * A code for this user that no sign-in of this run has sent yet: Keycloak refuses a code
     * used once already (the realm keeps that protection), so when this user's code of the
     * current 30 seconds was used, this waits for the next period.
     */
    public static String unusedTotp(String username, String base32Secret) {
        long stepMillis = TOTP.getTimeStep().toMillis();
        synchronized (LAST_STEP) {
            long step = System.currentTimeMillis() / stepMillis;
            Long last = LAST_STEP.get(username);
            if (last != null && step <= last) {
                step = last + 1;
                sleep(Duration.ofMillis(step * stepMillis - System.currentTimeMillis() + 250));
            }
            LAST_STEP.put(username, step);
            return totp(base32Secret, Instant.ofEpochMilli(step * stepMillis + stepMillis / 2));
        }
    }

    /** The demo users' TOTP secrets, from their otp credentials in the demo import. */
    private static Map<String, String> readTotpSecrets() {
        ObjectMapper json = new ObjectMapper();
        try {
            JsonNode users = json.readTree(KeycloakServer.projectDir().resolve("deploy/local/keycloak-demo-users.json")
                    .toFile()).get("users");
            Map<String, String> secrets = new HashMap<>();
            for (JsonNode user : users) {
                for (JsonNode credential : user.path("credentials")) {
                    if ("otp".equals(credential.path("type").asText())) {
                        secrets.put(user.get("username").asText(),
                                json.readTree(credential.get("secretData").asText()).get("value").asText());
                    }
                }
            }
            return Map.copyOf(secrets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
