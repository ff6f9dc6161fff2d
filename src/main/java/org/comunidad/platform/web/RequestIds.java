package org.comunidad.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;

/**
 * A request id on every request: the {@code X-Request-Id} the load balancer sent when it is
 * well-formed (8 to 64 letters, digits and {@code . _ : = + -}), else a new one (32 hex digits).
 * It is answered in the response's {@code X-Request-Id}, put in the logging MDC as
 * {@value #MDC_KEY} (so every log line of the request carries it: the JSON logs of production
 * show it under {@code mdc}), and written with every audit entry of the request
 * ({@code audit_log.request_id}), so that an entry leads to the request's log lines.
 * <p>
 * The id is taken from the client as it comes: it correlates, it proves nothing (the audit entry's
 * actor is the member signed in, never the id). This handler comes first of the app's own, so
 * even a request refused early (413, 429, 503) answers with its id.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:=+-]{8,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String id = of(ctx.request().getHeader(HEADER));
            ctx.put(MDC_KEY, id);
            // Quarkus keeps the MDC in the request's (duplicated) Vert.x context, which follows the
            // request to the worker thread that runs a blocking resource method.
            MDC.put(MDC_KEY, id);
            ctx.response().putHeader(HEADER, id);
            ctx.next();
        });
    }

    /** The incoming id if well-formed, else a new one. */
    static String of(String incoming) {
        return incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming
                : UUID.randomUUID().toString().replace("-", "");
    }

    /** The current request's id, or null outside a request (a scheduled job). */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
