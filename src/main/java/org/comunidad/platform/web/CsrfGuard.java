package org.comunidad.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkus.csrf.reactive.runtime.CsrfTokenUtils;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Every state-changing request of the pages (POST, PUT, PATCH, DELETE outside /api) must carry
 * the form token, whatever its content type: in the form field of a urlencoded or multipart
 * form, or in the X-CSRF-TOKEN header (scripts, bodies of other types, no body at all).
 *
 * <p>Why this filter: quarkus-rest-csrf checks forms and the header, but with
 * {@code require-form-url-encoded=false} it lets any other content type through unchecked, and a
 * missing Content-Type counts as "other": a cross-site {@code fetch} or form with
 * {@code enctype="text/plain"} reached the resource. Setting {@code require-form-url-encoded=true}
 * instead would also refuse the JSON API, which needs no token. The token is checked the way the
 * extension checks it (the cookie holds the HMAC of the token, {@link CsrfTokenUtils}), so the page's
 * forms and the upload script keep working unchanged; the extension's own check still runs after
 * this one.
 *
 * <p>Exempt: /api/* (tenant "api" accepts bearer tokens only, never the session cookie), and a
 * request that carries {@code Authorization: Bearer} and no session cookie. A cross-site page can
 * make the browser send cookies but cannot attach an Authorization header (that needs a CORS
 * preflight, which this app never grants), so such a request was not forged by a browser.
 * A request with the session cookie is always checked, bearer header or not.
 *
 * <p>Refused: 403 with a page in the user's language; nothing ran.
 */
public class CsrfGuard {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** quarkus-oidc's session cookie and, with split tokens, its _at and _rt companions. */
    static final String SESSION_COOKIE_PREFIX = "q_session";

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token")
    String cookieName;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String formFieldName;

    @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN")
    String headerName;

    @ConfigProperty(name = "quarkus.rest-csrf.token-signature-key")
    Optional<String> signatureKey;

    @Inject
    Pages pages;

    /**
     * After authentication, before the extension's own filter (priority USER): RESTEasy Reactive
     * runs these request filters from the highest priority number down (seen in its logs; with
     * USER - 100 the extension answered first, with a bare 400). CsrfTest fails if the order changes.
     */
    @ServerRequestFilter(priority = Priorities.USER + 50)
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (SAFE.contains(request.getMethod()) || isApi(routing.normalizedPath())) {
            return null;
        }
        HttpServerRequest http = routing.request();
        if (!hasSessionCookie(http) && hasBearerToken(http)) {
            return null;
        }
        String supplied = request.getHeaderString(headerName);
        if (supplied == null && isForm(request.getMediaType())) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(formFieldName, true, false);
            supplied = field instanceof String s ? s : null;
        }
        Cookie cookie = http.getCookie(cookieName);
        if (matches(cookie == null ? null : cookie.getValue(), supplied, signatureKey)) {
            return null;
        }
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(ErrorPages.Templates.csrfRefused()).render()).build();
    }

    /** The cookie holds the token, or its HMAC when a signature key is set (as quarkus-rest-csrf writes it). */
    static boolean matches(String cookie, String supplied, Optional<String> key) {
        if (cookie == null || supplied == null || cookie.isEmpty() || supplied.isEmpty()) {
            return false;
        }
        String expected;
        try {
            expected = key.isPresent() && !key.get().isEmpty() ? CsrfTokenUtils.signCsrfToken(supplied, key.get()) : supplied;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), cookie.getBytes(StandardCharsets.UTF_8));
    }

    static boolean hasSessionCookie(HttpServerRequest request) {
        return request.cookies().stream().anyMatch(c -> c.getName().startsWith(SESSION_COOKIE_PREFIX));
    }

    private static boolean hasBearerToken(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static boolean isForm(MediaType type) {
        if (type == null) {
            return false;
        }
        String main = type.getType().toLowerCase(Locale.ROOT);
        String sub = type.getSubtype().toLowerCase(Locale.ROOT);
        return main.equals("application") && sub.equals("x-www-form-urlencoded")
                || main.equals("multipart") && sub.equals("form-data");
    }

    private static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }
}
