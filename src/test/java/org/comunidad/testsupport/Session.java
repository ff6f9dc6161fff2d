package org.comunidad.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session without a browser: signs in through the real Keycloak login form (the
 * authorization code flow, as {@link Browser#signIn} does in Chromium) and keeps the cookies it
 * is given, so that tests can send requests that carry the session cookie, as a cross-site
 * attacker's forged request would. Cookies are kept per host and sent whatever their Secure
 * flag says (Keycloak marks its cookies Secure even on http://localhost, and browsers send
 * them there); every Set-Cookie the app sends is recorded for tests that inspect cookie attributes.
 */
public final class Session {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]*login-actions/authenticate[^\"]*)\"");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** host:port -> cookie name -> value. */
    private final Map<String, Map<String, String>> jar = new ConcurrentHashMap<>();
    private final List<String> setCookies = new ArrayList<>();
    private final String app;

    private Session(String app) {
        this.app = app;
    }

    /** Signs in as this demo user on the app under test (through its Keycloak) and returns the session. */
    public static Session signIn(String username) {
        return signIn("http://localhost:" + ComunidadTestResource.APP_PORT, username, Map.of());
    }

    /**
     * Signs in on the app at this base URL; {@code headers} go with every request to the app (a test
     * may pose as a proxy with X-Forwarded-*).
     */
    public static Session signIn(String app, String username, Map<String, String> headers) {
        Session session = new Session(app);
        try {
            HttpResponse<String> login = session.get(app + "/communities", headers);
            if (login.statusCode() != 302) {
                throw new AssertionError("expected a redirect to Keycloak, got " + login.statusCode());
            }
            HttpResponse<String> form = session.follow(login, headers);
            Matcher action = FORM_ACTION.matcher(form.body());
            if (!action.find()) {
                throw new AssertionError("no login form on Keycloak's page: " + form.body());
            }
            HttpResponse<String> callback = session.send(HttpRequest.newBuilder(URI.create(unescape(action.group(1))))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                            + encode(Tokens.PASSWORD) + "&credentialId=")), Map.of());
            if (callback.statusCode() != 302 || !location(callback).startsWith(app)) {
                throw new AssertionError("Keycloak did not send the browser back to the app: " + callback.statusCode()
                        + " " + callback.headers().map() + "\n" + callback.body());
            }
            HttpResponse<String> signedIn = session.follow(callback, headers);
            if (signedIn.statusCode() != 302 || session.appCookies().keySet().stream().noneMatch(n -> n.startsWith("q_session"))) {
                throw new AssertionError("the app did not open a session: " + signedIn.statusCode() + " "
                        + signedIn.headers().map());
            }
            return session;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The app's cookies now held (name -> value): the session cookies, the CSRF cookie... */
    public Map<String, String> appCookies() {
        return Map.copyOf(jar.getOrDefault(hostOf(URI.create(app)), Map.of()));
    }

    /** Every Set-Cookie header the app (not Keycloak) sent so far, in order. */
    public synchronized List<String> appSetCookieHeaders() {
        return List.copyOf(setCookies);
    }

    /** The app's form token, read from a page as a browser would (its cookie is kept). */
    public String csrfToken() {
        HttpResponse<String> page = get(app + "/");
        Matcher matcher = Pattern.compile("name=\"" + Csrf.FIELD + "\" value=\"([^\"]+)\"").matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF field on the page: " + page.body());
        }
        return matcher.group(1);
    }

    public HttpResponse<String> get(String url) {
        return get(url, Map.of());
    }

    public HttpResponse<String> get(String url, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    /** Sends a request with the cookies held for its host; keeps the cookies of the answer. */
    public HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) {
        HttpRequest built = request.build();
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(built.uri())
                .method(built.method(), built.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
        built.headers().map().forEach((name, values) -> values.forEach(v -> withCookies.header(name, v)));
        headers.forEach(withCookies::header);
        Map<String, String> cookies = jar.getOrDefault(hostOf(built.uri()), Map.of());
        if (!cookies.isEmpty()) {
            withCookies.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        try {
            HttpResponse<String> response = client.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            keep(built.uri(), response);
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> follow(HttpResponse<String> redirect, Map<String, String> headers)
            throws IOException, InterruptedException {
        URI target = redirect.uri().resolve(location(redirect));
        return send(HttpRequest.newBuilder(target).GET(), target.toString().startsWith(app) ? headers : Map.of());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private synchronized void keep(URI uri, HttpResponse<?> response) {
        Map<String, String> cookies = jar.computeIfAbsent(hostOf(uri), h -> new LinkedHashMap<>());
        boolean fromApp = hostOf(uri).equals(hostOf(URI.create(app)));
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (fromApp) {
                setCookies.add(header);
            }
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            boolean expired = header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static String hostOf(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=");
    }
}
