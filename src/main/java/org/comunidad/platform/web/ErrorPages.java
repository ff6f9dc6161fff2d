package org.comunidad.platform.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Errors as users see them: an HTML page in their language for the pages, a small
 * JSON body for the API. A community the user may not see is "not found" either way.
 */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound();

        static native TemplateInstance notFoundPlain();

        static native TemplateInstance badRequestPlain();

        static native TemplateInstance badRequest();

        static native TemplateInstance refused(String message);

        static native TemplateInstance invalid(java.util.List<String> messages);

        static native TemplateInstance busy(String retry);

        static native TemplateInstance csrfRefused();

        static native TemplateInstance tooLarge(String lang, String megabytes);

        static native TemplateInstance tooMany(String message);
    }

    public record ApiViolation(String field, String code, String message) {
    }

    public record ApiInvalid(int status, String error, java.util.List<ApiViolation> violations) {
    }

    public record ApiRefused(int status, String error, String reason, String message) {
    }

    @Inject
    Forms forms;

    public record ApiError(int status, String error) {
    }

    @Inject
    Pages pages;

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(uri, Response.Status.NOT_FOUND, "not_found", outsideAnyRoute()
                ? Templates.notFoundPlain() : Templates.notFound());
    }

    @Inject
    io.quarkus.vertx.http.runtime.CurrentVertxRequest vertxRequest;

    /** Where the CSRF filter leaves the request's token for templates (RoutingContext attribute). */
    private static final String CSRF_TOKEN = "csrf_token";

    /**
     * An address that matched no route (/c/, /c//news), or a request refused before the CSRF
     * filter ran (CsrfTokenShape): the request has no form token for the layout's forms (the
     * layout failed with a 500 here), and for an unmatched address the answer is written on the
     * I/O thread, where the layout's queries may not run. Such answers use a page of their own.
     */
    private boolean outsideAnyRoute() {
        io.vertx.ext.web.RoutingContext routing = vertxRequest.getCurrent();
        return io.vertx.core.Context.isOnEventLoopThread() || routing == null || routing.get(CSRF_TOKEN) == null;
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e, UriInfo uri) {
        return respond(uri, Response.Status.BAD_REQUEST, "bad_request", outsideAnyRoute()
                ? Templates.badRequestPlain() : Templates.badRequest());
    }

    /**
     * A body of a type the route does not take (a form route sent text/plain, say): 415 with the
     * "invalid request" page in the user's language instead of an empty answer. The route matched
     * no method, so the plain page (no form token, no query) is used.
     */
    @ServerExceptionMapper
    public Response unsupportedType(jakarta.ws.rs.NotSupportedException e, UriInfo uri) {
        return respond(uri, Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                Templates.badRequestPlain());
    }

    /** A member whose role does not allow the action: 403 with the reason, in their language. */
    @ServerExceptionMapper
    public Response refused(org.comunidad.platform.content.Refused e, UriInfo uri) {
        String message = forms.message(e);
        if (isApi(uri)) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                    .entity(new ApiRefused(403, "refused", e.reason().name(), message)).build();
        }
        return html(Response.Status.FORBIDDEN, Templates.refused(message));
    }

    /** The forum admin disabled the account: 403 on every request, though the session is still open. */
    @ServerExceptionMapper
    public Response disabled(org.comunidad.platform.security.AccountDisabled e, UriInfo uri) {
        String message = forms.system().account_disabled();
        if (isApi(uri)) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                    .entity(new ApiRefused(403, "refused", "ACCOUNT_DISABLED", message)).build();
        }
        return html(Response.Status.FORBIDDEN, Templates.refused(message));
    }

    /**
     * Too many pages at once (PageAdmission): 503 with a page that offers to try again. The link is
     * the page asked for, as a path of this site (never the raw request line, which may name a host).
     */
    @ServerExceptionMapper
    public Response busy(PagesBusy e) {
        io.vertx.ext.web.RoutingContext routing = vertxRequest.getCurrent();
        String retry = SameOriginPaths.of(routing.normalizedPath(), routing.request().query());
        return Response.fromResponse(html(Response.Status.SERVICE_UNAVAILABLE, Templates.busy(retry)))
                .header("Retry-After", e.retryAfterSeconds()).build();
    }

    /**
     * The CSRF extension decodes the form's token as base64url without catching the error: a
     * token such as "%C3%28" made a 500. Such a token is a bad request. Any other
     * IllegalArgumentException is a fault of ours and stays a server error: rethrown.
     */
    @ServerExceptionMapper
    public Response undecodableCsrfToken(IllegalArgumentException e, UriInfo uri) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("io.quarkus.csrf.")) {
                return respond(uri, Response.Status.BAD_REQUEST, "bad_request", Templates.badRequestPlain());
            }
        }
        throw e;
    }

    /** A query, form or header value of the wrong kind (NumberParameters): 400 naming the parameter. */
    @ServerExceptionMapper
    public Response badParameter(BadParameter e, UriInfo uri) {
        return invalid(new org.comunidad.platform.content.InvalidInput(
                java.util.List.of(org.comunidad.platform.content.Violation.invalidValue(e.name()))), uri);
    }

    public record ApiTooMany(int status, String error, String limit, String message, long retryAfterSeconds) {
    }

    /** More than the member's share (RateLimits, PageAdmission): 429, again after Retry-After seconds. */
    @ServerExceptionMapper
    public Response tooMany(TooManyRequests e, UriInfo uri) {
        String message = forms.message(e);
        Response answer = e.json() || isApi(uri)
                ? Response.status(Response.Status.TOO_MANY_REQUESTS).type(MediaType.APPLICATION_JSON)
                        .entity(new ApiTooMany(429, "too_many_requests", e.what().name(), message, e.retryAfterSeconds()))
                        .build()
                : html(Response.Status.TOO_MANY_REQUESTS, Templates.tooMany(message));
        return Response.fromResponse(answer).header("Retry-After", e.retryAfterSeconds()).build();
    }

    /** Input that breaks a rule and that the page did not handle itself: 400 with every message. */
    @ServerExceptionMapper
    public Response invalid(org.comunidad.platform.content.InvalidInput e, UriInfo uri) {
        if (isApi(uri)) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                    .entity(new ApiInvalid(400, "invalid", e.violations().stream()
                            .map(v -> new ApiViolation(v.field(), v.code().name(), forms.message(v))).toList()))
                    .build();
        }
        return html(Response.Status.BAD_REQUEST,
                Templates.invalid(e.violations().stream().map(forms::message).toList()));
    }

    private Response html(Response.Status status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(page).render()).build();
    }

    private Response respond(UriInfo uri, Response.Status status, String code, TemplateInstance page) {
        if (isApi(uri)) {
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(new ApiError(status.getStatusCode(), code)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(page).render()).build();
    }

    static boolean isApi(UriInfo uri) {
        return isApiPath(uri.getPath());
    }

    static boolean isApiPath(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }
}
