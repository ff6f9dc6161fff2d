package org.comunidad.post;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;
import org.comunidad.platform.web.RateLimited;
import org.comunidad.post.PostService.PostItemPage;
import org.comunidad.post.PostService.PostPage;
import org.comunidad.post.PostService.PostView;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The posts tab of a subgroup: posts, comments, reactions, editing and moderation. */
@Path("/c/{slug}/posts")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class PostResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Community subgroup, PostPage posts, FormState form);

        static native TemplateInstance show(Community subgroup, PostView view, FormState form);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    PostService posts;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance list(@PathParam("slug") String slug, @QueryParam("page") @DefaultValue("1") int page) {
        PostPage result = posts.page(currentUser.viewer(), CommunityRef.slug(slug), page, true)
                .orElseThrow(NotFoundException::new);
        return pages.render(Templates.list(result.subgroup(), result, FormState.empty("post")));
    }

    @POST
    @RateLimited(RateLimited.Kind.POSTING)
    public Response create(@PathParam("slug") String slug, @RestForm String body) {
        return pages.submit("post", Pages.typed("body", body), () -> {
            PostView post = posts.create(currentUser.viewer(), CommunityRef.slug(slug), body)
                    .orElseThrow(NotFoundException::new);
            return Links.seeOther(Links.community(slug, "posts", "#post-" + post.id()));
        }, form -> {
            PostPage first = posts.page(currentUser.viewer(), CommunityRef.slug(slug), 1, false)
                    .orElseThrow(NotFoundException::new);
            return Templates.list(first.subgroup(), first, form);
        });
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("slug") String slug, @PathParam("id") long id) {
        return pages.render(page(slug, id, FormState.empty("edit")));
    }

    @POST
    @Path("{id}/edit")
    public Response edit(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String body) {
        return act(slug, id, "edit", Pages.typed("body", body),
                () -> posts.edit(currentUser.viewer(), CommunityRef.slug(slug), id, body));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        posts.delete(currentUser.viewer(), CommunityRef.slug(slug), id).orElseThrow(NotFoundException::new);
        return Links.seeOther(Links.community(slug, "posts"));
    }

    @POST
    @Path("{id}/hide")
    public Response hide(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String reason) {
        return act(slug, id, "hide", Pages.typed("reason", reason),
                () -> posts.hide(currentUser.viewer(), CommunityRef.slug(slug), id, reason, true));
    }

    @POST
    @Path("{id}/unhide")
    public Response unhide(@PathParam("slug") String slug, @PathParam("id") long id) {
        return act(slug, id, "hide", Map.of(),
                () -> posts.hide(currentUser.viewer(), CommunityRef.slug(slug), id, null, false));
    }

    @POST
    @Path("{id}/react")
    public Response react(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String kind) {
        PostReaction.Kind parsed = PostReaction.Kind.parse(kind);
        posts.react(currentUser.viewer(), CommunityRef.slug(slug), id, parsed).orElseThrow(NotFoundException::new);
        return Links.seeOther(Links.community(slug, "posts", "#post-" + id));
    }

    @POST
    @Path("{id}/comments")
    @RateLimited(RateLimited.Kind.POSTING)
    public Response comment(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String body) {
        return act(slug, id, "comment", Pages.typed("body", body),
                () -> posts.comment(currentUser.viewer(), CommunityRef.slug(slug), id, body));
    }

    @POST
    @Path("{id}/comments/{commentId}/edit")
    public Response editComment(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("commentId") long commentId, @RestForm String body) {
        return act(slug, id, "comment-" + commentId, Pages.typed("body", body),
                () -> posts.editComment(currentUser.viewer(), CommunityRef.slug(slug), commentId, body));
    }

    @POST
    @Path("{id}/comments/{commentId}/delete")
    public Response deleteComment(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("commentId") long commentId) {
        return act(slug, id, "comment-" + commentId, Map.of(),
                () -> posts.deleteComment(currentUser.viewer(), CommunityRef.slug(slug), commentId));
    }

    @POST
    @Path("{id}/comments/{commentId}/hide")
    public Response hideComment(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("commentId") long commentId, @RestForm String reason) {
        return act(slug, id, "hide-" + commentId, Pages.typed("reason", reason),
                () -> posts.hideComment(currentUser.viewer(), CommunityRef.slug(slug), commentId, reason, true));
    }

    @POST
    @Path("{id}/comments/{commentId}/unhide")
    public Response unhideComment(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("commentId") long commentId) {
        return act(slug, id, "hide-" + commentId, Map.of(),
                () -> posts.hideComment(currentUser.viewer(), CommunityRef.slug(slug), commentId, null, false));
    }

    /** Runs an action, then back to the page; on a mistake the page comes back with what was typed. */
    private Response act(String slug, long id, String formId, Map<String, String> typed, Supplier<Optional<?>> action) {
        return pages.act(formId, typed, action, Links.community(slug, "posts", id), form -> page(slug, id, form));
    }

    private TemplateInstance page(String slug, long id, FormState form) {
        PostItemPage post = posts.find(currentUser.viewer(), CommunityRef.slug(slug), id)
                .orElseThrow(NotFoundException::new);
        return Templates.show(post.subgroup(), post.view(), form);
    }
}
