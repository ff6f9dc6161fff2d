package org.comunidad.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.restassured.response.Response;

/**
 * Uploads as the documents page's script sends them: one file per request body, the name
 * in X-File-Name, the CSRF token in X-CSRF-TOKEN, the metadata in the query.
 */
public final class Uploads {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Uploads() {
    }

    /** Metadata that passes validation: a report in Spanish from Peru. */
    public static Map<String, String> report(String title) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("title", title);
        meta.put("type", "REPORT");
        meta.put("language", "es");
        meta.put("country", "PE");
        return meta;
    }

    /** A small file, through RestAssured. */
    public static Response upload(Persona persona, String path, String fileName, byte[] content,
            Map<String, String> query) {
        Csrf csrf = Csrf.fetch(persona);
        var request = persona.request().cookie(Csrf.COOKIE, csrf.cookie())
                .header("X-CSRF-TOKEN", csrf.token())
                .header("X-File-Name", URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .contentType("application/octet-stream").body(content);
        query.forEach(request::queryParam);
        return request.post(path);
    }

    /** Any size, streamed from the supplier with a declared length, through the JDK client. */
    public static HttpResponse<String> stream(Persona persona, String path, String fileName,
            Supplier<InputStream> content, long length, Map<String, String> query) throws IOException, InterruptedException {
        Csrf csrf = Csrf.fetch(persona);
        String q = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path + (q.isEmpty() ? "" : "?" + q)))
                .header("Authorization", "Bearer " + persona.token())
                .header("Cookie", Csrf.COOKIE + "=" + csrf.cookie())
                .header("X-CSRF-TOKEN", csrf.token())
                .header("X-File-Name", URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofMinutes(20))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(content), length))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A download as a stream (the caller reads and closes it). */
    public static HttpResponse<InputStream> download(Persona persona, String path, String range)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + persona.token()).timeout(Duration.ofMinutes(20)).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    public static String base() {
        return "http://localhost:" + ComunidadTestResource.APP_PORT;
    }
}
