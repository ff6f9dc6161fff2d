package org.comunidad.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Requests to the cluster as the demo users: tokens from Keycloak behind its load balancer, form tokens from a page. */
final class Client {

    static final String PASSWORD = "Comunidad.2026";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Client() {
    }

    /** An access token of the test client (password grant), through Keycloak's load balancer. */
    static String token(String username) {
        return TOKENS.computeIfAbsent(username, Client::freshToken);
    }

    static String freshToken(String username) {
        String body = "grant_type=password&client_id=comunidad-test&client_secret=test-secret&scope=openid&username="
                + enc(username) + "&password=" + enc(PASSWORD);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(Cluster.get().issuer()
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (answer.statusCode() != 200) {
            throw new AssertionError("no token for " + username + ": " + answer.statusCode() + " " + answer.body());
        }
        return json(answer.body()).get("access_token").asText();
    }

    static HttpResponse<String> get(String url, String username) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token(username)).GET());
    }

    /** The CSRF cookie and form token, read from the landing page as this user. */
    static String[] csrf(String base, String username) {
        HttpResponse<String> page = get(base + "/", username);
        Matcher m = CSRF_FIELD.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no form token on " + base + "/: " + page.statusCode());
        }
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("csrf-token="))
                .map(c -> c.split(";", 2)[0].substring("csrf-token=".length())).findFirst()
                .orElseThrow(() -> new AssertionError("no csrf cookie"));
        return new String[] { cookie, m.group(1) };
    }

    /** Submits a form as this user, with its form token. */
    static HttpResponse<String> form(String base, String path, String username, Map<String, String> fields) {
        String[] csrf = csrf(base, username);
        String body = "csrf-token=" + enc(csrf[1]) + fields.entrySet().stream()
                .map(e -> "&" + enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining());
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token(username))
                .header("Cookie", "csrf-token=" + csrf[0])
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> postJson(String url, String username, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token(username))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The id of a member, by username (the demo data or their first request made the row). */
    static long memberId(String username) {
        get(Cluster.get().lbUrl() + "/api/me", username);
        return Cluster.get().count("select id from member where username = ?", username);
    }
}
