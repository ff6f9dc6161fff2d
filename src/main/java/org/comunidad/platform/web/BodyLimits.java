package org.comunidad.platform.web;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * Request bodies: the HTTP layer lets large bodies through (quarkus.http.limits.max-body-size)
 * because document uploads stream to the object store; every other route, whose body is
 * read into memory, is held to comunidad.http.max-body-bytes here, before any byte is read.
 */
@ApplicationScoped
public class BodyLimits {

    /** The routes whose bodies stream (document uploads and new versions). */
    static final Pattern STREAMED = Pattern.compile(
            "^/c/[a-z0-9-]+/documents/(upload|upload-form|\\d+/versions|\\d+/versions-form)$");

    @ConfigProperty(name = "comunidad.http.max-body-bytes", defaultValue = "10485760")
    long maxBody;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            if (STREAMED.matcher(request.path()).matches()) {
                ctx.next();
                return;
            }
            String length = request.getHeader("Content-Length");
            if (length != null) {
                long declared;
                try {
                    declared = Long.parseLong(length.strip());
                } catch (NumberFormatException e) {
                    ctx.response().setStatusCode(400).end();
                    return;
                }
                if (declared > maxBody) {
                    ctx.response().setStatusCode(413).putHeader("Connection", "close").end();
                    return;
                }
            } else if (request.getHeader("Transfer-Encoding") != null && !isMultipart(request)) {
                // A body of unknown length would be read into memory unchecked: say how long it is.
                // (Multipart bodies are spooled to disk by the form parser, so they may stream.)
                ctx.response().setStatusCode(411).putHeader("Connection", "close").end();
                return;
            }
            ctx.next();
        });
    }

    private static boolean isMultipart(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }
}
