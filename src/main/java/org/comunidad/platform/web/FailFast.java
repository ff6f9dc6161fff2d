package org.comunidad.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.comunidad.platform.health.Dependencies;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The cheapest answer while the database is down: on the I/O thread, before authentication and
 * the REST layer, every request that would need the database is answered 503 with Retry-After
 * (the page in the language of the browser or of the language cookie, JSON for the API and for
 * scripts). Static files, the operations endpoints (/q/) and the sign-in callback go on. It reads
 * the probe's verdict (a volatile read); while the database is down it asks for a new probe, so
 * the first request after the database is back is served. {@link UnavailablePages} answers the
 * requests that get past this point (a database lost in the middle of a request).
 */
@ApplicationScoped
public class FailFast {

    @Inject
    Dependencies dependencies;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 110).handler(this::guard);
    }

    void guard(RoutingContext routing) {
        if (dependencies.databaseUp() || exempt(routing.normalizedPath())) {
            routing.next();
            return;
        }
        dependencies.databaseProbe();
        HttpMethod method = routing.request().method();
        boolean sent = !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method);
        String lang = Languages.fromRequest(routing.request());
        SystemMessages sys = MessageBundles.get(SystemMessages.class, Localized.Literal.of(lang));
        String text = sent ? sys.unavailable_database_sent() : sys.unavailable_database();
        long retry = dependencies.retryAfterSeconds();
        var response = routing.response().setStatusCode(503).putHeader("Retry-After", String.valueOf(retry));
        if (UnavailablePages.wantsJson(routing)) {
            response.putHeader("Content-Type", "application/json").end(io.vertx.core.json.Json.encode(
                    new UnavailablePages.ApiUnavailable(503, "database_unavailable", text, retry)));
            return;
        }
        String link = sent ? UnavailablePages.sameOriginReferer(routing)
                : SameOriginPaths.of(routing.normalizedPath(), routing.request().query());
        String page = UnavailablePages.Templates.unavailable(lang, text, link, sent ? "back" : "retry")
                .setLocale(java.util.Locale.forLanguageTag(lang)).render();
        response.putHeader("Content-Type", "text/html;charset=UTF-8").end(page);
    }

    /** What needs no database: static files (a name with a dot), /q/ and the sign-in's return. */
    static boolean exempt(String path) {
        if (path == null || path.startsWith("/q/") || path.startsWith("/auth/")) {
            return true;
        }
        int slash = path.lastIndexOf('/');
        return path.indexOf('.', slash + 1) >= 0;
    }
}
