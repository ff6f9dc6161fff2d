package org.comunidad.post;

import java.net.URI;
import java.time.OffsetDateTime;
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
import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.content.WhatsNew;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Forms;
import org.comunidad.platform.web.Pages;
import org.comunidad.platform.web.RateLimited;
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
    CommunityService communities;

    @Inject
    PostService posts;

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
        Community subgroup = subgroup(viewer, slug);
        OffsetDateTime seen = whatsNew.visit(viewer.memberId(), subgroup.id, PostContributions.TAB).orElse(null);
        return pages.render(Templates.list(subgroup, posts.page(viewer, subgroup, page, seen), FormState.empty("post")));
    }

    @POST
    @RateLimited(RateLimited.Kind.POSTING)
    public Response create(@PathParam("slug") String slug, @RestForm String body) {
        Viewer viewer = currentUser.viewer();
        Community subgroup = subgroup(viewer, slug);
        try {
            Post post = posts.create(viewer, subgroup, body);
            return seeOther("/c/" + subgroup.slug + "/posts#post-" + post.id);
        } catch (InvalidInput invalid) {
            FormState form = forms.failed("post", invalid, Map.of("body", body == null ? "" : body));
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(pages.render(Templates.list(subgroup, posts.page(viewer, subgroup, 1, null), form))).build();
        }
    }

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance show(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community subgroup = subgroup(viewer, slug);
        return pages.render(Templates.show(subgroup, view(viewer, subgroup, id), FormState.empty("edit")));
    }

    @POST
    @Path("{id}/edit")
    public Response edit(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String body) {
        return act(slug, id, "edit", Map.of("body", nn(body)), (viewer, subgroup) -> posts.edit(viewer, subgroup, id, body));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community subgroup = subgroup(viewer, slug);
        posts.delete(viewer, subgroup, id);
        return seeOther("/c/" + subgroup.slug + "/posts");
    }

    @POST
    @Path("{id}/hide")
    public Response hide(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String reason) {
        return act(slug, id, "hide", Map.of("reason", nn(reason)),
                (viewer, subgroup) -> posts.hide(viewer, subgroup, id, reason, true));
    }

    @POST
    @Path("{id}/unhide")
    public Response unhide(@PathParam("slug") String slug, @PathParam("id") long id) {
        return act(slug, id, "hide", Map.of(), (viewer, subgroup) -> posts.hide(viewer, subgroup, id, null, false));
    }

    @POST
    @Path("{id}/react")
    public Response react(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String kind) {
        PostReaction.Kind parsed = parseKind(kind);
        Viewer viewer = currentUser.viewer();
        Community subgroup = subgroup(viewer, slug);
        posts.react(viewer, subgroup, id, parsed);
        return seeOther("/c/" + subgroup.slug + "/posts#post-" + id);
    }

    @POST
    @Path("{id}/comments")
    @RateLimited(RateLimited.Kind.POSTING)
    public Response comment(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String body) {
        return act(slug, id, "comment", Map.of("body", nn(body)), (viewer, subgroup) -> posts.comment(viewer, subgroup, id, body));
    }

    @POST
    @Path("{id}/comments/{commentId}/edit")
    public Response editComment(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("commentId") long commentId, @RestForm String body) {
        return act(slug, id, "comment-" + commentId, Map.of("body", nn(body)),
                (viewer, subgroup) -> posts.editComment(viewer, subgroup, commentId, body));
    }

    @POST
    @Path("{id}/comments/{commentId}/delete")
    public Response deleteComment(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("commentId") long commentId) {
        return act(slug, id, "comment-" + commentId, Map.of(),
                (viewer, subgroup) -> posts.deleteComment(viewer, subgroup, commentId));
    }

    @POST
    @Path("{id}/comments/{commentId}/hide")
    public Response hideComment(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("commentId") long commentId, @RestForm String reason) {
        return act(slug, id, "hide-" + commentId, Map.of("reason", nn(reason)),
                (viewer, subgroup) -> posts.hideComment(viewer, subgroup, commentId, reason, true));
    }

    @POST
    @Path("{id}/comments/{commentId}/unhide")
    public Response unhideComment(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("commentId") long commentId) {
        return act(slug, id, "hide-" + commentId, Map.of(),
                (viewer, subgroup) -> posts.hideComment(viewer, subgroup, commentId, null, false));
    }

    /** Runs an action on a post; on a mistake the post's page comes back with what was typed. */
    private Response act(String slug, long id, String formId, Map<String, String> typed,
            java.util.function.BiConsumer<Viewer, Community> action) {
        Viewer viewer = currentUser.viewer();
        Community subgroup = subgroup(viewer, slug);
        try {
            action.accept(viewer, subgroup);
        } catch (InvalidInput invalid) {
            FormState form = forms.failed(formId, invalid, typed);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(pages.render(Templates.show(subgroup, view(viewer, subgroup, id), form))).build();
        }
        return seeOther("/c/" + subgroup.slug + "/posts/" + id);
    }

    private PostView view(Viewer viewer, Community subgroup, long id) {
        return posts.find(viewer, subgroup, id).orElseThrow(NotFoundException::new);
    }

    private Community subgroup(Viewer viewer, String slug) {
        return communities.findVisible(viewer, slug).filter(c -> !c.isGroup()).orElseThrow(NotFoundException::new);
    }

    static PostReaction.Kind parseKind(String kind) {
        try {
            return PostReaction.Kind.valueOf(kind == null ? "" : kind.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.BadRequestException("unknown reaction " + kind);
        }
    }

    private static String nn(String value) {
        return value == null ? "" : value;
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }
}
