package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Uploads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Pages are admitted a few at a time: every way a page request ends gives its place back,
 * a page waits for a place rather than failing, gets 503 only when none comes in time, and
 * the API is never held back by busy pages.
 */
@QuarkusTest
class PageAdmissionTest {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    PageAdmission admission;

    @Inject
    TakenPlaces places;

    @AfterEach
    void giveBack() {
        places.giveBack();
    }

    private static HttpRequest get(String path, Persona persona) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Uploads.base() + path))
                .timeout(Duration.ofSeconds(30)).header("Accept-Language", "es");
        if (persona != null) {
            request.header("Authorization", "Bearer " + persona.token());
        }
        return request.GET().build();
    }

    private static HttpResponse<String> send(String path, Persona persona) throws Exception {
        return CLIENT.send(get(path, persona), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitAllFree() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (admission.available() != admission.limit() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(admission.limit(), admission.available(), "every place was given back");
    }

    @Test
    void everyEndingGivesThePlaceBack() throws Exception {
        awaitAllFree();
        assertEquals(200, send("/c/seguridad/feed", Persona.MEMBER).statusCode());
        assertEquals(404, send("/c/no-such-group/feed", Persona.MEMBER).statusCode());
        assertEquals(404, send("/c/seguridad/feed", Persona.OTHER_GROUP).statusCode(), "not a member: not found");
        assertEquals(400, send("/c/seguridad/feed?before=yesterday", Persona.MEMBER).statusCode());
        assertEquals(302, send("/c/seguridad/feed", null).statusCode(), "anonymous: to the sign-in");
        assertEquals(200, send("/communities", Persona.COORDINATOR).statusCode());
        for (int i = 0; i < admission.limit() * 3; i++) {
            assertEquals(200, send("/c/seguridad/news", Persona.LEADER).statusCode());
        }
        awaitAllFree();
    }

    @Test
    void manyPagesAtOnceAllRenderAndGiveTheirPlaceBack() throws Exception {
        awaitAllFree();
        String token = Persona.MEMBER.token();
        java.util.List<CompletableFuture<HttpResponse<String>>> pages = new java.util.ArrayList<>();
        for (int i = 0; i < admission.limit() * 6; i++) {
            pages.add(CLIENT.sendAsync(get("/c/seguridad/feed", Persona.MEMBER), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> page : pages) {
            assertEquals(200, page.get(30, TimeUnit.SECONDS).statusCode());
        }
        assertTrue(token.length() > 0);
        awaitAllFree();
    }

    @Test
    void aVisitorWhoLeavesWhileWaitingDoesNotKeepAPlace() throws Exception {
        String token = Persona.MEMBER.token();
        URI base = URI.create(Uploads.base());
        places.takeAll();
        for (int i = 0; i < 3; i++) {
            try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
                socket.getOutputStream().write(("GET /c/seguridad/feed HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                Thread.sleep(300);
            }
        }
        Thread.sleep(300);
        giveBack();
        awaitAllFree();
        assertEquals(200, send("/c/seguridad/feed", Persona.MEMBER).statusCode());
        awaitAllFree();
    }

    @Test
    void aPageWaitsForAPlaceAndThenRenders() throws Exception {
        places.takeAll();
        CompletableFuture<HttpResponse<String>> page = CLIENT.sendAsync(get("/c/seguridad/feed", Persona.MEMBER),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        assertFalse(page.isDone(), "the page waits while every place is taken");
        places.giveOne();
        HttpResponse<String> answered = page.get(10, TimeUnit.SECONDS);
        assertEquals(200, answered.statusCode());
        assertTrue(answered.body().contains("<main"), "the whole page");
    }

    @Test
    void withNoPlaceInTimeAPageGets503AndTheApiIsNotHeldBack() throws Exception {
        Persona.MEMBER.token();
        places.takeAll();
        long start = System.nanoTime();
        HttpResponse<String> api = send("/api/me", Persona.MEMBER);
        assertEquals(200, api.statusCode(), "the API is not a page");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "and does not wait");

        HttpResponse<String> page = send("/c/seguridad/feed", Persona.MEMBER);
        assertEquals(503, page.statusCode());
        assertTrue(page.headers().firstValue("Retry-After").isPresent());
        assertTrue(page.body().contains("La plataforma está muy ocupada"), "said in the reader's language");
        assertTrue(page.body().contains("href=\"/c/seguridad/feed\""), "with a link to try the same page again");
    }
}
