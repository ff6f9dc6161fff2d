package org.comunidad.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL restarts (fast shutdown, then start on the same port and data) under a load of reads
 * and writes through HAProxy: no request hangs, errors come only during the outage and as 503,
 * every request after it succeeds, and every write acknowledged before, during or after is in the
 * database.
 */
@ExtendWith(ClusterExtension.class)
class A7PostgresRestartTest {

    private static final int USERS = 6;
    /** A request that has not answered in this long hangs. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** After PostgreSQL is back, the instances have this long to notice (pool, readiness, HAProxy's checks). */
    private static final long RECOVERY_NANOS = Duration.ofSeconds(5).toNanos();

    @Test
    void noRequestHangsAndNoAcknowledgedWriteIsLost() throws Exception {
        Cluster cluster = Cluster.get();
        String token = Client.freshToken("pf.peru");
        long group = writableGroup(cluster);
        String posts = cluster.lbUrl() + "/api/communities/" + group + "/posts";
        long restartStart;
        long restartEnd;
        List<Load.Result> results;
        try (Load load = new Load(USERS, BOUND.plusSeconds(5), user -> user % 2 == 0
                ? HttpRequest.newBuilder(URI.create(posts)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"Bajo carga " + System.nanoTime() + "\"}"))
                : HttpRequest.newBuilder(URI.create(cluster.lbUrl() + "/c/seguridad")).header("Authorization",
                        "Bearer " + token).GET(), user -> user % 2 == 0 ? "write" : "read")) {
            Thread.sleep(5000);
            restartStart = System.nanoTime();
            Duration took = cluster.restartPostgres();
            restartEnd = System.nanoTime();
            Thread.sleep(15000);
            load.close();
            results = load.results();
            Cluster.log("PostgreSQL down and up again in %d ms", took.toMillis());
        }
        long end = restartEnd + RECOVERY_NANOS;
        List<Load.Result> slow = results.stream().filter(r -> r.end() - r.start() > BOUND.toNanos() || r.status() == -1
                && r.error().contains("Timeout")).toList();
        List<Load.Result> failed = results.stream().filter(r -> !r.ok()).toList();
        List<Load.Result> outsideOutage = failed.stream().filter(r -> r.end() < restartStart || r.start() > end).toList();
        List<Load.Result> not503 = failed.stream().filter(r -> r.status() != 503).toList();
        List<Load.Result> acknowledged = results.stream().filter(r -> r.kind().equals("write") && r.status() == 201).toList();
        long slowest = results.stream().mapToLong(Load.Result::millis).max().orElse(0);
        Map<String, Long> statuses = failed.stream().collect(Collectors.groupingBy(
                r -> r.kind() + " " + (r.status() == -1 ? r.error() : String.valueOf(r.status())), Collectors.counting()));
        Cluster.log("PostgreSQL restart under load: %d requests (%d acknowledged writes), slowest %d ms, %d failed %s, "
                + "%d failed outside the outage, %d after it", results.size(), acknowledged.size(), slowest, failed.size(),
                statuses, outsideOutage.size(), results.stream().filter(r -> r.start() > end).count());
        assertEquals(List.of(), slow.stream().map(r -> r.kind() + " " + r.millis() + " ms").toList(), "requests that hung");
        long missing = acknowledged.stream().filter(r -> cluster.count("select count(*) from post where id = ?",
                Client.json(r.body()).get("id").asLong()) != 1).count();
        assertEquals(0, missing, "acknowledged writes missing from the database");
        assertTrue(results.stream().filter(r -> r.start() > end).count() > 20, "requests after the outage");
        assertEquals(List.of(), outsideOutage.stream().map(r -> r.kind() + " " + r.status()).toList(),
                "requests that failed outside the outage");
        assertEquals(Map.of(), not503.stream().collect(Collectors.groupingBy(
                r -> r.status() == -1 ? r.error() : String.valueOf(r.status()), Collectors.counting())),
                () -> "errors during the outage are 503s; what they answered:\n" + not503.stream().limit(5)
                        .map(r -> r.kind() + " " + r.status() + " after " + r.millis() + " ms: " + (r.body() == null
                                ? r.error() : r.body().substring(0, Math.min(r.body().length(), 1500))))
                        .collect(Collectors.joining("\n")) + "\nthe instances' errors:\n" + cluster.appErrors(6000));
    }

    /** A subgroup Peru may write in (a post there answers 201). */
    private static long writableGroup(Cluster cluster) {
        long peru = Client.memberId("pf.peru");
        try (var c = cluster.db(); var s = c.prepareStatement("select community_id from membership where member_id = ? "
                + "order by community_id")) {
            s.setLong(1, peru);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (Client.postJson(cluster.lbUrl() + "/api/communities/" + id + "/posts", "pf.peru",
                            "{\"body\":\"Primera\"}").statusCode() == 201) {
                        return id;
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("Peru may write in none of their groups");
    }
}
