package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Session;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Signing out takes a POST with the form token: a GET on /logout (an image in a post, a link
 * in an email, a prefetch) leaves the session open, and so does a POST without the token.
 */
@QuarkusTest
class SignOutTest {

    static final String APP = "http://localhost:" + ComunidadTestResource.APP_PORT;

    private static boolean signedIn(Session session) {
        HttpResponse<String> page = session.get(APP + "/communities");
        return page.statusCode() == 200;
    }

    private static HttpResponse<String> post(Session session, String body) {
        return session.send(HttpRequest.newBuilder(URI.create(APP + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), Map.of());
    }

    @Test
    void aGetOnLogoutLeavesTheSessionOpen() {
        Session session = Session.signIn(Persona.MEMBER.username);
        assertTrue(signedIn(session));
        HttpResponse<String> get = session.get(APP + "/logout");
        assertTrue(get.statusCode() == 200 || get.statusCode() == 404, "GET /logout: " + get.statusCode());
        assertTrue(signedIn(session), "still signed in after GET /logout");
        for (int i = 0; i < 3; i++) {
            session.get(APP + "/logout");
        }
        assertTrue(signedIn(session), "still signed in after four GETs (four images in a post)");
    }

    @Test
    void theSignOutPageOffersAButtonThatPostsWithTheToken() {
        Session session = Session.signIn(Persona.MEMBER.username);
        HttpResponse<String> page = session.get(APP + "/logout");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("action=\"/logout\""), page.body());
        assertTrue(page.body().contains("method=\"post\""), page.body());
        assertTrue(page.body().contains("name=\"csrf-token\""), page.body());
    }

    @Test
    void aPostWithoutTheTokenIsRefused() {
        Session session = Session.signIn(Persona.MEMBER.username);
        HttpResponse<String> refused = post(session, "");
        assertEquals(403, refused.statusCode());
        HttpResponse<String> bare = session.send(HttpRequest.newBuilder(URI.create(APP + "/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()), Map.of());
        assertEquals(403, bare.statusCode());
        assertTrue(signedIn(session), "still signed in");
    }

    @Test
    void aPostWithTheTokenSignsOutOfTheAppAndOfKeycloak() {
        Session session = Session.signIn(Persona.MEMBER.username);
        String token = session.csrfToken();
        HttpResponse<String> out = post(session, "csrf-token=" + token);
        assertTrue(out.statusCode() == 302 || out.statusCode() == 303, "sign-out: " + out.statusCode() + " " + out.body());
        assertFalse(session.appCookies().keySet().stream().anyMatch(n -> n.startsWith("q_session")),
                "the session cookies are gone: " + session.appCookies().keySet());

        // Keycloak ends its session and sends the browser back to the landing page.
        String endSession = out.headers().firstValue("Location").orElseThrow();
        assertTrue(endSession.startsWith(ComunidadTestResource.services().keycloak().issuer()), endSession);
        HttpResponse<String> back = session.get(endSession);
        assertTrue(back.statusCode() == 302 || back.statusCode() == 303, back.statusCode() + " " + back.body());
        assertTrue(back.headers().firstValue("Location").orElseThrow().startsWith(APP + "/"),
                back.headers().map().toString());

        // A protected page asks for the password again.
        HttpResponse<String> again = session.get(APP + "/communities");
        assertEquals(302, again.statusCode());
        HttpResponse<String> login = session.get(again.headers().firstValue("Location").orElseThrow());
        assertEquals(200, login.statusCode(), "Keycloak shows its login form, it does not sign in silently");
        assertTrue(login.body().contains("password"), login.body());
    }
}
