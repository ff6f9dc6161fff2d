package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.community.Community;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Session;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every state-changing request on the pages needs the form token, whatever its content type:
 * none, text/plain, or a form without the token. The routes are read from the application
 * itself (its JAX-RS resources), so a new route is covered without editing this test. The
 * requests carry a real session cookie from the Keycloak sign-in, as a forged cross-site
 * request would.
 */
@QuarkusTest
class CsrfTest {

    static final String APP = "http://localhost:" + ComunidadTestResource.APP_PORT;
    /** The refusal page's title in Spanish (the member's language) and English. */
    static final String REFUSED_ES = "No se aceptó el envío";
    static final String REFUSED_EN = "The request was not accepted";

    static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();

    static Session colombia;

    @Inject
    EntityManager em;

    @BeforeAll
    static void signIn() {
        colombia = Session.signIn(Persona.GROUP_MEMBER.username);
    }

    /** A POST/PUT/PATCH/DELETE route of the pages, with the media types it consumes. */
    record Route(String method, String template, List<String> consumes) {
        String path() {
            Matcher m = Pattern.compile("\\{\\s*([A-Za-z0-9_]+)\\s*(?::[^}]*)?}").matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                m.appendReplacement(out, name.equals("slug") ? "seguridad" : "1");
            }
            m.appendTail(out);
            return out.toString();
        }

