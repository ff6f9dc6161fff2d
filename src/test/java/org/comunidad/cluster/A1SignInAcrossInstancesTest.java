package org.comunidad.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;

import org.comunidad.testsupport.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user who signs in through one app instance is signed in on the other: the session lives in
 * a cookie both instances read (the shared encryption secret), and both trust the one issuer of
 * the two Keycloak nodes.
 */
@ExtendWith(ClusterExtension.class)
class A1SignInAcrossInstancesTest {

    @Test
    void aSessionOpenedOnInstanceOneIsOpenOnInstanceTwo() {
        Cluster cluster = Cluster.get();
        // Through Keycloak's login form (behind its load balancer), back to instance 1 directly.
        Session session = Session.signIn(cluster.appUrl(0), "pf.peru", Map.of());
        String cookies = session.appCookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        for (int i = 0; i < 2; i++) {
            // A browser sends the host's cookies to any port of it: the same cookies, straight to each instance.
            HttpResponse<String> page = Client.send(HttpRequest.newBuilder(URI.create(cluster.appUrl(i) + "/communities"))
                    .header("Cookie", cookies).GET());
            Cluster.log("instance %d with the session cookie of instance 1: %d", i + 1, page.statusCode());
            assertEquals(200, page.statusCode(), "instance " + (i + 1) + " answered " + page.statusCode() + " "
                    + page.headers().firstValue("Location").orElse(""));
            assertTrue(page.body().contains("action=\"/logout\""),
                    "the page on instance " + (i + 1) + " is not a signed-in page");
        }
        // And through the load balancer, ten times (both instances in turn).
        for (int n = 0; n < 10; n++) {
            HttpResponse<String> page = Client.send(HttpRequest.newBuilder(URI.create(cluster.lbUrl() + "/communities"))
                    .header("Cookie", cookies).GET());
            assertEquals(200, page.statusCode(), "request " + n + " through HAProxy");
        }
    }
}
