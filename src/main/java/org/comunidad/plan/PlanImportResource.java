package org.comunidad.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.comunidad.plan.PlanTransferService.ImportForm;
import org.comunidad.plan.PlanTransferService.ImportPreview;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;
import org.comunidad.platform.web.RateLimited;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * Importing an annual work plan from a table (CSV or XLSX in the seeds' shape): the form (form
 * fields {@code community}, {@code year}, {@code file}), the preview of every row
 * ({@code #import-preview}, refused rows with their reason) carrying the rows read in a hidden
 * {@code table}, and the confirmation ({@code button[name=confirm]}), which lands on the annual
 * plan's page. Who: those who draft the community's annual plan (the coordinator, the
 * subgroup's leader); other members 403, non-members 404.
 */
@Path("/c/{slug}/plans/{id}/import")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PlanImportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(ImportForm choices, FormState form);

        static native TemplateInstance preview(ImportPreview preview);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    PlanTransferService transfers;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance form(@PathParam("slug") String slug, @PathParam("id") long id) {
        return pages.render(Templates.form(choices(slug, id), FormState.empty("import")));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(RateLimited.Kind.POSTING)
    public Response upload(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String community,
            @RestForm String year, @RestForm("file") FileUpload file) {
        Viewer viewer = currentUser.viewer();
        String language = currentUser.locale().getLanguage();
        return pages.submit("import", Pages.typed("community", community, "year", year), () -> {
            ImportPreview preview = transfers.preview(viewer, CommunityRef.slug(slug), id, community, year,
                    file == null ? null : file.fileName(), bytes(file), language).orElseThrow(NotFoundException::new);
            return Response.ok(pages.render(Templates.preview(preview))).build();
        }, form -> Templates.form(choices(slug, id), form));
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RateLimited(RateLimited.Kind.POSTING)
    public Response confirm(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String community,
            @RestForm String year, @RestForm String table) {
        Viewer viewer = currentUser.viewer();
        return pages.submit("import", Pages.typed("community", community, "year", year), () -> {
            PlanYear annual = transfers.confirm(viewer, CommunityRef.slug(slug), id, community, year, table)
                    .orElseThrow(NotFoundException::new);
            return Links.seeOther(Links.community(slug, "plans", id, "years", annual.id));
        }, form -> Templates.form(choices(slug, id), form));
    }

    private ImportForm choices(String slug, long id) {
        return transfers.importForm(currentUser.viewer(), CommunityRef.slug(slug), id).orElseThrow(NotFoundException::new);
    }

    /** The upload's bytes, unread past the limit (the service refuses it by its size). */
    private static byte[] bytes(FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return null;
        }
        if (file.size() > PlanTransferService.MAX_BYTES) {
            return new byte[(int) PlanTransferService.MAX_BYTES + 1];
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
