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

        static native TemplateInstance badRequest();
    }

    public record ApiError(int status, String error) {
    }

    @Inject
    Pages pages;

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(uri, Response.Status.NOT_FOUND, "not_found", Templates.notFound());
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e, UriInfo uri) {
        return respond(uri, Response.Status.BAD_REQUEST, "bad_request", Templates.badRequest());
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
        String path = uri.getPath();
        return path.equals("/api") || path.startsWith("/api/");
    }
}
