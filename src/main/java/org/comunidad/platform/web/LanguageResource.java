package org.comunidad.platform.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.comunidad.platform.security.Accounts;
import org.comunidad.platform.security.CurrentUser;

/**
 * The language switch of every page. A signed-in user's choice is stored with their
 * profile; a visitor's is kept in a cookie until they sign in.
 */
@Path("/language")
@PermitAll
public class LanguageResource {

    /** A year: the choice should outlive the session. */
    static final int COOKIE_MAX_AGE = 365 * 24 * 3600;

    @Inject
    CurrentUser currentUser;

    @Inject
    Accounts accounts;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@FormParam("lang") String lang, @FormParam("return") String returnPath) {
        if (!Languages.isSupported(lang)) {
            throw new jakarta.ws.rs.BadRequestException("unsupported language");
        }
        currentUser.member().ifPresent(member -> accounts.chooseLanguage(member.id(), lang));
        // Secure like every cookie of the app, whatever the proxy says (browsers send it to http://localhost too).
        NewCookie cookie = new NewCookie.Builder(Languages.COOKIE).value(lang).path("/")
                .maxAge(COOKIE_MAX_AGE).sameSite(NewCookie.SameSite.LAX).httpOnly(true).secure(true).build();
        return Response.seeOther(URI.create(safeReturnPath(returnPath))).cookie(cookie).build();
    }

    /** Only paths of this site: no scheme, no host, no protocol-relative URL. */
    static String safeReturnPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
                || path.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return path;
    }
}
