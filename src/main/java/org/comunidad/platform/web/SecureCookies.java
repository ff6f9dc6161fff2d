package org.comunidad.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;

/**
 * Every cookie the app sends is Secure, whatever the request's scheme or X-Forwarded-Proto says.
 * quarkus-oidc (cookie-force-secure), quarkus-rest-csrf (cookie-force-secure) and the language
 * cookie set it themselves; this is the net under them: it also covers the cookies quarkus-oidc
 * removes (the state cookie after sign-in, the session cookies at sign-out), which it sends
 * without the flag, and any cookie a later feature adds. Browsers keep and send Secure cookies on
 * http://localhost too, so the local run and the browser tests are unaffected.
 */
@ApplicationScoped
public class SecureCookies {

    private static final Pattern SECURE = Pattern.compile(";\\s*secure\\s*(;|$)");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 91).handler(ctx -> {
            ctx.addHeadersEndHandler(done -> {
                // Cookies set through Vert.x (quarkus-oidc, quarkus-rest-csrf) are written after this handler,
                // from the request's cookie jar: only those changed by this exchange are sent. The jar also
                // holds the cookies the browser sent, which must stay untouched (setSecure marks a cookie
                // changed, and it would be sent back, with this request's path: a new copy on every page).
                for (Cookie cookie : ctx.request().cookies()) {
                    if (cookie instanceof ServerCookie sent && sent.isChanged()) {
                        cookie.setSecure(true);
                    }
                }
                // Cookies set through JAX-RS are headers already.
                var headers = ctx.response().headers();
                List<String> setCookies = headers.getAll(HttpHeaders.SET_COOKIE);
                if (setCookies.stream().anyMatch(c -> !SECURE.matcher(c.toLowerCase(Locale.ROOT)).find())) {
                    headers.remove(HttpHeaders.SET_COOKIE);
                    for (String cookie : setCookies) {
                        headers.add(HttpHeaders.SET_COOKIE,
                                SECURE.matcher(cookie.toLowerCase(Locale.ROOT)).find() ? cookie : cookie + "; Secure");
                    }
                }
            });
            ctx.next();
        });
    }
}
