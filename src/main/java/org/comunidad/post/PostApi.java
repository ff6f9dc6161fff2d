package org.comunidad.post;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
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
import org.comunidad.community.CommunityService;
import org.comunidad.platform.content.ApiAuthor;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.RateLimited;
import org.comunidad.post.PostService.CommentView;
import org.comunidad.post.PostService.PostView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** A subgroup's posts, comments and reactions for integrations: same rules as the pages. */
@Path("/api/communities/{communityId}/posts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posts")
@SecurityRequirement(name = "SecurityScheme")
public class PostApi {

    public record TextRequest(String body) {
    }

    public record ReactionRequest(String kind) {
    }

    public record CommentDto(long id, String body, String html, boolean hidden, String hiddenReason, boolean edited,
            ApiAuthor author, OffsetDateTime createdAt) {
        static CommentDto of(CommentView v) {
            PostComment c = v.comment();
            return new CommentDto(c.id, c.body, v.html().getValue(), c.getState().isHidden(), c.getState().hiddenReason,
                    c.getState().isEdited(), ApiAuthor.of(c.author), c.createdAt);
        }
    }

    public record PostDto(long id, String body, String html, List<String> videos, boolean hidden, String hiddenReason,
            boolean edited, ApiAuthor author, OffsetDateTime createdAt, Map<PostReaction.Kind, Long> reactions,
            List<CommentDto> comments) {
        static PostDto of(PostView v) {
            Post p = v.post();
            return new PostDto(p.id, p.body, v.html().getValue(), v.embeds().stream().map(e -> e.embedUrl()).toList(),
                    p.getState().isHidden(), p.getState().hiddenReason, p.getState().isEdited(), ApiAuthor.of(p.author), p.createdAt,
                    v.reactions(), v.comments().stream().map(CommentDto::of).toList());
        }
    }

    public record PostList(List<PostDto> items, int page, boolean hasNext) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    CommunityService communities;

    @Inject
    PostService posts;

    @GET
    @Operation(summary = "Posts of a subgroup, newest first (20 per page), with comments and reactions")
    public PostList list(@PathParam("communityId") long communityId, @QueryParam("page") @DefaultValue("1") int page) {
        Viewer viewer = currentUser.viewer();
        PostService.PostPage result = posts.page(viewer, subgroup(viewer, communityId), page, null);
        return new PostList(result.posts().stream().map(PostDto::of).toList(), result.page(), result.hasNext());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One post with its comments")
    public PostDto get(@PathParam("communityId") long communityId, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        return posts.find(viewer, subgroup(viewer, communityId), id).map(PostDto::of)
                .orElseThrow(NotFoundException::new);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write a post in the subgroup (members of the subgroup and the group's coordinator)")
    @RateLimited(RateLimited.Kind.POSTING)
    public Response create(@PathParam("communityId") long communityId, TextRequest request) {
        Viewer viewer = currentUser.viewer();
        Community subgroup = subgroup(viewer, communityId);
        Post post = posts.create(viewer, subgroup, request == null ? null : request.body());
        return Response.created(URI.create("/api/communities/" + subgroup.id + "/posts/" + post.id))
                .entity(PostDto.of(posts.find(viewer, subgroup, post.id).orElseThrow())).build();
    }

    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on a post")
    @RateLimited(RateLimited.Kind.POSTING)
    public Response comment(@PathParam("communityId") long communityId, @PathParam("id") long id, TextRequest request) {
        Viewer viewer = currentUser.viewer();
        Community subgroup = subgroup(viewer, communityId);
        PostComment comment = posts.comment(viewer, subgroup, id, request == null ? null : request.body());
        PostView view = posts.find(viewer, subgroup, id).orElseThrow();
        CommentView created = view.comments().stream().filter(c -> c.comment().id.equals(comment.id)).findFirst()
                .orElseThrow();
        return Response.created(URI.create("/api/communities/" + subgroup.id + "/posts/" + id))
                .entity(CommentDto.of(created)).build();
    }

    @POST
    @Path("{id}/reactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give a reaction (LIKE, THANKS, AGREE, IDEA), or take it back if given")
    public Map<String, Boolean> react(@PathParam("communityId") long communityId, @PathParam("id") long id,
            ReactionRequest request) {
        Viewer viewer = currentUser.viewer();
        PostReaction.Kind kind = PostResource.parseKind(request == null ? null : request.kind());
        return Map.of("on", posts.react(viewer, subgroup(viewer, communityId), id, kind));
    }

    private Community subgroup(Viewer viewer, long id) {
        return communities.findVisible(viewer, id).filter(c -> !c.isGroup()).orElseThrow(NotFoundException::new);
    }
}
