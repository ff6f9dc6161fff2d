package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.comunidad.community.Community;
import org.comunidad.member.Member;
import org.comunidad.platform.web.ResourceRoutes.Param;
import org.comunidad.platform.web.ResourceRoutes.Route;
import org.comunidad.platform.web.ResourceRoutes.Source;
import org.comunidad.testsupport.Csrf;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.TestFiles;
import org.comunidad.testsupport.Uploads;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Bad input never breaks the server (issue 12, point 8): every query, form, header and path
 * parameter of every route of the application (found in its compiled classes, see
 * {@link ResourceRoutes}) gets huge, negative, non-numeric, overlong and invalid UTF-8 values,
 * and is left out; every answer is below 500. Path parameters that are not under test hold real
 * values found by following the links of the pages, starting from content this test wrote
 * itself (so the actions that succeed act on that content). Bad values then get a message in
 * the reader's language.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    static final String GROUP = "seguridad";
    static final String SUBGROUP = "seguridad-asistencia-victimas";

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A value left out entirely (a missing required field). */
    static final String MISSING = "\u0000missing";

    /** The bad values, as they go on the wire (already percent-encoded where they are in a URL or form). */
    static final List<String> BAD = List.of("2147483647", "99999999999999999999", "-1", "-2147483648", "abc",
            "x".repeat(10_000), "%C3%28", "%FF", "", MISSING);

    static final Pattern LINK = Pattern.compile("(?:href|action)=\"(/[^\"#?]*)(?:\\?[^\"#]*)?(?:#[^\"]*)?\"");
    static final Pattern FORM = Pattern.compile("<form\\b[^>]*\\baction=\"(/[^\"?#]*)[^\"]*\"[^>]*>(.*?)</form>",
            Pattern.DOTALL);
    static final Pattern FIELD = Pattern.compile("<(?:input|select|textarea)\\b[^>]*\\bname=\"([^\"]+)\"");

    ResourceRoutes routes;
    /** Ids of this test's own content, by the path segment that names their kind. */
    final Map<String, String> own = new LinkedHashMap<>();
    /** Concrete paths seen on the pages, in the order they were found (this test's content first). */
    final Set<String> seen = new LinkedHashSet<>();
    /** The fields of each form seen, by the path it posts to. */
    final Map<String, Set<String>> formFields = new LinkedHashMap<>();

    /** Once per class, on the first test (the app's port is known only then). */
    void collect() throws Exception {
        if (routes != null) {
            return;
        }
        routes = ResourceRoutes.ofApplication();
        assertTrue(routes.routes().size() > 80, "the routes were found: " + routes.routes().size());

        // Content of this test's own, so that actions that accept the good half of a request act on it.
        long group = communityId(GROUP);
        long subgroup = communityId(SUBGROUP);
        long news = Web.create(Persona.COORDINATOR, "/api/communities/" + group + "/news",
                Map.of("title", "Novedad de la prueba de entradas", "body", "Texto"));
        long post = Web.create(Persona.COORDINATOR, "/api/communities/" + subgroup + "/posts", Map.of("body", "Publicación"));
        long comment = Web.create(Persona.COORDINATOR, "/api/communities/" + subgroup + "/posts/" + post + "/comments",
                Map.of("body", "Comentario"));
        long discussion = Web.create(Persona.COORDINATOR, "/api/communities/" + subgroup + "/discussions",
                Map.of("title", "Debate de la prueba", "agendaTopic", "Punto 1", "opening", "Propuesta"));
        long reply = Web.create(Persona.COORDINATOR, "/api/communities/" + subgroup + "/discussions/" + discussion + "/replies",
                Map.of("body", "Respuesta"));
        String folder = Web.form(Persona.COORDINATOR, "/c/" + GROUP + "/documents/folders", Map.of("name", "Carpeta de la prueba"))
                .header("Location").replaceAll(".*folder=(\\d+).*", "$1");
        var upload = Uploads.upload(Persona.COORDINATOR, "/c/" + GROUP + "/documents/upload", "entradas.pdf",
                TestFiles.pdf("Entradas"), Uploads.report("Documento de la prueba de entradas"));
        long document = ((Number) upload.jsonPath().get("id")).longValue();
        own.put("news", String.valueOf(news));
        own.put("posts", String.valueOf(post));
        own.put("comments", String.valueOf(comment));
        own.put("discussions", String.valueOf(discussion));
        own.put("replies", String.valueOf(reply));
        own.put("documents", String.valueOf(document));
        own.put("trash", String.valueOf(document));
        own.put("folders", folder);
        // Member administration acts on the forum admin's own record, which nobody may switch off or
        // take roles from themselves (400): a request that gets through can lock no persona out.
        own.put("members", String.valueOf(QuarkusTransaction.requiringNew().call(
                () -> Member.<Member>find("username", Persona.ADMIN.username).firstResult().id)));
        own.put("officials", own.get("members"));

        crawl(Persona.COORDINATOR, List.of("/c/" + GROUP + "/news/" + news, "/c/" + SUBGROUP + "/posts/" + post,
                "/c/" + SUBGROUP + "/discussions/" + discussion, "/c/" + GROUP + "/documents/" + document,
                "/c/" + GROUP + "/documents", "/c/" + GROUP, "/c/" + SUBGROUP, "/"), 250);
        crawl(Persona.ADMIN, List.of("/", "/audit", "/presidency", "/communities"), 60);
    }

    @Test
    void noBadValueOfAnyParameterOfAnyRouteIsAServerError() throws Exception {
        collect();
        Map<Persona, Csrf> csrf = Map.of(Persona.COORDINATOR, Csrf.fetch(Persona.COORDINATOR), Persona.ADMIN,
                Csrf.fetch(Persona.ADMIN));
        List<String> failures = new ArrayList<>();
        List<Route> unresolved = new ArrayList<>();
        int requests = 0;
        int fuzzedRoutes = 0;
        for (Route route : routes.routes()) {
            Map<String, String> path = pathValues(route);
            if (path == null) {
                unresolved.add(route);
                path = fallbackPath(route);
            }
            path = sparePersonas(route, path);
            List<Param> params = new ArrayList<>(route.params());
            // Bodies read as a whole map name their fields nowhere but in the page's form.
            for (String field : formFields.getOrDefault(route.path(path), Set.of())) {
                if (params.stream().noneMatch(p -> p.name().equals(field)) && !field.equals(Csrf.FIELD)) {
                    params.add(new Param(field, Source.FORM, "java.lang.String"));
                }
            }
            if (params.isEmpty()) {
                continue;
            }
            fuzzedRoutes++;
            Set<Persona> personas = new LinkedHashSet<>(List.of(Persona.COORDINATOR));
            for (int round = 0; round < 2; round++) {
                boolean refused = true;
                for (Persona persona : personas) {
                    for (Param param : params) {
                        for (String value : BAD) {
                            if (value == MISSING && param.source() == Source.PATH) {
                                continue;
                            }
                            HttpResponse<String> response;
                            try {
                                response = sendOnce(route, params, path, param, value, persona, csrf.get(persona));
                            } catch (java.io.IOException e) {
                                failures.add("no answer " + route + " [" + route.declaredBy() + "] " + param.source() + " "
                                        + param.name() + "=" + shortly(value) + " as " + persona + ": " + e);
                                continue;
                            }
                            requests++;
                            refused &= response.statusCode() == 403 || response.statusCode() == 404;
                            if (response.statusCode() >= 500) {
                                failures.add(response.statusCode() + " " + route + " [" + route.declaredBy() + "] "
                                        + param.source() + " " + param.name() + "=" + shortly(value) + " as " + persona
                                        + ": " + shortly(response.body()));
                            }
                        }
                    }
                }
                if (!refused || personas.contains(Persona.ADMIN)) {
                    break;
                }
                // Routes of the forum admin only: again as the admin, so that the parameters are reached.
                personas = Set.of(Persona.ADMIN);
            }
        }
        System.out.printf("BadInputTest: %d routes, %d with parameters, %d requests; %d routes without a real path found: %s%n",
                routes.routes().size(), fuzzedRoutes, requests, unresolved.size(), unresolved);
        assertTrue(failures.isEmpty(), failures.size() + " server errors:\n" + String.join("\n", failures));
    }

    /** The message for a bad value is in the reader's language, for pages and the API. */
    @ParameterizedTest
    @CsvSource({
            "es, /c/seguridad/news?page=abc, no es válido",
            "pt, /c/seguridad/news?page=abc, não é válido",
            "en, /c/seguridad/news?page=abc, is not valid",
            "en, /notifications?before=99999999999999999999, is not valid",
            "pt, /c/seguridad/documents?folder=abc, não é válido" })
    void aBadValueIsRefusedInTheReadersLanguage(String language, String path, String message) throws Exception {
        String previous = setLanguage(Persona.COORDINATOR, language);
        try {
            HttpResponse<String> page = CLIENT.send(request(path, Persona.COORDINATOR).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, page.statusCode(), page.body());
            assertTrue(page.body().contains(message), "in " + language + ": " + page.body());
        } finally {
            setLanguage(Persona.COORDINATOR, previous);
        }
    }

    @Test
    void aHugePageNumberIsAnEmptyPageNotAnError() throws Exception {
        for (String path : List.of("/c/seguridad/news?page=2147483647", "/documents?page=2147483647",
                "/c/seguridad-asistencia-victimas/posts?page=2147483647",
                "/api/communities/" + communityId(GROUP) + "/news?page=2147483647")) {
            HttpResponse<String> page = CLIENT.send(request(path, Persona.COORDINATOR).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), path + ": " + shortly(page.body()));
        }
    }

    @Test
    void aHugeIdIsNotFound() throws Exception {
        for (String path : List.of("/c/seguridad/documents/99999999999999999999", "/c/seguridad/news/99999999999999999999",
                "/c/seguridad/documents/-1", "/api/communities/99999999999999999999")) {
            HttpResponse<String> page = CLIENT.send(request(path, Persona.COORDINATOR).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, page.statusCode(), path);
        }
    }

    /**
     * A CSRF token that is not shaped like one, in the header or the form, is a bad request (the
     * CSRF extension failed with a 500 decoding it; the form's answer is a page in the user's
     * language, the header's, sent by scripts only, a bare 400); a damaged cookie is no server
     * error either.
     */
    @Test
    void aDamagedCsrfTokenIsABadRequest() throws Exception {
        Csrf csrf = Csrf.fetch(Persona.COORDINATOR);
        HttpResponse<String> header = CLIENT.send(request("/notifications/read-all", Persona.COORDINATOR)
                .header("Cookie", Csrf.COOKIE + "=" + csrf.cookie()).header("X-CSRF-TOKEN", "a.b~c")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, header.statusCode(), header.body());

        HttpResponse<String> form = CLIENT.send(request("/language", Persona.COORDINATOR)
                .header("Cookie", Csrf.COOKIE + "=" + csrf.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Csrf.FIELD + "=%C3%28&lang=es&return=/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, form.statusCode(), form.body());
        assertTrue(form.body().contains("<html lang=\"es\""), "a page in the user's language: " + form.body());

        HttpResponse<String> cookie = CLIENT.send(request("/c/seguridad", Persona.COORDINATOR)
                .header("Cookie", Csrf.COOKIE + "=a.b~c").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(cookie.statusCode() < 500, "a damaged cookie: " + cookie.statusCode());
    }

    /** An API answer for a bad value is JSON that names the parameter, in the caller's language. */
    @Test
    void theApiNamesTheBadParameter() throws Exception {
        String previous = setLanguage(Persona.COORDINATOR, "en");
        try {
            HttpResponse<String> answer = CLIENT.send(request("/api/communities/" + communityId(GROUP) + "/news?page=abc",
                    Persona.COORDINATOR).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, answer.statusCode(), answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertTrue(answer.body().contains("\"field\":\"page\""), answer.body());
            assertTrue(answer.body().contains("is not valid"), answer.body());
        } finally {
            setLanguage(Persona.COORDINATOR, previous);
        }
    }

    // ---------------------------------------------------------------- requests

    /**
     * The request, again once on a fresh connection if the first attempt found its pooled connection
     * closed (the server closes it after refusing an overlong request line, and the JDK's client
     * retries only idempotent requests by itself).
     */
    private HttpResponse<String> sendOnce(Route route, List<Param> params, Map<String, String> path, Param target,
            String value, Persona persona, Csrf csrf) throws Exception {
        try {
            return send(route, params, path, target, value, persona, csrf);
        } catch (java.io.IOException closed) {
            return send(route, params, path, target, value, persona, csrf);
        }
    }

    private HttpResponse<String> send(Route route, List<Param> params, Map<String, String> realPath, Param target,
            String value, Persona persona, Csrf csrf) throws Exception {
        Map<String, String> path = new LinkedHashMap<>(realPath);
        List<String> query = new ArrayList<>();
        Map<String, String> form = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> json = new LinkedHashMap<>();
        for (Param param : params) {
            boolean fuzzed = param.equals(target);
            if (param.source() == Source.PATH && !fuzzed) {
                continue; // the real value found for it
            }
            String v = fuzzed ? value : good(param);
            if (v == MISSING || v == null) {
                continue;
            }
            switch (param.source()) {
                case PATH -> path.put(param.name(), fuzzed ? v : encode(v));
                case QUERY -> query.add(param.name() + "=" + (fuzzed ? v : encode(v)));
                case FORM -> form.put(param.name(), fuzzed ? v : encode(v));
                case HEADER -> headers.put(param.name(), v.startsWith("%") || v.length() > 1000 ? "x" + v.length() : v);
                case JSON -> json.put(param.name(), jsonValue(param, v, fuzzed));
            }
        }
        String uri = route.path(path) + (query.isEmpty() ? "" : "?" + String.join("&", query));
        HttpRequest.Builder request = request(uri, persona);
        headers.forEach((name, v) -> {
            try {
                request.header(name, v);
            } catch (IllegalArgumentException restricted) {
                // Content-Length and the like: the client sets them itself.
            }
        });
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (!route.method().equals("GET")) {
            request.header("Cookie", Csrf.COOKIE + "=" + csrf.cookie()).header("X-CSRF-TOKEN", csrf.token());
            String type = route.body() == null ? "application/x-www-form-urlencoded" : route.body();
            if (type.startsWith("multipart/")) {
                String boundary = "----comunidad-bad-input";
                request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
                body = HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, form, csrf));
            } else if (type.startsWith("application/x-www-form-urlencoded")) {
                request.header("Content-Type", "application/x-www-form-urlencoded");
                String fields = form.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&"));
                body = HttpRequest.BodyPublishers.ofString(Csrf.FIELD + "=" + encode(csrf.token())
                        + (fields.isEmpty() ? "" : "&" + fields));
            } else if (type.startsWith("application/json")) {
                request.header("Content-Type", "application/json");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes("{".getBytes(StandardCharsets.UTF_8));
                String comma = "";
                for (Map.Entry<String, String> field : json.entrySet()) {
                    out.writeBytes((comma + "\"" + field.getKey() + "\":").getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(decodeToBytes(field.getValue()));
                    comma = ",";
                }
                out.writeBytes("}".getBytes(StandardCharsets.UTF_8));
                body = HttpRequest.BodyPublishers.ofByteArray(out.toByteArray());
            } else {
                request.header("Content-Type", type).header("X-File-Name", "entradas.txt");
                body = HttpRequest.BodyPublishers.ofString("texto");
            }
        }
        return CLIENT.send(request.method(route.method(), body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Form fields as raw bytes: the percent-escapes of the bad values become the bytes they stand for. */
    private static byte[] multipart(String boundary, Map<String, String> form, Csrf csrf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(Csrf.FIELD, encode(csrf.token()));
        fields.putAll(form);
        fields.forEach((name, value) -> {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(decodeToBytes(value));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] decodeToBytes(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /**
     * A JSON value, percent-encoded like the others (so invalid UTF-8 goes into the body as raw
     * bytes): numbers as they are where the field is numeric, everything else as a string.
     */
    private static String jsonValue(Param param, String value, boolean fuzzed) {
        boolean numeric = Set.of("int", "long", "java.lang.Integer", "java.lang.Long").contains(param.type());
        if (numeric && value.matches("-?\\d+")) {
            return value;
        }
        String raw = fuzzed ? value : encode(value);
        return "%22" + raw.replace("%22", "%5C%22") + "%22";
    }

    /** A plausible value for a parameter that is not under test. */
    private static String good(Param param) {
        String name = param.name().toLowerCase();
        return switch (param.type()) {
            case "boolean", "java.lang.Boolean" -> "false";
            case "int", "long", "java.lang.Integer", "java.lang.Long" -> name.equals("page") ? "1" : MISSING;
            case "org.jboss.resteasy.reactive.multipart.FileUpload", "java.util.List" -> MISSING;
            default -> name.contains("date") || name.equals("from") || name.equals("to") || name.equals("startson")
                    ? "2030-01-06"
                    : name.contains("email") ? "entradas@example.org"
                    : name.contains("link") || name.contains("url") ? "https://example.org"
                    : name.equals("lang") || name.equals("language") ? "es"
                    : param.source() == Source.QUERY || param.source() == Source.HEADER ? MISSING : "Texto";
        };
    }

    static HttpRequest.Builder request(String path, Persona persona) {
        return HttpRequest.newBuilder(URI.create(Uploads.base() + path)).timeout(Duration.ofSeconds(60))
                .header("Accept-Language", "es").header("Authorization", "Bearer " + persona.token());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- real paths

    private void crawl(Persona persona, List<String> seeds, int max) throws Exception {
        Deque<String> queue = new ArrayDeque<>(seeds);
        Set<String> visited = new LinkedHashSet<>();
        while (!queue.isEmpty() && visited.size() < max) {
            String path = queue.removeFirst();
            if (!visited.add(path)) {
                continue;
            }
            HttpResponse<String> page = CLIENT.send(request(path, persona).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200 || !page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue;
            }
            seen.add(path);
            Matcher forms = FORM.matcher(page.body());
            while (forms.find()) {
                Set<String> fields = formFields.computeIfAbsent(forms.group(1), k -> new LinkedHashSet<>());
                Matcher field = FIELD.matcher(forms.group(2));
                while (field.find()) {
                    fields.add(field.group(1));
                }
            }
            Matcher links = LINK.matcher(page.body());
            while (links.find()) {
                String link = links.group(1);
                seen.add(link);
                if (!visited.contains(link) && crawlable(link)) {
                    queue.addLast(link);
                }
            }
        }
    }

    private static boolean crawlable(String link) {
        return !(link.startsWith("/logout") || link.startsWith("/q/") || link.startsWith("/auth") || link.endsWith("/file")
                || link.endsWith("/preview") || link.endsWith(".csv") || link.endsWith(".vcf") || link.endsWith("/image")
                || link.startsWith("/static") || link.contains("."));
    }

    /** The first concrete path seen for the route's template, or null. */
    private Map<String, String> pathValues(Route route) {
        if (route.names().isEmpty()) {
            return Map.of();
        }
        for (String path : seen) {
            if (route.matches(path)) {
                return route.values(path);
            }
        }
        return null;
    }

    /** Path values for a template no page links to (the API's, actions on content of this test's own). */
    private Map<String, String> fallbackPath(Route route) {
        boolean subgroup = route.template().contains("/posts") || route.template().contains("/discussions");
        Map<String, String> values = new LinkedHashMap<>();
        String[] segments = route.template().split("/");
        for (int i = 0; i < segments.length; i++) {
            java.util.regex.Matcher m = ResourceRoutes.TEMPLATE_PARAM.matcher(segments[i]);
            if (!m.matches()) {
                continue;
            }
            String before = i > 0 ? segments[i - 1] : "";
            String value = m.group(1).equals("slug") ? (subgroup ? SUBGROUP : GROUP)
                    : before.equals("communities") || before.equals("join")
                            ? String.valueOf(communityId(subgroup ? SUBGROUP : GROUP))
                            : own.getOrDefault(before, "1");
            values.put(m.group(1), value);
        }
        return values;
    }

    /**
     * Member administration acts on the admin's own record, never on the member a page links to
     * first: an account switch reads anything but "true" as "disable", and must not lock out the
     * personas the rest of the suite signs in as.
     */
    private Map<String, String> sparePersonas(Route route, Map<String, String> path) {
        Map<String, String> values = new LinkedHashMap<>(path);
        String[] segments = route.template().split("/");
        for (int i = 1; i < segments.length; i++) {
            java.util.regex.Matcher m = ResourceRoutes.TEMPLATE_PARAM.matcher(segments[i]);
            if (m.matches() && (segments[i - 1].equals("members") || segments[i - 1].equals("officials"))) {
                values.put(m.group(1), own.get("members"));
            }
        }
        return values;
    }

    static long communityId(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Community.bySlug(slug).orElseThrow().id);
    }

    static String setLanguage(Persona persona, String language) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Member member = Member.find("username", persona.username).<Member>firstResultOptional().orElseThrow();
            String previous = member.language;
            member.language = language;
            return previous;
        });
    }

    private static String shortly(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…(" + flat.length() + ")" : flat;
    }
}
