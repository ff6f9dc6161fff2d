package org.comunidad.plan;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.comunidad.platform.content.Filing;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * A working group's yearly activity report: the page (year and language, the introduction the
 * coordinator writes, downloads, saving into the repository, a preview), the PDF, the DOCX, and
 * "Save to the repository". The coordinator's and the admin's: other members get 403,
 * non-members (and a subgroup's address) 404.
 */
@Path("/c/{slug}/report")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class PlanReportResource {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(PlanReportService.ReportPage page, FormState form);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    PlanReportService reports;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance page(@PathParam("slug") String slug, @QueryParam("year") String year,
            @QueryParam("lang") String lang) {
        return pages.render(page(slug, parse(year), lang, FormState.empty("introduction")));
    }

    @POST
    @Path("introduction")
    public Response saveIntroduction(@PathParam("slug") String slug, @RestForm String year, @RestForm String language,
            @RestForm String introduction) {
        return pages.act("introduction", Pages.typed("year", year, "language", language, "introduction", introduction),
                () -> reports.saveIntroduction(currentUser.viewer(), CommunityRef.slug(slug), year, language, introduction),
                Links.community(slug, "report") + "?year=" + parse(year) + "&lang=" + lang(language) + "#introduction",
                f -> page(slug, parse(year), language, f));
    }

    @GET
    @Path("{year}.pdf")
    @Produces(PDF)
    public Response pdf(@PathParam("slug") String slug, @PathParam("year") int year, @QueryParam("lang") String lang) {
        PlanReportService.File file = reports.pdf(currentUser.viewer(), CommunityRef.slug(slug), year, lang(lang))
                .orElseThrow(NotFoundException::new);
        return download(file, PDF);
    }

    @GET
    @Path("{year}.docx")
    @Produces(DOCX)
    public Response docx(@PathParam("slug") String slug, @PathParam("year") int year, @QueryParam("lang") String lang) {
        PlanReportService.File file = reports.docx(currentUser.viewer(), CommunityRef.slug(slug), year, lang(lang))
                .orElseThrow(NotFoundException::new);
        return download(file, DOCX);
    }

    /** Files the year's PDF into the group's repository and shows the document. */
    @POST
    @Path("{year}/save")
    public Response save(@PathParam("slug") String slug, @PathParam("year") int year, @RestForm String language) {
        return pages.submit("save", Pages.typed("language", language), () -> {
            Filing.Filed filed = reports.save(currentUser.viewer(), CommunityRef.slug(slug), year, lang(language))
                    .orElseThrow(NotFoundException::new);
            return Links.seeOther(filed.link());
        }, f -> page(slug, year, language, f));
    }

    private static Response download(PlanReportService.File file, String type) {
        return Response.ok(file.content(), type)
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"")
                .header("Cache-Control", "no-store").build();
    }

    private String lang(String asked) {
        return PlanReportService.language(asked, currentUser.language());
    }

    private static Integer parse(String year) {
        try {
            return year == null ? null : Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private TemplateInstance page(String slug, Integer year, String lang, FormState form) {
        return Templates.page(reports.page(currentUser.viewer(), CommunityRef.slug(slug), year, lang(lang))
                .orElseThrow(NotFoundException::new), form);
    }
}
