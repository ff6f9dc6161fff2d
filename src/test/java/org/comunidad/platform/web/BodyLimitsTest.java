package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.GeneratedContent;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Uploads;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Only document uploads take large bodies: any other route refuses a body over its own limit
 * (413), before reading it when its length is announced, as soon as it passes the limit when
 * it is a chunked multipart body; other bodies of unannounced length are refused (411).
 */
@QuarkusTest
class BodyLimitsTest {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(Uploads.base() + "/api/communities/1/news"))
                .header("Authorization", "Bearer " + Persona.COORDINATOR.token())
                .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLargeBodyOutsideTheDocumentUploadsIsRefusedUnread() throws Exception {
        long length = 11L << 20;
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedContent(1, length)), length));
        assertEquals(413, response.statusCode());
    }

    @Test
    void aJsonBodyOfUnknownLengthIsRefused() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream("{\"title\":\"x\",\"body\":\"y\"}".getBytes())));
        assertEquals(411, response.statusCode());
    }

    /** The longest text a form takes (a 5,000-character post, 9 bytes a character once encoded) fits its limit. */
    @Test
    void theLongestPostStillGoesThroughThePageForm() {
        String body = "ñandú ".repeat(833) + "ok";
        assertEquals(5000, body.length());
        var response = org.comunidad.testsupport.Web.form(Persona.MEMBER, "/c/seguridad-asistencia-victimas/posts",
                java.util.Map.of("body", body));
        assertEquals(303, response.statusCode(), response.body().asString());
    }

    /** A plain form over its limit (1 MiB), with its length announced, is refused in the visitor's language. */
    @Test
    void aFormOverItsLimitIsRefusedInTheVisitorsLanguage() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(Uploads.base() + "/language"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "pt")
                .POST(HttpRequest.BodyPublishers.ofString("lang=pt&return=" + "x".repeat(2 << 20))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("O envio é grande demais"), response.body());
    }

    /** The news form has its own limit (an image and its text): an announced 7 MiB is refused unread. */
    @Test
    void theNewsFormHasItsOwnLimit() throws Exception {
        long length = 7L << 20;
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(Uploads.base() + "/c/seguridad/news"))
                .header("Authorization", "Bearer " + Persona.COORDINATOR.token())
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedContent(2, length)), length))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("hasta 6 MB"), response.body());
    }

    /**
     * A chunked multipart body on the news form (the only page form that takes a file besides the
     * document uploads), 64 MiB against its 6 MiB limit: the server counts the bytes as they arrive,
     * answers 413 once past the limit and closes the connection, having spooled no more than the
     * limit (and deleted it), instead of spooling it all to disk before the image check.
     */
    @Test
    void aChunkedMultipartBodyOnTheNewsFormIsCutOffAtTheLimit() throws Exception {
        long sendAtMost = 64L << 20;
        long spoolAllowed = (6L << 20) + (64 << 10);
        Path uploads = Path.of(ConfigProvider.getConfig().getValue("quarkus.http.body.uploads-directory", String.class))
                .toAbsolutePath();
        AtomicLong largestSpool = new AtomicLong();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                largestSpool.accumulateAndGet(largestFile(uploads), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();

        String boundary = "----limitTest";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nFoto enorme\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"foto.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n";
        long started = System.nanoTime();
        long sent = 0;
        String statusLine;
        boolean closed;
        try (Socket socket = new Socket("localhost", ComunidadTestResource.APP_PORT)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            java.util.concurrent.CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    StringBuilder line = new StringBuilder();
                    int c;
                    while ((c = in.read()) != -1 && c != '\n') {
                        line.append((char) c);
                    }
                    return line.toString().strip();
                } catch (IOException e) {
                    return "read failed: " + e;
                }
            });
            out.write(("POST /c/seguridad/news HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Persona.COORDINATOR.token() + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] first = head.getBytes(StandardCharsets.US_ASCII);
            byte[] block = new byte[64 << 10];
            new Random(7).nextBytes(block);
            try {
                writeChunk(out, first, first.length);
                while (sent < sendAtMost && !answer.isDone()) {
                    writeChunk(out, block, block.length);
                    sent += block.length;
                }
            } catch (IOException closedByServer) {
                // the server stopped reading and closed the connection: expected
            }
            statusLine = answer.get(30, TimeUnit.SECONDS);
            closed = closedSoon(in);
        } finally {
            watching.set(false);
            watcher.join();
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(statusLine.startsWith("HTTP/1.1 413"), "answer: " + statusLine + " after " + sent + " bytes");
        assertTrue(sent < sendAtMost, "the server answered before the client had sent everything: " + sent);
        assertTrue(elapsedMillis < 15_000, "answered in " + elapsedMillis + " ms");
        assertTrue(closed, "the server closed the connection");
        assertTrue(largestSpool.get() <= spoolAllowed, "at most the limit was spooled: " + largestSpool.get());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (largestFile(uploads) > 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertEquals(0L, largestFile(uploads), "no spool file is left");
    }

    private static void writeChunk(OutputStream out, byte[] data, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** True when the server closes the connection (end of stream or reset) within a few seconds. */
    private static boolean closedSoon(InputStream in) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        byte[] buffer = new byte[8192];
        try {
            while (System.nanoTime() < until) {
                if (in.read(buffer) == -1) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static long largestFile(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.mapToLong(f -> {
                try {
                    return Files.isRegularFile(f) ? Files.size(f) : 0;
                } catch (IOException gone) {
                    return 0;
                }
            }).max().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
