package org.comunidad.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Cache-Control: no-store on every answer that does not say otherwise. Pages show members'
 * emails, phones and working papers, and the API answers the same: neither a shared computer's
 * browser cache nor a proxy may keep them. Answers that decide for themselves keep their header:
 * static assets (the static handler marks them cacheable), a news image ("private, max-age"),
 * downloads ("private, no-store").
 */
@ApplicationScoped
public class NoStore {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 90).handler(ctx -> {
            ctx.addHeadersEndHandler(done -> {
                var headers = ctx.response().headers();
                if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
                    headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
            ctx.next();
        });
    }
}
