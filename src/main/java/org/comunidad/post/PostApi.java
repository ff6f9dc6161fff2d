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

import org.comunidad.platform.content.ApiAuthor;
import org.comunidad.platform.content.ContentView;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.RateLimited;
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
        static CommentDto of(ContentView c) {
            return new CommentDto(c.id(), c.body(), c.html().getValue(), c.hidden(), c.hiddenReason(), c.edited(),
                    ApiAuthor.of(c.author()), c.createdAt());
        }
    }

    public record PostDto(long id, String body, String html, List<String> videos, boolean hidden, String hiddenReason,
            boolean edited, ApiAuthor author, OffsetDateTime createdAt, Map<PostReaction.Kind, Long> reactions,
            List<CommentDto> comments) {
        static PostDto of(PostView v) {
            ContentView p = v.content();
            return new PostDto(p.id(), p.body(), p.html().getValue(), v.embeds().stream().map(e -> e.embedUrl()).toList(),
                    p.hidden(), p.hiddenReason(), p.edited(), ApiAuthor.of(p.author()), p.createdAt(),
                    v.reactions(), v.comments().stream().map(CommentDto::of).toList());
        }
    }

    public record PostList(List<PostDto> items, int page, boolean hasNext) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    PostService posts;

    @GET
    @Operation(summary = "Posts of a subgroup, newest first (20 per page), with comments and reactions")
    public PostList list(@PathParam("communityId") long communityId, @QueryParam("page") @DefaultValue("1") int page) {
        PostService.PostPage result = posts.page(currentUser.viewer(), CommunityRef.id(communityId), page, false)
                .orElseThrow(NotFoundException::new);
        return new PostList(result.posts().stream().map(PostDto::of).toList(), result.page(), result.hasNext());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One post with its comments")
    public PostDto get(@PathParam("communityId") long communityId, @PathParam("id") long id) {
        return posts.find(currentUser.viewer(), CommunityRef.id(communityId), id).map(p -> PostDto.of(p.view()))
                .orElseThrow(NotFoundException::new);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write a post in the subgroup (members of the subgroup and the group's coordinator)")
    @RateLimited(RateLimited.Kind.POSTING)
    public Response create(@PathParam("communityId") long communityId, TextRequest request) {
        PostView post = posts.create(currentUser.viewer(), CommunityRef.id(communityId),
                request == null ? null : request.body()).orElseThrow(NotFoundException::new);
        return Response.created(URI.create("/api/communities/" + communityId + "/posts/" + post.id()))
                .entity(PostDto.of(post)).build();
    }

    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on a post")
    @RateLimited(RateLimited.Kind.POSTING)
    public Response comment(@PathParam("communityId") long communityId, @PathParam("id") long id, TextRequest request) {
        ContentView comment = posts.comment(currentUser.viewer(), CommunityRef.id(communityId), id,
                request == null ? null : request.body()).orElseThrow(NotFoundException::new);
        return Response.created(URI.create("/api/communities/" + communityId + "/posts/" + id))
                .entity(CommentDto.of(comment)).build();
    }

    @POST
    @Path("{id}/reactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give a reaction (LIKE, THANKS, AGREE, IDEA), or take it back if given")
    public Map<String, Boolean> react(@PathParam("communityId") long communityId, @PathParam("id") long id,
            ReactionRequest request) {
        PostReaction.Kind kind = PostReaction.Kind.parse(request == null ? null : request.kind());
        return Map.of("on", posts.react(currentUser.viewer(), CommunityRef.id(communityId), id, kind)
                .orElseThrow(NotFoundException::new));
    }
}
