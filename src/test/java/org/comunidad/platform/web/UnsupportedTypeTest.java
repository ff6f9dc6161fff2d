package org.comunidad.platform.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import org.comunidad.testsupport.Persona;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** A body of a type a route does not take is refused with a page in the user's language, not an empty 415. */
@QuarkusTest
class UnsupportedTypeTest {

    @Test
    void aFormRouteSentPlainTextAnswers415WithAPageInTheUsersLanguage() {
        Persona.MEMBER.request().header("Accept-Language", "pt-BR").contentType("text/plain").body("x")
                .post("/notifications/read-all")
                .then().statusCode(415)
                .contentType(startsWith("text/html"))
                .body(containsString("Solicitud no válida"));
    }

    @Test
    void theApiAnswersJson() {
        RestAssured.given().auth().oauth2(Persona.MEMBER.token()).contentType("text/plain").body("x")
                .post("/api/communities/1/posts")
                .then().statusCode(415)
                .body(containsString("\"error\":\"unsupported_media_type\""));
    }
}
