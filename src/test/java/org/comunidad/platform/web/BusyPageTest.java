package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Persona;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The busy page's "try again" link goes back to the page that was asked for, on this site only,
 * whatever the request line held: an absolute URI, a protocol-relative path, quotes or spaces.
 */
@QuarkusTest
class BusyPageTest {

    static final Pattern RETRY = Pattern.compile("<a class=\"button\" href=\"([^\"]*)\"");

    @Inject
    TakenPlaces places;

    @AfterEach
    void giveBack() {
        places.giveBack();
    }

    /** Sends the request line as written (no client normalises it) and reads the whole answer. */
    private static String raw(String target, String token) {
        try (Socket socket = new Socket("localhost", ComunidadTestResource.APP_PORT)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Accept-Language: es\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "failed: " + e;
        }
    }

    @Test
    void theRetryLinkStaysOnThisSite() throws Exception {
        String token = Persona.MEMBER.token();
        places.takeAll();
        Map<String, String> expected = Map.of(
                "http://evil.example/c/seguridad/feed", "/c/seguridad/feed",
                "//evil.example/../c/seguridad/feed", "/c/seguridad/feed",
                "/c/seguridad/feed?before=2026-01-01&x=%22%3E%3Cb%3E", "/c/seguridad/feed?before=2026-01-01&x=%22%3E%3Cb%3E",
                "/c/seguridad/feed?next=//evil.example", "/c/seguridad/feed?next=//evil.example");
        List<CompletableFuture<String>> answers = new ArrayList<>();
        List<String> targets = new ArrayList<>(expected.keySet());
        for (String target : targets) {
            answers.add(CompletableFuture.supplyAsync(() -> raw(target, token)));
        }
        for (int i = 0; i < targets.size(); i++) {
            String answer = answers.get(i).get(60, TimeUnit.SECONDS);
            assertTrue(answer.startsWith("HTTP/1.1 503"), targets.get(i) + ": " + answer);
            Matcher retry = RETRY.matcher(answer);
            assertTrue(retry.find(), answer);
            String href = retry.group(1).replace("&amp;", "&");
            assertEquals(expected.get(targets.get(i)), href, "retry link for " + targets.get(i));
            assertTrue(answer.contains("Volver a intentar"), "in the member's language");
        }
    }
}
