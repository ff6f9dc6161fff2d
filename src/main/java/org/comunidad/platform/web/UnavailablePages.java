package org.comunidad.platform.web;

import java.sql.SQLException;

import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.comunidad.platform.health.Dependencies;
import org.comunidad.platform.storage.StorageException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Failing fast while the database or the object store is unreachable (docs/architecture.md,
 * "Faults"). Every request is refused at once with 503 and Retry-After while the database is down
 * ({@link Dependencies}: a volatile read while it is up, no query); a request that meets a broken
 * database or store midway gets the same answer instead of a 500. Pages get a page in the user's
 * language that needs no query (the language comes from the token or the browser, not from the
 * member's row); the API and scripts get JSON. A form that could not be sent says that nothing of
 * it was stored and nothing stored before was lost.
 */
public class UnavailablePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unavailable(String lang, String text, String link, String linkText);
    }

    public record ApiUnavailable(int status, String error, String message, long retryAfterSeconds) {
    }

    @Inject
    Dependencies dependencies;

    @Inject
    SecurityIdentity identity;

    @Inject
    io.quarkus.vertx.http.runtime.CurrentVertxRequest vertxRequest;

    /** Before any resource runs: the database is down, so nothing that follows could work. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void guard(ContainerRequestContext request) {
        if (!dependencies.databaseUsable()) {
            throw new Unavailable(Unavailable.Part.DATABASE);
        }
    }

    /** Every 503 tells when to come back, whoever answered it (an upload refused by a store that is down, say). */
    @ServerResponseFilter
    public void retryAfter(ContainerResponseContext response) {
        if (response.getStatus() == 503 && !response.getHeaders().containsKey("Retry-After")) {
            response.getHeaders().putSingle("Retry-After", dependencies.retryAfterSeconds());
        }
    }

    @ServerExceptionMapper
    public Response unavailable(Unavailable e) {
        return answer(e.part());
    }

    /** A database that broke during the request (a lost connection, no connection within the pool's timeout). */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        return databaseOrRethrow(e);
    }

    /** The same, reported by the transaction interceptor (a commit on a lost connection). */
    @ServerExceptionMapper
    public Response transactional(jakarta.transaction.TransactionalException e) {
        return databaseOrRethrow(e);
    }

    /**
     * The same, when the commit failed at the end of a {@code @Transactional} bean method: its
     * RollbackException is checked, so Arc's interceptor chain wraps it (a page whose transaction
     * could not commit because PostgreSQL restarted answered 500 in the cluster's A7 so).
     */
    @ServerExceptionMapper
    public Response undeclared(io.quarkus.arc.ArcUndeclaredThrowableException e) {
        return databaseOrRethrow(e);
    }

    /** The object store, met broken or known to be down (a download, a preview). */
    @ServerExceptionMapper
    public Response storage(StorageException e) {
        return answer(Unavailable.Part.STORAGE);
    }

    private <T extends RuntimeException> Response databaseOrRethrow(T e) {
        if (!databaseUnreachable(e)) {
            throw e;
        }
        dependencies.databaseFailed();
        return answer(Unavailable.Part.DATABASE);
    }

    /** Whether the failure is the database out of reach, not a fault of the request or of ours. */
    public static boolean databaseUnreachable(Throwable e) {
        return databaseUnreachable(e, 0);
    }

    /**
     * Along the causes and the suppressed exceptions: a commit that fails because the server went
     * away is a RollbackException whose reason (an XAException caused by the driver's exception)
     * Narayana attaches as suppressed (a PostgreSQL restart in the cluster's A7 answered 500 so).
     */
    private static boolean databaseUnreachable(Throwable e, int level) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (level < 3) {
                for (Throwable suppressed : cause.getSuppressed()) {
                    if (databaseUnreachable(suppressed, level + 1)) {
                        return true;
                    }
                }
            }
            if (cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.net.ConnectException
                    || cause instanceof java.net.SocketTimeoutException
                    || cause instanceof java.io.EOFException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                String message = sql.getMessage();
                // 08: connection exceptions; 57P01-03: the server shut down or is starting.
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))
                        || message != null && message.contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    private Response answer(Unavailable.Part part) {
        long retry = dependencies.retryAfterSeconds();
        RoutingContext routing = vertxRequest.getCurrent();
        String method = routing == null ? HttpMethod.GET : routing.request().method().name();
        boolean sent = !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method);
        String lang = language(routing);
        java.util.Locale locale = java.util.Locale.forLanguageTag(lang);
        SystemMessages sys = io.quarkus.qute.i18n.MessageBundles.get(SystemMessages.class,
                io.quarkus.qute.i18n.Localized.Literal.of(lang));
        String text = part == Unavailable.Part.STORAGE ? sys.unavailable_storage()
                : sent ? sys.unavailable_database_sent() : sys.unavailable_database();
        Response.ResponseBuilder response = Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", retry);
        if (wantsJson(routing)) {
            return response.type(MediaType.APPLICATION_JSON)
                    .entity(new ApiUnavailable(503, part == Unavailable.Part.STORAGE ? "storage_unavailable"
                            : "database_unavailable", text, retry))
                    .build();
        }
        String link;
        boolean back = sent;
        if (sent) {
            link = routing == null ? "/" : sameOriginReferer(routing);
        } else {
            link = SameOriginPaths.of(routing.normalizedPath(), routing.request().query());
        }
        TemplateInstance page = Templates.unavailable(lang, text, link, back ? "back" : "retry");
        return response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.setLocale(locale).render()).build();
    }

    /** The page the form was sent from, if it is one of this site; else the communities. */
    static String sameOriginReferer(RoutingContext routing) {
        String referer = routing.request().getHeader("Referer");
        if (referer == null) {
            return "/communities";
        }
        try {
            java.net.URI uri = java.net.URI.create(referer);
            String host = routing.request().authority() == null ? null : routing.request().authority().toString();
            if (uri.getRawAuthority() != null && host != null && !uri.getRawAuthority().equalsIgnoreCase(host)) {
                return "/communities";
            }
            return SameOriginPaths.of(uri.getRawPath(), uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "/communities";
        }
    }

    /** The API, or a script that asked for JSON (the upload script). */
    static boolean wantsJson(RoutingContext routing) {
        if (routing == null) {
            return false;
        }
        if (ErrorPages.isApiPath(routing.normalizedPath())) {
            return true;
        }
        String accept = routing.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    /** The user's language without the database: their token's locale, the language cookie, the browser's. */
    private String language(RoutingContext routing) {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim("locale");
            String fromToken = claim == null ? null : Languages.normalize(claim.toString().replace("\"", ""));
            if (fromToken != null) {
                return fromToken;
            }
        }
        return Languages.fromRequest(routing == null ? null : routing.request());
    }
}
