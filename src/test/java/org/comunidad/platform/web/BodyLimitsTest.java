package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.comunidad.testsupport.GeneratedContent;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Uploads;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Only document uploads take large bodies: any other route refuses a body over 10 MB (413)
 * or a JSON body of unannounced length (411) before reading it.
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
}
