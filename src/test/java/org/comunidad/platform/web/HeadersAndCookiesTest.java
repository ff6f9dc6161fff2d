package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Session;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * What a shared computer, a proxy cache or a network attacker could take: signed-in pages and
 * API answers are never stored by caches; every cookie the app sets is Secure, whatever the
 * proxy says about the scheme; the session cookie, the form tokens and the unsubscribe links
 * are protected by three different keys.
 */
@QuarkusTest
class HeadersAndCookiesTest {

    static final String APP = "http://localhost:" + ComunidadTestResource.APP_PORT;

    private static void assertNoStore(String what, String cacheControl) {
        assertTrue(cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-store"),
                what + ": Cache-Control " + cacheControl);
    }

    @Test
    void signedInPagesAreNotStored() {
        for (String page : List.of("/c/seguridad/members", "/communities", "/c/seguridad", "/profile",
                "/notifications", "/c/seguridad/news")) {
            var response = Persona.MEMBER.request().get(page);
            assertEquals(200, response.statusCode(), page);
            assertNoStore(page, response.header("Cache-Control"));
        }
        Session session = Session.signIn(Persona.MEMBER.username);
        HttpResponse<String> members = session.get(APP + "/c/seguridad/members");
        assertEquals(200, members.statusCode());
        assertNoStore("members page with the session cookie", members.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void apiAnswersAreNotStored() {
        var me = Persona.MEMBER.request().get("/api/me");
        assertEquals(200, me.statusCode());
        assertNoStore("/api/me", me.header("Cache-Control"));
        var communities = Persona.MEMBER.request().get("/api/communities");
        assertNoStore("/api/communities", communities.header("Cache-Control"));
        var anonymous = RestAssured.given().get("/api/me");
        assertEquals(401, anonymous.statusCode());
        assertNoStore("/api/me without a token", anonymous.header("Cache-Control"));
    }

    @Test
    void everyCookieOfTheAppIsSecureWhateverTheProxySays() {
        Map<String, String> plainHttp = Map.of("X-Forwarded-Proto", "http");
        Session session = Session.signIn(APP, Persona.MEMBER.username, plainHttp);
        String token = session.csrfToken();
        HttpResponse<String> language = session.send(HttpRequest.newBuilder(URI.create(APP + "/language"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf-token=" + token + "&lang=es&return=/")), plainHttp);
        assertEquals(303, language.statusCode(), language.body());
        HttpResponse<String> out = session.send(HttpRequest.newBuilder(URI.create(APP + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf-token=" + token)), plainHttp);
        assertTrue(out.statusCode() == 302 || out.statusCode() == 303, "signed out: " + out.statusCode());

        List<String> cookies = session.appSetCookieHeaders();
        Set<String> names = new TreeSet<>();
        for (String cookie : cookies) {
            names.add(cookie.substring(0, cookie.indexOf('=')));
            assertTrue(Pattern.compile(";\\s*Secure(;|$)", Pattern.CASE_INSENSITIVE).matcher(cookie).find(),
                    "not Secure: " + cookie);
        }
        // The state cookie of the sign-in, the one session cookie (ID and refresh tokens), the form
        // token, the language.
        assertTrue(names.stream().anyMatch(n -> n.startsWith("q_auth")), names.toString());
        assertTrue(names.containsAll(Set.of("q_session", "csrf-token", Languages.COOKIE)), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.startsWith("q_session_")), "one session cookie: " + names);
    }

    /** A page does not send the session cookies back (a copy per page path filled the header until 431). */
    @Test
    void pagesDoNotSendTheSessionCookiesBack() {
        Session session = Session.signIn(Persona.MEMBER.username);
        session.csrfToken();
        for (String page : List.of("/communities", "/c/seguridad", "/c/seguridad-asistencia-victimas/discussions")) {
            HttpResponse<String> response = session.get(APP + page);
            assertEquals(200, response.statusCode(), page);
            assertEquals(List.of(), response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("q_session")).toList(), page);
        }
    }

    /**
     * A page sends back none of the cookies the browser sent (a copy set under the page's own
     * path would shadow the real one: a stale form token then made every form under /c/... fail
     * with "not accepted"), and every cookie it does set is for the whole site.
     */
    @Test
    void aFormOnAPageUnderACommunityIsAcceptedAndThePageSetsOnlyTheFormToken() {
        Session session = Session.signIn(Persona.MEMBER.username);
        int before = session.appSetCookieHeaders().size();
        HttpResponse<String> page = session.get(APP + "/c/seguridad-asistencia-victimas/posts");
        assertEquals(200, page.statusCode());
        List<String> set = session.appSetCookieHeaders().subList(before, session.appSetCookieHeaders().size());
        for (String cookie : set) {
            assertTrue(cookie.startsWith("csrf-token="), "a page sets only the form token: " + set);
            assertTrue(Pattern.compile(";\\s*Path=/(;|$)", Pattern.CASE_INSENSITIVE).matcher(cookie).find(),
                    "for the whole site: " + cookie);
        }
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(token.find());
        HttpResponse<String> post = session.send(HttpRequest.newBuilder(
                URI.create(APP + "/c/seguridad-asistencia-victimas/posts"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf-token=" + token.group(1)
                        + "&body=Per%C3%BA+comparte+el+informe+de+la+reuni%C3%B3n.")), Map.of());
        assertEquals(303, post.statusCode(), "the form of a page under /c/ is accepted: " + post.body());
    }

    @Test
    void theThreeKeysDiffer() throws IOException {
        var config = ConfigProvider.getConfig();
        String session = config.getValue("quarkus.oidc.token-state-manager.encryption-secret", String.class);
        String csrf = config.getValue("quarkus.rest-csrf.token-signature-key", String.class);
        String links = config.getValue("comunidad.mail.link-secret", String.class);
        for (String key : List.of(session, csrf, links)) {
            assertTrue(key.length() >= 32, "at least 32 characters");
        }
        assertNotEquals(session, csrf);
        assertNotEquals(session, links);
        assertNotEquals(csrf, links);
        assertFalse(csrf.contains(session) || links.contains(session) || session.contains(csrf)
                || links.contains(csrf) || session.contains(links) || csrf.contains(links), "none is made of another");

        // In production each comes from its own environment variable.
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        Pattern env = Pattern.compile("^\\$\\{([A-Z0-9_]+)}$");
        Set<String> variables = new TreeSet<>();
        for (String key : List.of("quarkus.oidc.token-state-manager.encryption-secret",
                "quarkus.rest-csrf.token-signature-key", "comunidad.mail.link-secret")) {
            String value = properties.getProperty("%prod." + key, properties.getProperty(key));
            Matcher m = env.matcher(value == null ? "" : value.strip());
            assertTrue(m.matches(), key + " in production: " + value);
            variables.add(m.group(1));
        }
        assertEquals(3, variables.size(), "three different variables: " + variables);
    }
}
