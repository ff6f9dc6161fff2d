package org.comunidad.discussion;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

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

import org.comunidad.discussion.DiscussionService.DiscussionInput;
import org.comunidad.discussion.DiscussionService.ReplyView;
import org.comunidad.discussion.DiscussionService.Summary;
import org.comunidad.discussion.DiscussionService.Thread;
import org.comunidad.platform.content.ApiAuthor;
import org.comunidad.platform.content.ContentView;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.RateLimited;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** A subgroup's formal discussions for integrations: same rules as the pages. */
@Path("/api/communities/{communityId}/discussions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Discussions")
@SecurityRequirement(name = "SecurityScheme")
public class DiscussionApi {

    public record DiscussionRequest(String title, String agendaTopic, String opening, String deadline) {
    }

    public record ReplyRequest(String body, Long parentId) {
    }

    public record SummaryDto(long id, String title, String agendaTopic, String status, boolean pinned, int replyCount,
            OffsetDateTime lastActivityAt, LocalDate deadline, ApiAuthor author) {
        static SummaryDto of(Summary d) {
            return new SummaryDto(d.id(), d.title(), d.agendaTopic(), d.status().name(), d.pinned(), d.replyCount(),
                    d.lastActivityAt(), d.deadline(), ApiAuthor.of(d.author()));
        }
    }

    public record ListsDto(List<SummaryDto> open, List<SummaryDto> closed) {
    }

    public record ReplyDto(long id, Long parentId, String body, String html, boolean removed, boolean hidden,
            String hiddenReason, boolean edited, ApiAuthor author, OffsetDateTime createdAt, List<ReplyDto> answers) {
        static ReplyDto of(ReplyView v) {
            ContentView r = v.content();
            List<ReplyDto> answers = v.answers().stream().map(ReplyDto::of).toList();
            if (v.placeholder()) {
                return new ReplyDto(r.id(), v.parentId(), null, null, true, false, null, false, null, r.createdAt(),
                        answers);
            }
            return new ReplyDto(r.id(), v.parentId(), r.body(), r.html().getValue(), false, r.hidden(), r.hiddenReason(),
                    r.edited(), ApiAuthor.of(r.author()), r.createdAt(), answers);
        }
    }

    /** canEdit: the caller may edit the opening (its author, while the discussion is open). */
    public record ThreadDto(SummaryDto discussion, String opening, String conclusion, boolean canReply,
            boolean canEdit, List<ReplyDto> replies) {
        static ThreadDto of(Thread t) {
            return new ThreadDto(SummaryDto.of(t.discussion()), t.content().body(), t.discussion().isOpen() ? null
                    : t.conclusion(), t.canReply(), t.content().canEdit(), t.replies().stream().map(ReplyDto::of).toList());
        }
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    DiscussionService discussions;

    @GET
    @Operation(summary = "Open and closed discussions of a subgroup, with reply counts and last activity")
    public ListsDto list(@PathParam("communityId") long communityId) {
        DiscussionService.Lists lists = discussions.lists(currentUser.viewer(), CommunityRef.id(communityId), false)
                .orElseThrow(NotFoundException::new);
        return new ListsDto(lists.open().stream().map(SummaryDto::of).toList(),
                lists.closed().stream().map(SummaryDto::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a discussion (the subgroup's leader or the group's coordinator only); deadline as YYYY-MM-DD")
    @RateLimited(RateLimited.Kind.POSTING)
    public Response open(@PathParam("communityId") long communityId, DiscussionRequest request) {
        DiscussionRequest r = request == null ? new DiscussionRequest(null, null, null, null) : request;
        Thread thread = discussions.open(currentUser.viewer(), CommunityRef.id(communityId),
                new DiscussionInput(r.title(), r.agendaTopic(), r.opening(), r.deadline()), currentUser.zone())
                .orElseThrow(NotFoundException::new);
        return Response.created(URI.create("/api/communities/" + communityId + "/discussions/" + thread.discussion().id()))
                .entity(ThreadDto.of(thread)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A discussion with its replies (two levels)")
    public ThreadDto get(@PathParam("communityId") long communityId, @PathParam("id") long id) {
        return discussions.thread(currentUser.viewer(), CommunityRef.id(communityId), id, currentUser.zone())
                .map(ThreadDto::of).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reply to the discussion, or to a top-level reply with parentId")
    @RateLimited(RateLimited.Kind.POSTING)
    public Response reply(@PathParam("communityId") long communityId, @PathParam("id") long id, ReplyRequest request) {
        ReplyRequest r = request == null ? new ReplyRequest(null, null) : request;
        ReplyView reply = discussions.reply(currentUser.viewer(), CommunityRef.id(communityId), id, r.parentId(),
                r.body(), currentUser.zone()).orElseThrow(NotFoundException::new);
        return Response.created(URI.create("/api/communities/" + communityId + "/discussions/" + id))
                .entity(ReplyDto.of(reply)).build();
    }
}
