package org.comunidad.platform.web;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;

/**
 * A CSRF header that is not even shaped like a token is a bad request. The CSRF extension decodes
 * the X-CSRF-TOKEN header as base64url without catching the error, so a value such as "a.b", or
 * two such headers (joined with a comma), made the request a 500. Checked before any route runs;
 * only scripts send the header, so the answer is a bare 400. (The form field, which the extension
 * reads after the form is parsed, is answered by ErrorPages.undecodableCsrfToken.)
 */
@ApplicationScoped
public class CsrfTokenShape {

    /** Base64url without padding, as the extension writes tokens; far below 1 KB. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,512}");

    @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN")
    String headerName;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 101).handler(ctx -> {
            List<String> values = ctx.request().headers().getAll(headerName);
            if (values.size() > 1 || values.size() == 1 && !wellFormed(values.get(0))) {
                ctx.response().setStatusCode(400).end();
                return;
            }
            ctx.next();
        });
    }

    static boolean wellFormed(String value) {
        return SHAPE.matcher(value).matches();
    }
}
