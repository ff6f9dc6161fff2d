package org.comunidad.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A bearer token refused on {@code /api} (expired, signed for another client of the realm,
 * without a subject...) answers 401 with the API's small JSON error body, like its other
 * errors, instead of Quarkus's empty one. The refusal itself happens in the OIDC layer,
 * before any resource runs; pages keep Quarkus's own answer (a new sign-in).
 */
@ApplicationScoped
public class ApiAuthenticationFailures {

    static final String BODY = "{\"status\":401,\"error\":\"unauthorized\"}";

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (context.response().ended() || !(rootCause(context.failure()) instanceof AuthenticationFailedException)) {
            context.next();
            return;
        }
        context.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(BODY);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof AuthenticationFailedException) && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
