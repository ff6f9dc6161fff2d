package org.comunidad.news;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.comunidad.community.Community;
import org.comunidad.news.NewsService.Image;
import org.comunidad.news.NewsService.ImageFile;
import org.comunidad.news.NewsService.NewsItemPage;
import org.comunidad.news.NewsService.NewsInput;
import org.comunidad.news.NewsService.NewsPage;
import org.comunidad.news.NewsService.NewsView;
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

/** The news tab of a working group: list, share, edit, pin, hide, and the items' images. */
@Path("/c/{slug}/news")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class NewsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Community group, NewsPage news, FormState form);

        static native TemplateInstance show(Community group, NewsView view, FormState form);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    NewsService news;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance list(@PathParam("slug") String slug, @QueryParam("page") @DefaultValue("1") int page) {
        NewsPage result = news.page(currentUser.viewer(), CommunityRef.slug(slug), page, true)
                .orElseThrow(NotFoundException::new);
        return pages.render(Templates.list(result.group(), result, FormState.empty("news")));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(RateLimited.Kind.POSTING)
    public Response create(@PathParam("slug") String slug, @RestForm String title, @RestForm String body,
            @RestForm String link, @RestForm String imageAlt, @RestForm("image") FileUpload image) {
        Viewer viewer = currentUser.viewer();
        Image upload = image == null || image.size() == 0 ? null : new Image(image.uploadedFile(), image.size());
        return pages.submit("news", typed(title, body, link, imageAlt), () -> {
            NewsView item = news.create(viewer, CommunityRef.slug(slug), new NewsInput(title, body, link, imageAlt),
                    upload).orElseThrow(NotFoundException::new);
            return Links.seeOther(Links.community(slug, "news", "#news-" + item.id()));
        }, form -> {
            NewsPage first = news.page(viewer, CommunityRef.slug(slug), 1, false).orElseThrow(NotFoundException::new);
            return Templates.list(first.group(), first, form);
        });
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("slug") String slug, @PathParam("id") long id) {
        return pages.render(page(currentUser.viewer(), slug, id, FormState.empty("edit")));
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String title,
            @RestForm String body, @RestForm String link, @RestForm String imageAlt, @RestForm boolean removeImage) {
        Viewer viewer = currentUser.viewer();
        return pages.submit("edit", typed(title, body, link, imageAlt), () -> {
            news.edit(viewer, CommunityRef.slug(slug), id, new NewsInput(title, body, link, imageAlt), removeImage)
                    .orElseThrow(NotFoundException::new);
            return Links.seeOther(Links.community(slug, "news", id));
        }, form -> page(viewer, slug, id, form));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        news.delete(currentUser.viewer(), CommunityRef.slug(slug), id).orElseThrow(NotFoundException::new);
        return Links.seeOther(Links.community(slug, "news"));
    }

    @POST
    @Path("{id}/pin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pin(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm boolean pinned) {
        news.pin(currentUser.viewer(), CommunityRef.slug(slug), id, pinned).orElseThrow(NotFoundException::new);
        return Links.seeOther(Links.community(slug, "news", "#news-" + id));
    }

    @POST
    @Path("{id}/hide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response hide(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String reason) {
        Viewer viewer = currentUser.viewer();
        return pages.submit("hide", Pages.typed("reason", reason), () -> {
            news.hide(viewer, CommunityRef.slug(slug), id, reason, true).orElseThrow(NotFoundException::new);
            return Links.seeOther(Links.community(slug, "news", id));
        }, form -> page(viewer, slug, id, form));
    }

    @POST
    @Path("{id}/unhide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unhide(@PathParam("slug") String slug, @PathParam("id") long id) {
        news.hide(currentUser.viewer(), CommunityRef.slug(slug), id, null, false).orElseThrow(NotFoundException::new);
        return Links.seeOther(Links.community(slug, "news", id));
    }

    /** The item's image, streamed from the object store; only for those who may see the item. */
    @GET
    @Path("{id}/image")
    @Produces("image/*")
    public Response image(@PathParam("slug") String slug, @PathParam("id") long id) {
        ImageFile file = news.image(currentUser.viewer(), CommunityRef.slug(slug), id)
                .orElseThrow(NotFoundException::new);
        return Response.ok(file.content(), file.contentType())
                .header("Content-Length", file.size())
                .header("Cache-Control", "private, max-age=3600")
                .header("Content-Disposition", "inline")
                .build();
    }

    private TemplateInstance page(Viewer viewer, String slug, long id, FormState form) {
        NewsItemPage item = news.find(viewer, CommunityRef.slug(slug), id).orElseThrow(NotFoundException::new);
        return Templates.show(item.group(), item.view(), form);
    }

    private static Map<String, String> typed(String title, String body, String link, String imageAlt) {
        return Pages.typed("title", title, "body", body, "link", link, "imageAlt", imageAlt);
    }
}
