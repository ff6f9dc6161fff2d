package org.comunidad.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.comunidad.testsupport.KeycloakServer;
import org.comunidad.testsupport.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Killing one of the two Keycloak nodes keeps signed-in users signed in (their tokens are refreshed
 * through the surviving node once they expire) and new sign-ins work. Access tokens live 15 s for
 * this test, so that the refresh happens within it.
 */
@ExtendWith(ClusterExtension.class)
class A6KeycloakNodeLossTest {

    private static final int LIFESPAN = 15;

    @Test
    void usersStaySignedInAndNewSignInsWorkWithOneNodeLeft() throws Exception {
        Cluster cluster = Cluster.get();
        setAccessTokenLifespan(cluster, LIFESPAN);
        try {
            signedInUsersStayAndNewOnesCome(cluster);
        } finally {
            // Back to the realm's 5 minutes (through the surviving node) for the tests that follow.
            setAccessTokenLifespan(cluster, 300);
        }
    }

    private static void signedInUsersStayAndNewOnesCome(Cluster cluster) throws InterruptedException {
        Session session = Session.signIn(cluster.lbUrl(), "pf.peru", Map.of());
        assertEquals(200, session.get(cluster.lbUrl() + "/communities").statusCode(), "signed in");
        int cookiesBefore = session.appSetCookieHeaders().size();

        cluster.killKeycloak(0);
        Thread.sleep((LIFESPAN + 5) * 1000L);

        // The tokens in the session cookie have expired: each instance refreshes them through the surviving node.
        for (int n = 0; n < 6; n++) {
            HttpResponse<String> page = session.get(cluster.lbUrl() + "/communities");
            assertEquals(200, page.statusCode(), "request " + n + " after the node's loss: "
                    + page.headers().firstValue("Location").orElse(""));
            assertTrue(page.body().contains("action=\"/logout\""), "a signed-in page");
        }
        List<String> refreshed = session.appSetCookieHeaders().subList(cookiesBefore, session.appSetCookieHeaders().size())
                .stream().filter(c -> c.startsWith("q_session")).toList();
        Cluster.log("after keycloak-1's loss: %d session cookies renewed (token refresh through keycloak-2)",
                refreshed.size());
        assertTrue(!refreshed.isEmpty(), "the expired tokens were refreshed (a new session cookie)");

        // A new sign-in, through the login form of the surviving node.
        long t0 = System.nanoTime();
        Session fresh = Session.signIn(cluster.lbUrl(), "pf.brasil", Map.of());
        Cluster.log("new sign-in with one Keycloak node: %d ms", (System.nanoTime() - t0) / 1_000_000);
        assertEquals(200, fresh.get(cluster.lbUrl() + "/communities").statusCode(), "the new session");
    }

    /** The realm's access token lifespan, through Keycloak's admin API (behind the load balancer). */
    private static void setAccessTokenLifespan(Cluster cluster, int seconds) {
        for (int attempt = 1; ; attempt++) {
            try {
                trySetAccessTokenLifespan(cluster, seconds);
                return;
            } catch (AssertionError e) {
                if (attempt == 3) {
                    throw e;
                }
                Cluster.sleep(1000);
            }
        }
    }

    private static void trySetAccessTokenLifespan(Cluster cluster, int seconds) {
        HttpResponse<String> admin = Client.send(HttpRequest.newBuilder(URI.create(cluster.keycloakLbUrl()
                + "/realms/master/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + KeycloakServer.ADMIN_USER + "&password=" + Client.enc(cluster.keycloakAdminPassword))));
        assertEquals(200, admin.statusCode(), "admin token: " + admin.body());
        String token = Client.json(admin.body()).get("access_token").asText();
        HttpResponse<String> update = Client.send(HttpRequest.newBuilder(URI.create(cluster.keycloakLbUrl()
                + "/admin/realms/" + KeycloakServer.REALM)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"accessTokenLifespan\":" + seconds + "}")));
        assertEquals(204, update.statusCode(), "realm update: " + update.body());
    }
}
