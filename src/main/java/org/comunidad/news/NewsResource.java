package org.comunidad.news;

import java.io.InputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.transaction.Transactional;
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
import org.comunidad.community.CommunityService;
import org.comunidad.news.NewsService.Image;
import org.comunidad.news.NewsService.NewsInput;
import org.comunidad.news.NewsService.NewsPage;
import org.comunidad.news.NewsService.NewsView;
import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.content.WhatsNew;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Forms;
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
    CommunityService communities;

    @Inject
    NewsService news;

    @Inject
    WhatsNew whatsNew;

    @Inject
    Forms forms;

    @Inject
    Pages pages;

    @GET
    @Transactional
    public TemplateInstance list(@PathParam("slug") String slug, @QueryParam("page") @DefaultValue("1") int page) {
        Viewer viewer = currentUser.viewer();
        Community group = group(viewer, slug);
        OffsetDateTime seen = whatsNew.visit(viewer.memberId(), group.id, NewsContributions.TAB).orElse(null);
        return pages.render(Templates.list(group, news.page(viewer, group, page, seen), FormState.empty("news")));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(RateLimited.Kind.POSTING)
    public Response create(@PathParam("slug") String slug, @RestForm String title, @RestForm String body,
            @RestForm String link, @RestForm String imageAlt, @RestForm("image") FileUpload image) {
        Viewer viewer = currentUser.viewer();
        Community group = group(viewer, slug);
        Image upload = image == null || image.size() == 0 ? null : new Image(image.uploadedFile(), image.size());
        try {
            NewsItem item = news.create(viewer, group, new NewsInput(title, body, link, imageAlt), upload);
            return seeOther("/c/" + group.slug + "/news#news-" + item.id);
        } catch (InvalidInput invalid) {
            Map<String, String> typed = typed(title, body, link, imageAlt);
            FormState form = forms.failed("news", invalid, typed);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(pages.render(Templates.list(group, news.page(viewer, group, 1, null), form))).build();
        }
    }

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance show(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community group = group(viewer, slug);
        NewsView view = news.find(viewer, group, id).orElseThrow(NotFoundException::new);
        return pages.render(Templates.show(group, view, FormState.empty("edit")));
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String title,
            @RestForm String body, @RestForm String link, @RestForm String imageAlt, @RestForm boolean removeImage) {
        Viewer viewer = currentUser.viewer();
        Community group = group(viewer, slug);
        try {
            news.edit(viewer, group, id, new NewsInput(title, body, link, imageAlt), removeImage);
            return seeOther("/c/" + group.slug + "/news/" + id);
        } catch (InvalidInput invalid) {
            NewsView view = news.find(viewer, group, id).orElseThrow(NotFoundException::new);
            FormState form = forms.failed("edit", invalid, typed(title, body, link, imageAlt));
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(pages.render(Templates.show(group, view, form))).build();
        }
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community group = group(viewer, slug);
        news.delete(viewer, group, id);
        return seeOther("/c/" + group.slug + "/news");
    }

    @POST
    @Path("{id}/pin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pin(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm boolean pinned) {
        Viewer viewer = currentUser.viewer();
        Community group = group(viewer, slug);
        news.pin(viewer, group, id, pinned);
        return seeOther("/c/" + group.slug + "/news#news-" + id);
    }

    @POST
    @Path("{id}/hide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response hide(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String reason) {
        Viewer viewer = currentUser.viewer();
        Community group = group(viewer, slug);
        try {
            news.hide(viewer, group, id, reason, true);
        } catch (InvalidInput invalid) {
            NewsView view = news.find(viewer, group, id).orElseThrow(NotFoundException::new);
            FormState form = forms.failed("hide", invalid, Map.of("reason", reason == null ? "" : reason));
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(pages.render(Templates.show(group, view, form))).build();
        }
        return seeOther("/c/" + group.slug + "/news/" + id);
    }

    @POST
    @Path("{id}/unhide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unhide(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community group = group(viewer, slug);
        news.hide(viewer, group, id, null, false);
        return seeOther("/c/" + group.slug + "/news/" + id);
    }

    /** The item's image, streamed from the object store; only for those who may see the item. */
    @GET
    @Path("{id}/image")
    @Produces("image/*")
    public Response image(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community group = group(viewer, slug);
        NewsItem item = news.withImage(viewer, group, id).orElseThrow(NotFoundException::new);
        InputStream content = news.openImage(item);
        return Response.ok(content, item.imageContentType)
                .header("Content-Length", item.imageSize)
                .header("Cache-Control", "private, max-age=3600")
                .header("Content-Disposition", "inline")
                .build();
    }

    private Community group(Viewer viewer, String slug) {
        return communities.findVisible(viewer, slug).filter(Community::isGroup).orElseThrow(NotFoundException::new);
    }

    private static Map<String, String> typed(String title, String body, String link, String imageAlt) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("title", title);
        typed.put("body", body);
        typed.put("link", link);
        typed.put("imageAlt", imageAlt);
        return typed;
    }

    static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }
}
