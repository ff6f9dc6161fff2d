package org.comunidad.platform.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.comunidad.member.Member;
import org.comunidad.testsupport.Csrf;
import org.comunidad.testsupport.Persona;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** The language switch: stored per user, defaulting from the browser, protected against CSRF. */
@QuarkusTest
class LanguageTest {

    @Test
    void aVisitorGetsTheBrowsersLanguage() {
        assertThat(RestAssured.given().header("Accept-Language", "pt-BR,pt;q=0.9,en;q=0.5").get("/").asString(),
                containsString("<html lang=\"pt\""));
        assertThat(RestAssured.given().header("Accept-Language", "en-GB,en;q=0.8").get("/").asString(),
                containsString("Who can sign in?"));
        assertThat(RestAssured.given().header("Accept-Language", "de-DE,fr;q=0.8").get("/").asString(),
                containsString("<html lang=\"es\""));
    }

    @Test
    void aSignedInUsersChoiceIsStoredWithTheirProfile() {
        // The leader starts in Spanish, chooses English, and keeps it without any cookie.
        Csrf csrf = Csrf.fetch(Persona.LEADER);
        Response switched = Persona.LEADER.request().cookie(Csrf.COOKIE, csrf.cookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam(Csrf.FIELD, csrf.token()).formParam("lang", "en").formParam("return", "/c/seguridad")
                .post("/language");
        assertEquals(303, switched.statusCode());
        assertThat(switched.header("Location"), containsString("/c/seguridad"));
        assertEquals("en", QuarkusTransaction.requiringNew()
                .call(() -> Member.bySubject("00000000-0000-4000-a000-000000000003").orElseThrow().language));
        assertThat(Persona.LEADER.request().header("Accept-Language", "es").get("/c/seguridad").asString(),
                containsString("Participating countries"));

        Csrf again = Csrf.fetch(Persona.LEADER);
        Persona.LEADER.request().cookie(Csrf.COOKIE, again.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam(Csrf.FIELD, again.token()).formParam("lang", "es").formParam("return", "/")
                .post("/language").then().statusCode(303);
        assertEquals("es", QuarkusTransaction.requiringNew()
                .call(() -> Member.bySubject("00000000-0000-4000-a000-000000000003").orElseThrow().language));
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        Response response = Persona.MEMBER.request().contentType("application/x-www-form-urlencoded")
                .formParam("lang", "pt").formParam("return", "/").post("/language");
        assertEquals(400, response.statusCode());
        assertEquals("es", QuarkusTransaction.requiringNew()
                .call(() -> Member.bySubject("00000000-0000-4000-a000-000000000004").orElseThrow().language));
    }

    @Test
    void anUnknownLanguageIsABadRequestNotAnError() {
        Csrf csrf = Csrf.fetch(Persona.ANONYMOUS);
        Persona.ANONYMOUS.request().cookie(Csrf.COOKIE, csrf.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam(Csrf.FIELD, csrf.token()).formParam("lang", "xx").formParam("return", "/")
                .post("/language").then().statusCode(400);
    }

    @Test
    void theReturnPathCannotLeaveTheSite() {
        Csrf csrf = Csrf.fetch(Persona.ANONYMOUS);
        for (String evil : new String[] { "https://evil.example/", "//evil.example/x", "/\\evil.example" }) {
            Response response = Persona.ANONYMOUS.request().cookie(Csrf.COOKIE, csrf.cookie())
                    .contentType("application/x-www-form-urlencoded")
                    .formParam(Csrf.FIELD, csrf.token()).formParam("lang", "en").formParam("return", evil)
                    .post("/language");
            assertEquals(303, response.statusCode());
            assertThat(response.header("Location"), org.hamcrest.Matchers.endsWith("/"));
            assertThat(response.header("Location"), org.hamcrest.Matchers.not(containsString("evil")));
        }
    }
}
