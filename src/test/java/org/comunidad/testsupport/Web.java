package org.comunidad.testsupport;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Requests as the personas make them: HTML forms with their CSRF token, and JSON calls to the API. */
public final class Web {

    private Web() {
    }

    /** Submits a form on a page, as a browser would (CSRF cookie and field included). */
    public static Response form(Persona persona, String path, Map<String, ?> fields) {
        return form(persona.username, path, fields);
    }

    /** The same as any demo user (null: anonymous). */
    public static Response form(String username, String path, Map<String, ?> fields) {
        Csrf csrf = Csrf.fetch(request(username));
        var request = request(username).cookie(Csrf.COOKIE, csrf.cookie())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam(Csrf.FIELD, csrf.token());
        fields.forEach(request::formParam);
        return request.post(path);
    }

    /** Submits a multipart form (a form that may carry a file) without a file, CSRF field included. */
    public static Response multipart(Persona persona, String path, Map<String, String> fields) {
        Csrf csrf = Csrf.fetch(persona.request());
        var request = persona.request().cookie(Csrf.COOKIE, csrf.cookie()).multiPart(Csrf.FIELD, csrf.token());
        fields.forEach(request::multiPart);
        return request.post(path);
    }

    private static io.restassured.specification.RequestSpecification request(String username) {
        return username == null ? io.restassured.RestAssured.given().redirects().follow(false) : Tokens.as(username);
    }

    public static Response postJson(Persona persona, String path, Object body) {
        return persona.request().contentType(ContentType.JSON).body(body).post(path);
    }

    /** Creates through the API and returns the new resource's id (fails the test on any other answer). */
    public static long create(Persona persona, String path, Object body) {
        Response response = postJson(persona, path, body);
        if (response.statusCode() != 201) {
            throw new AssertionError("POST " + path + " as " + persona + ": " + response.statusCode() + " "
                    + response.body().asString());
        }
        Object id = response.jsonPath().get("id");
        if (id == null) {
            id = response.jsonPath().get("discussion.id");
        }
        return ((Number) id).longValue();
    }
}
