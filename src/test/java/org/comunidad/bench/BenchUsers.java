package org.comunidad.bench;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.KeycloakServer;
import org.comunidad.testsupport.Session;
import org.comunidad.testsupport.Tokens;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The members who use the app during the benchmark, signed in as browsers are: each has an
 * account in Keycloak (added to the realm by its admin API, with the id the seeded member has
 * as its subject), signs in through Keycloak's login form (the authorization code flow,
 * {@link Session}) and keeps the app's session cookies ({@code q_session...}) and its CSRF
 * cookie and form token.
 */
final class BenchUsers {

    record SignedIn(String username, int number, String cookies, String csrf) {
    }

    private BenchUsers() {
    }

    static String subject(int n) {
        return String.format("00000000-0000-4000-b000-%012d", n);
    }

    /** Accounts bench1..benchN in Keycloak, and the seeded members bench-1..bench-N pointed at them. */
    static void createAccounts(int count) throws Exception {
        KeycloakServer keycloak = ComunidadTestResource.services().keycloak();
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", KeycloakServer.ADMIN_USER).formParam("password", keycloak.adminPassword())
                .post(keycloak.url() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        List<Map<String, Object>> users = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            users.add(Map.of("id", subject(n), "username", "bench" + n, "email", "bench" + n + "@bench.example",
                    "firstName", "Funcionario", "lastName", String.valueOf(n), "enabled", true, "emailVerified", true,
                    "credentials", List.of(Map.of("type", "password", "value", Tokens.PASSWORD, "temporary", false)),
                    "realmRoles", List.of("member")));
        }
        // Ten at a time: each password is hashed as it is imported, and fifty in one request took longer
        // than the client waits on a busy machine (read timed out at load 15).
        for (int from = 0; from < users.size(); from += 10) {
            String body = new ObjectMapper().writeValueAsString(Map.of("ifResourceExists", "SKIP", "users",
                    users.subList(from, Math.min(users.size(), from + 10))));
            given().auth().oauth2(admin).contentType("application/json").body(body)
                    .post(keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + "/partialImport")
                    .then().statusCode(200);
        }
        for (int n = 1; n <= count; n++) {
            Db.update("update member set subject = ?1 where subject = ?2", subject(n), "bench-" + n);
        }
    }

    /** Signs each in through the login form, 4 at a time. */
    static List<SignedIn> signIn(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SignedIn>> futures = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                int number = n;
                futures.add(pool.submit(() -> {
                    Session session = Session.signIn("bench" + number);
                    String csrf = session.csrfToken();
                    String cookies = String.join("; ", session.appCookies().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).toList());
                    return new SignedIn("bench" + number, number, cookies, csrf);
                }));
            }
            List<SignedIn> users = new ArrayList<>();
            for (Future<SignedIn> f : futures) {
                users.add(f.get());
            }
            return users;
        } finally {
            pool.shutdown();
        }
    }
}
