package org.comunidad.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.comunidad.testsupport.Persona;

import io.restassured.response.Response;

/** The CSRF cookie and the form token of a page, as a browser would get them. */
public record Csrf(String cookie, String token) {

    public static final String COOKIE = "csrf-token";
    public static final String FIELD = "csrf-token";
    private static final Pattern HIDDEN = Pattern.compile("name=\"" + FIELD + "\" value=\"([^\"]+)\"");

    public static Csrf fetch(Persona persona) {
        return fetch(persona.request());
    }

    public static Csrf fetch(io.restassured.specification.RequestSpecification request) {
        Response page = request.get("/");
        Matcher matcher = HIDDEN.matcher(page.body().asString());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF field on the page: " + page.body().asString());
        }
        return new Csrf(page.cookie(COOKIE), matcher.group(1));
    }
}
