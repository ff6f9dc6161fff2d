package org.comunidad.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Under a steady load through HAProxy, kill -9 of one app instance fails only the requests that
 * were in flight on it: the load balancer sends every later request to the other instance.
 */
@ExtendWith(ClusterExtension.class)
class A4AppKillUnderLoadTest {

    private static final int USERS = 8;

    @AfterAll
    static void restart() {
        Cluster.get().restartApp(1);
    }

    @Test
    void killingAnInstanceFailsOnlyTheRequestsInFlightOnIt() throws Exception {
        Cluster cluster = Cluster.get();
        String token = Client.freshToken("pf.peru");
        String[] pages = { "/communities", "/c/seguridad", "/api/me", "/c/seguridad/documents" };
        long kill;
        List<Load.Result> results;
        try (Load load = new Load(USERS, Duration.ofSeconds(20), user -> HttpRequest.newBuilder(
                URI.create(cluster.lbUrl() + pages[user % pages.length])).header("Authorization", "Bearer " + token).GET(),
                user -> pages[user % pages.length])) {
            Thread.sleep(5000);
            kill = System.nanoTime();
            cluster.killApp(1);
            Thread.sleep(10000);
            load.close();
            results = load.results();
        }
        List<Load.Result> failed = results.stream().filter(r -> !r.ok()).toList();
        List<Load.Result> inFlight = results.stream().filter(r -> r.start() < kill && r.end() > kill).toList();
        List<Load.Result> later = results.stream().filter(r -> r.start() > kill).toList();
        long laterFailed = later.stream().filter(r -> !r.ok()).count();
        Cluster.log("kill -9 under load: %d requests, %d in flight at the kill, %d failed (%s), %d after it of which %d failed",
                results.size(), inFlight.size(), failed.size(),
                failed.stream().map(r -> r.kind() + " " + (r.status() == -1 ? r.error() : String.valueOf(r.status()))).toList(),
                later.size(), laterFailed);
        assertTrue(results.size() > 40, "a steady load: " + results.size());
        assertTrue(failed.size() <= USERS, "at most the requests in flight fail: " + failed.size());
        assertTrue(failed.stream().allMatch(r -> r.start() < kill), "only requests sent before the kill failed");
        assertTrue(later.size() > 20 && laterFailed == 0, "every request after the kill succeeded");
    }
}
