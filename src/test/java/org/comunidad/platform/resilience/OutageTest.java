package org.comunidad.platform.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.comunidad.testsupport.Csrf;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Uploads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Point 3 of issue 16, the app's side: with the database or the object store cut off by a real TCP
 * proxy (refused: nothing listens; blackholed: connections accepted and never answered), readiness
 * turns red within 5 s, every request of a burst is answered 503 with Retry-After in under a second
 * (pages with the app's page, the API with JSON, a form with "nothing was saved, send it again"),
 * and once the network is back the app serves again without a restart, with everything written
 * before the cut still there. With the object store cut, pages that do not need it keep working and
 * only uploads and downloads are refused, leaving no row behind.
 */
@QuarkusTest
@TestProfile(ResilienceProfile.class)
class OutageTest {

    static final String SLUG = "seguridad-asistencia-victimas";
    /** The group's feed: a page that reads the database and needs no file. */
    static final String FEED = "/c/seguridad/feed";
    static final String POSTS = "/c/" + SLUG + "/posts";
    static final String DOCUMENTS = "/c/" + SLUG + "/documents";
    static final long READY_WITHIN_MS = 5_000;
    static final long FAST_MS = 1_000;
    static final int BURST = 20;

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void restoreNetwork() throws Exception {
        FaultProxies.database().restore();
        FaultProxies.objectStore().restore();
        awaitReadiness(200, 15_000);
    }

    @Test
    void databaseRefused() throws Exception {
        databaseCut("refused", FaultProxies.database()::refuse);
    }

    @Test
    void databaseBlackholed() throws Exception {
        databaseCut("blackholed", FaultProxies.database()::blackhole);
    }

    @Test
    void objectStoreRefused() throws Exception {
        objectStoreCut("refused", FaultProxies.objectStore()::refuse);
    }

    @Test
    void objectStoreBlackholed() throws Exception {
        objectStoreCut("blackholed", FaultProxies.objectStore()::blackhole);
    }

    private void databaseCut(String how, Runnable cut) throws Exception {
        awaitReadiness(200, 15_000);
        token = Persona.MEMBER.token();
        // Written before the cut: must be there after it.
        String before = "Antes del corte " + how + " " + System.nanoTime();
        assertEquals(201, Persona.MEMBER.request().contentType("application/json")
                .body(Map.of("body", before)).post("/api/communities/" + Db.community(SLUG) + "/posts").statusCode());
        Csrf csrf = Csrf.fetch(Persona.MEMBER);
        long postsBefore = Db.number("select count(*) from post");
        // For comparison: the same burst with everything up (200s), on this machine now.
        long[] healthy = burst(() -> get("/api/me", null), response -> assertEquals(200, response.statusCode()), false);
        System.out.printf("FAULTS database %s: before the cut, a burst of %d GET /api/me (200) max %d ms (load %s)%n",
                how, BURST, max(healthy), load());

        cut.run();
        long toRed = awaitReadiness(503, 10_000);
        String ready = get("/q/health/ready", null).body();
        System.out.printf("FAULTS database %s: readiness DOWN after %d ms (load %s): %s%n", how, toRed, load(), ready);
        assertTrue(toRed <= READY_WITHIN_MS, "readiness red within 5 s, took " + toRed + " ms");
        assertTrue(ready.contains("\"database\"") && ready.contains("DOWN"), ready);

        long[] pages = burst(() -> get(FEED, "pt-BR,pt;q=0.9"), response -> {
            assertEquals(503, response.statusCode(), response.body());
            assertRetryAfter(response);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(response.body().contains("Comunidad não está respondendo")
                    || response.body().contains("Comunidad no responde")
                    || response.body().contains("Comunidad is not answering"), response.body());
        });
        long[] api = burst(() -> get("/api/me", null), response -> {
            assertEquals(503, response.statusCode(), response.body());
            assertRetryAfter(response);
            assertTrue(response.body().contains("\"error\":\"database_unavailable\""), response.body());
        });
        // A form sent while the database is away: 503, and the answer says nothing was saved.
        String during = "Durante el corte " + how + " " + System.nanoTime();
        long start = System.nanoTime();
        HttpResponse<String> form = post(POSTS, csrf, "body=" + URLEncoder.encode(during, StandardCharsets.UTF_8));
        long formMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, form.statusCode(), form.body());
        assertRetryAfter(form);
        assertTrue(form.body().contains("no se guardó") || form.body().contains("não foi salvo")
                || form.body().contains("was not saved"), form.body());
        assertTrue(formMs < FAST_MS, "the form's answer took " + formMs + " ms");
        System.out.printf("FAULTS database %s: 503 with Retry-After; pages max %d ms (of %d), API max %d ms (of %d),"
                + " form %d ms%n", how, max(pages), BURST, max(api), BURST, formMs);

        long restored = System.nanoTime();
        FaultProxies.database().restore();
        long toGreen = awaitReadiness(200, 15_000);
        long firstPage = awaitStatus(FEED, 200, 15_000);
        System.out.printf("FAULTS database %s: after restore, readiness UP after %d ms, the feed 200 after %d ms%n",
                how, toGreen, firstPage);
        assertTrue(toGreen <= READY_WITHIN_MS, "readiness green again within 5 s, took " + toGreen + " ms");
        assertEquals(200, get("/api/me", null).statusCode());
        assertTrue(get(POSTS, null).body().contains(before), "the post written before the cut is on the page");
        assertEquals(postsBefore, Db.number("select count(*) from post"), "nothing was written by the refused form");
        assertEquals(0, Db.number("select count(*) from post where body = ?1", during));
        assertTrue((System.nanoTime() - restored) / 1_000_000 < 20_000);
    }

    private void objectStoreCut(String how, Runnable cut) throws Exception {
        awaitReadiness(200, 15_000);
        token = Persona.MEMBER.token();
        String kept = "Guardado antes del corte " + how + " " + System.nanoTime();
        var stored = Uploads.upload(Persona.MEMBER, DOCUMENTS + "/upload", "antes.txt",
                ("contenido " + kept).getBytes(StandardCharsets.UTF_8), Uploads.report(kept));
        assertEquals(201, stored.statusCode(), stored.body().asString());
        long id = ((Number) stored.jsonPath().get("id")).longValue();
        Csrf csrf = Csrf.fetch(Persona.MEMBER);

        cut.run();
        long toRed = awaitReadiness(503, 10_000);
        String ready = get("/q/health/ready", null).body();
        System.out.printf("FAULTS object store %s: readiness DOWN after %d ms (load %s): %s%n", how, toRed, load(),
                ready);
        assertTrue(toRed <= READY_WITHIN_MS, "readiness red within 5 s, took " + toRed + " ms");
        assertTrue(ready.contains("\"object-store\"") && ready.contains("DOWN"), ready);

        // Pages that do not need files keep working.
        long[] feed = burst(() -> get(FEED, null), response -> assertEquals(200, response.statusCode()), false);
        long[] downloads = burst(() -> get(DOCUMENTS + "/" + id + "/file", null), response -> {
            assertEquals(503, response.statusCode(), response.body());
            assertRetryAfter(response);
        });
        String title = "Subida durante el corte " + how + " " + System.nanoTime();
        long[] uploads = burst(() -> upload(csrf, title), response -> {
            assertEquals(503, response.statusCode(), response.body());
            assertRetryAfter(response);
            assertTrue(response.body().contains("STORAGE_UNAVAILABLE"), response.body());
        });
        assertEquals(0, Db.number("select count(*) from document where title = ?1", title), "no row for a refused upload");
        System.out.printf("FAULTS object store %s: feed 200 max %d ms; downloads 503 max %d ms; uploads 503 max %d ms"
                + " (bursts of %d)%n", how, max(feed), max(downloads), max(uploads), BURST);

        FaultProxies.objectStore().restore();
        long toGreen = awaitReadiness(200, 15_000);
        System.out.printf("FAULTS object store %s: after restore, readiness UP after %d ms%n", how, toGreen);
        assertTrue(toGreen <= READY_WITHIN_MS, "readiness green again within 5 s, took " + toGreen + " ms");
        HttpResponse<String> file = get(DOCUMENTS + "/" + id + "/file", null);
        assertEquals(200, file.statusCode());
        assertEquals("contenido " + kept, file.body(), "the file stored before the cut");
        HttpResponse<String> again = upload(csrf, title);
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(1, Db.number("select count(*) from document where title = ?1", title));
    }

    /** Sends the request BURST times at once; every answer checked, every duration under a second. */
    private static long[] burst(Callable<HttpResponse<String>> request, Consumer<HttpResponse<String>> check)
            throws Exception {
        return burst(request, check, true);
    }

    /** The same; {@code fast}: every answer within a second (a 503), else only checked and timed (a page rendered). */
    private static long[] burst(Callable<HttpResponse<String>> request, Consumer<HttpResponse<String>> check,
            boolean fast) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            List<HttpResponse<String>> responses = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < BURST; i++) {
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    HttpResponse<String> response = request.call();
                    responses.add(response);
                    return new long[] { (System.nanoTime() - start) / 1_000_000 };
                }));
            }
            long[] millis = new long[BURST];
            for (int i = 0; i < BURST; i++) {
                millis[i] = futures.get(i).get().length == 1 ? futures.get(i).get()[0] : -1;
            }
            responses.forEach(check);
            for (long ms : millis) {
                assertTrue(!fast || ms < FAST_MS, "every answer of the burst in under 1 s: " + java.util.Arrays.toString(millis));
            }
            return millis;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The machine's load (1, 5, 15 minutes), printed beside the figures: they depend on it. */
    static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static long max(long[] values) {
        return java.util.Arrays.stream(values).max().orElse(-1);
    }

    private static void assertRetryAfter(HttpResponse<String> response) {
        String retry = response.headers().firstValue("Retry-After").orElse(null);
        assertNotNull(retry, "Retry-After on the 503");
        assertTrue(Long.parseLong(retry) > 0, retry);
    }

    /** Milliseconds until readiness answers this status (polled every 50 ms). */
    private static long awaitReadiness(int status, long timeoutMs) throws Exception {
        return awaitStatus("/q/health/ready", status, timeoutMs);
    }

    private static long awaitStatus(String path, int status, long timeoutMs) throws Exception {
        long start = System.nanoTime();
        int last = -1;
        while ((System.nanoTime() - start) / 1_000_000 < timeoutMs) {
            last = get(path, null).statusCode();
            if (last == status) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " did not answer " + status + " within " + timeoutMs + " ms (last " + last + ")");
    }

    /** The member's token, fetched from Keycloak before a burst so that no burst times Keycloak. */
    private static volatile String token;

    private static String token() {
        if (token == null) {
            token = Persona.MEMBER.token();
        }
        return token;
    }

    private static HttpResponse<String> get(String path, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Uploads.base() + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (!path.startsWith("/q/")) {
            request.header("Authorization", "Bearer " + token());
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Csrf csrf, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Uploads.base() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token())
                .header("Cookie", Csrf.COOKIE + "=" + csrf.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&" + Csrf.FIELD + "="
                        + URLEncoder.encode(csrf.token(), StandardCharsets.UTF_8)))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> upload(Csrf csrf, String title) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Uploads.base() + DOCUMENTS + "/upload?title="
                + URLEncoder.encode(title, StandardCharsets.UTF_8) + "&type=REPORT&language=es&country=PE"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token())
                .header("Cookie", Csrf.COOKIE + "=" + csrf.cookie())
                .header("X-CSRF-TOKEN", csrf.token())
                .header("X-File-Name", "durante.txt")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("un archivo durante el corte"))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
