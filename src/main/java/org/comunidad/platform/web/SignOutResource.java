package org.comunidad.platform.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.comunidad.platform.security.CurrentUser;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * Sign-out, by POST only, with the form token (checked by {@link CsrfGuard} before this runs).
 *
 * <p>quarkus-oidc's own logout path ({@code quarkus.oidc.logout.path}) ends the session on any
 * request to that path, GET included: an image in a post ({@code ![x](/logout)}) signed out every
 * reader. So that path is not configured; this resource does the same RP-initiated logout on a
 * POST: it removes the session cookies ({@link OidcSession#logout()}) and sends the browser to
 * Keycloak's end-session endpoint with the ID token as hint, which ends the Keycloak session and
 * returns to the landing page (the post-logout URI registered for the client). A GET shows a page
 * with the sign-out button and changes nothing.
 */
@Path("/logout")
@PermitAll
public class SignOutResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm();
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    Pages pages;

    @Inject
    OidcSession session;

    @Inject
    OidcConfigurationMetadata provider;

    @Inject
    HttpServerRequest request;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response confirm() {
        if (!currentUser.isSignedIn()) {
            return Links.seeOther("/");
        }
        return Response.ok(pages.render(Templates.confirm())).build();
    }

    @POST
    public Response signOut(@Context UriInfo uri) {
        URI landing = uri.getBaseUriBuilder().replacePath("/").replaceQuery(null).build();
        if (!CsrfGuard.hasSessionCookie(request)) {
            // A bearer-token client or nobody: there is no browser session to end.
            return Links.seeOther("/");
        }
        JsonWebToken idToken = session.getIdToken();
        String hint = idToken == null ? null : idToken.getRawToken();
        session.logout().await().indefinitely();
        String endSession = provider.getEndSessionUri();
        if (endSession == null || hint == null) {
            return Links.seeOther("/");
        }
        return Response.seeOther(URI.create(endSession + (endSession.contains("?") ? "&" : "?")
                + "id_token_hint=" + encode(hint) + "&post_logout_redirect_uri=" + encode(landing.toString()))).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