        boolean multipart() {
            return consumes.stream().anyMatch(c -> c.startsWith(MediaType.MULTIPART_FORM_DATA));
        }
    }

    /** Every state-changing route of the pages, from the resource classes the application runs. */
    static List<Route> stateChangingPageRoutes() {
        Set<Bean<?>> beans = Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE);
        List<Route> routes = new ArrayList<>();
        Set<Class<?>> seen = new java.util.HashSet<>();
        for (Bean<?> bean : beans) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null || !seen.add(type)) {
                continue;
            }
            Consumes classConsumes = type.getAnnotation(Consumes.class);
            for (Method method : type.getMethods()) {
                String verb = Arrays.stream(method.getAnnotations())
                        .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                        .filter(java.util.Objects::nonNull).map(HttpMethod::value).findFirst().orElse(null);
                if (verb == null || Set.of("GET", "HEAD", "OPTIONS").contains(verb)) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String template = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                if (template.equals("/api") || template.startsWith("/api/")) {
                    continue;
                }
                Consumes consumes = method.getAnnotation(Consumes.class) != null ? method.getAnnotation(Consumes.class)
                        : classConsumes;
                routes.add(new Route(verb, template, consumes == null ? List.of() : List.of(consumes.value())));
            }
        }
        routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        return routes;
    }

    private static String join(String a, String b) {
        String joined = ("/" + a + "/" + b).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    @Test
    void theRoutesAreReadFromTheApplication() {
        List<Route> routes = stateChangingPageRoutes();
        Set<String> templates = new TreeSet<>(routes.stream().map(r -> r.method() + " " + r.template()).toList());
        assertTrue(templates.contains("POST /notifications/read-all"), templates.toString());
        assertTrue(templates.contains("POST /language"), templates.toString());
        assertTrue(templates.contains("POST /c/{slug}/news"), templates.toString());
        assertTrue(routes.size() >= 50, "only " + routes.size() + " routes found: " + templates);
    }

    @Test
    void everyStateChangingPageRouteRefusesARequestWithoutTheToken() {
        List<String> accepted = new ArrayList<>();
        for (Route route : stateChangingPageRoutes()) {
            String url = APP + route.path();
            check(accepted, route, "no Content-Type, no body",
                    colombia.send(HttpRequest.newBuilder(URI.create(url)).method(route.method(),
                            HttpRequest.BodyPublishers.noBody()), Map.of()));
            check(accepted, route, "text/plain",
                    colombia.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/plain")
                            .method(route.method(), HttpRequest.BodyPublishers.ofString("lang=en&body=x")), Map.of()));
            if (route.multipart()) {
                String boundary = "csrfTestBoundary";
                check(accepted, route, "multipart without the token",
                        colombia.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .method(route.method(), HttpRequest.BodyPublishers.ofString("--" + boundary
                                        + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--" + boundary
                                        + "--\r\n")), Map.of()));
            } else {
                check(accepted, route, "form without the token",
                        colombia.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .method(route.method(), HttpRequest.BodyPublishers.ofString("lang=en&body=x")), Map.of()));
            }
        }
        assertEquals(List.of(), accepted, "requests without the token that were not refused");
    }

    /**
     * Refused means: 415 (the route does not read that kind of body, nothing ran) or the CSRF refusal,
     * 403 with the page in the member's language. Anything else (a redirect, a page, a 404 from the
     * resource) means the resource method ran.
     */
    private static void check(List<String> accepted, Route route, String variant, HttpResponse<String> response) {
        int status = response.statusCode();
        boolean refused = status == 415 || status == 403 && response.body().contains(REFUSED_ES);
        if (!refused) {
            accepted.add(route.method() + " " + route.path() + " (" + variant + "): " + status);
        }
    }

    long unread(String username) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from notification n join member m on m.id = n.member_id
                where m.username = ?1 and n.read_at is null""").setParameter(1, username).getSingleResult()).longValue());
    }

    @Test
    void aForgedReadAllChangesNothing() {
        long subgroup = QuarkusTransaction.requiringNew()
                .call(() -> Community.bySlug("seguridad-asistencia-victimas").orElseThrow().id);
        Web.create(Persona.MEMBER, "/api/communities/" + subgroup + "/posts",
                Map.of("body", "Revisión del protocolo, @pf.colombia: ¿la ves?"));
        long before = unread(Persona.GROUP_MEMBER.username);
        assertTrue(before >= 1, "the mention notified pf.colombia");

        String url = APP + "/notifications/read-all";
        HttpResponse<String> bare = colombia.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody()), Map.of());
        HttpResponse<String> plain = colombia.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")), Map.of());
        HttpResponse<String> form = colombia.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=1")), Map.of());
        HttpResponse<String> wrongHeader = colombia.send(HttpRequest.newBuilder(URI.create(url))
                .header("X-CSRF-TOKEN", "AAAA" + colombia.csrfToken().substring(4))
                .POST(HttpRequest.BodyPublishers.noBody()), Map.of());
        for (HttpResponse<String> response : List.of(bare, plain, form, wrongHeader)) {
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                    "refused: " + response.statusCode() + " " + response.body());
        }
        assertEquals(403, bare.statusCode());
        assertTrue(bare.body().contains(REFUSED_ES), bare.body());
        assertEquals(before, unread(Persona.GROUP_MEMBER.username), "nothing was marked read");

        // The page's own form (token in the form) and a script's request (token in the header) work.
        HttpResponse<String> withHeader = colombia.send(HttpRequest.newBuilder(URI.create(url))
                .header("X-CSRF-TOKEN", colombia.csrfToken()).POST(HttpRequest.BodyPublishers.noBody()), Map.of());
        assertEquals(303, withHeader.statusCode(), withHeader.body());
        assertEquals(0, unread(Persona.GROUP_MEMBER.username));
    }

    @Test
    void theFormOfThePageStillWorks() {
        String token = colombia.csrfToken();
        HttpResponse<String> response = colombia.send(HttpRequest.newBuilder(URI.create(APP + "/notifications/read-all"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf-token=" + token)), Map.of());
        assertEquals(303, response.statusCode(), response.body());
    }

    @Test
    void theRefusalIsInTheVisitorsLanguage() throws Exception {
        HttpResponse<String> response = colombia.send(HttpRequest.newBuilder(URI.create(APP + "/language"))
                .POST(HttpRequest.BodyPublishers.noBody()), Map.of());
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains(REFUSED_ES), response.body());
        // Without a session: the browser's language.
        HttpResponse<String> anonymous = CLIENT.send(HttpRequest.newBuilder(URI.create(APP + "/language"))
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, anonymous.statusCode());
        assertTrue(anonymous.body().contains(REFUSED_EN), anonymous.body());
    }

    /**
     * Integrations (and these tests) call pages with a bearer token: a browser never attaches one to a
     * cross-site request, so a request with the token and without the session cookie needs no form token.
     */
    @Test
    void aBearerTokenWithoutTheSessionCookieNeedsNoFormToken() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(APP + "/notifications/read-all"))
                .header("Authorization", "Bearer " + Persona.MEMBER.token()).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, response.statusCode(), response.body());
        // With the session cookie as well, the form token is required again.
        HttpResponse<String> both = colombia.send(HttpRequest.newBuilder(URI.create(APP + "/notifications/read-all"))
                .header("Authorization", "Bearer " + Persona.GROUP_MEMBER.token())
                .POST(HttpRequest.BodyPublishers.noBody()), Map.of());
        assertEquals(403, both.statusCode(), both.body());
    }
}
