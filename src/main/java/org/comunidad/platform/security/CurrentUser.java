package org.comunidad.platform.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonString;

import org.comunidad.platform.web.Languages;
import org.comunidad.platform.web.SiteConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;

/**
 * The signed-in user of this request: their member record (created or refreshed from
 * the token on first use), their language and what the access rules need to know.
 * Templates reach it as {@code inject:currentUser}.
 */
@Named("currentUser")
@RequestScoped
@io.quarkus.qute.TemplateData
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    Accounts accounts;

    @Inject
    HttpServerRequest request;

    @Inject
    SiteConfig site;

    private Account member;
    private Viewer viewer;
    private boolean disabled;
    /** The signed-in member's language, once known. */
    private String language;

    public boolean isSignedIn() {
        return !identity.isAnonymous() && !disabled;
    }

    /** The signed-in member; empty for anonymous requests. */
    public Optional<Account> member() {
        if (identity.isAnonymous() || disabled) {
            if (disabled) {
                throw new AccountDisabled();
            }
            return Optional.empty();
        }
        if (member == null) {
            Account signedIn = accounts.signedIn(claims());
            if (signedIn.disabled()) {
                // The forum admin disabled the account: refused at once, whatever the token says;
                // the error page then treats the request as anonymous.
                disabled = true;
                throw new AccountDisabled();
            }
            member = signedIn;
        }
        return Optional.of(member);
    }

    /** The signed-in member; callers behind {@code @Authenticated} only. */
    public Account require() {
        return member().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    public Viewer viewer() {
        if (viewer == null) {
            Account m = require();
            viewer = new Viewer(m.id(), Set.copyOf(identity.getRoles()), accounts.grantsOf(m.id()));
        }
        return viewer;
    }

    public boolean isAdmin() {
        return !disabled && identity.hasRole(Viewer.ADMIN);
    }

    /** From the token: available on any thread, without a database round trip. */
    public String displayName() {
        if (identity.isAnonymous() || disabled) {
            return "";
        }
        if (member != null) {
            return member.displayName();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String name = claim(jwt, "name");
            return name != null ? name : identity.getPrincipal().getName();
        }
        return identity.getPrincipal().getName();
    }

    /** The user's language: their choice, else the browser's, else Spanish. */
    public Locale locale() {
        return Locale.forLanguageTag(language());
    }

    public String language() {
        if (identity.isAnonymous() || disabled) {
            return Languages.fromRequest(request);
        }
        if (member == null && Context.isOnEventLoopThread()) {
            // Error pages for unmatched routes render on the IO thread, where the database
            // may not be used: the token's locale and the browser's choice stand in.
            String fromToken = identity.getPrincipal() instanceof JsonWebToken jwt
                    ? Languages.normalize(claim(jwt, "locale")) : null;
            return fromToken != null ? fromToken : Languages.fromRequest(request);
        }
        if (language == null) {
            // Asked a dozen times a page (the layout, the forms, the dates): computed once.
            language = member().map(Account::language).filter(Languages::isSupported)
                    .orElseGet(() -> Languages.fromRequest(request));
        }
        return language;
    }

    /** The user's time zone, for every date shown to them. */
    public java.time.ZoneId zone() {
        String zone = disabled ? null : member().map(Account::timeZone).orElse(null);
        try {
            return zone == null ? site.timeZone() : java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            return site.timeZone();
        }
    }

    /** The page being shown, so that a form on it (the language switch) can come back to it. */
    public String returnPath() {
        return request == null ? "/" : request.uri();
    }

    private Claims claims() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return new Claims(
                    jwt.getSubject(),
                    claim(jwt, "preferred_username"),
                    claim(jwt, "email"),
                    "true".equals(claim(jwt, "email_verified")),
                    claim(jwt, "name"),
                    claim(jwt, "country"),
                    claim(jwt, "institution"),
                    claim(jwt, "position"),
                    claim(jwt, "phone_number"),
                    claim(jwt, "locale"),
                    Languages.fromRequest(request),
                    jwt.getIssuedAtTime());
        }
        throw new AuthenticationFailedException("unexpected principal " + identity.getPrincipal().getClass());
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof JsonString text) {
            return text.getString();
        }
        return value == null ? null : value.toString();
    }

}
