package org.comunidad.plan;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.comunidad.plan.TaskService.Row;
import org.comunidad.plan.TaskService.TaskInput;
import org.comunidad.plan.TaskService.TaskPage;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.RateLimited;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** A community's tasks for integrations, under the same rules as the pages; the caller's own: {@link MyTasksApi}. */
@Path("/api/communities/{id}/tasks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
@SecurityRequirement(name = "SecurityScheme")
public class TaskApi {

    /**
     * A task to create or update. assignee: a member id of the working group; due: a date
     * (2021-03-15) or a period as the plans write it ("Primer bimestre 2021", "Por definir");
     * item: a plan activity's id, action: a meeting action item's id (on creation only); status
     * (on update only): OPEN, IN_PROGRESS, DONE or CANCELLED.
     */
    public record TaskRequest(String title, String description, Long assignee, String due, Long item, Long action,
            String status) {

        TaskInput input() {
            return new TaskInput(title, description, text(assignee), due, text(item), text(action));
        }

        private static String text(Long id) {
            return id == null ? null : id.toString();
        }
    }

    /** A task in a list; deadline: the last day of its due date or period (null when none). */
    public record TaskSummaryDto(long id, String title, String assignee, String due, LocalDate deadline,
            boolean overdue, String status, String community, String link) {
        static TaskSummaryDto of(Row r) {
            return new TaskSummaryDto(r.id(), r.title(), r.assignee(), r.dueText(), r.deadline(), r.overdue(),
                    r.status().name(), r.slug(), r.link());
        }
    }

    public record CommentDto(long id, String author, String body, java.time.OffsetDateTime at) {
    }

    /** A task; itemLink: the plan activity it comes from; actionLink: the meeting's action item it follows. */
    public record TaskDto(long id, String title, String description, String assignee, String due, LocalDate deadline,
            boolean overdue, String status, String createdBy, String itemLink, String actionLink,
            List<CommentDto> comments, boolean canEdit) {
        static TaskDto of(TaskPage p) {
            return new TaskDto(p.id(), p.title(), p.description(), p.assignee(), p.dueText(), p.deadline(),
                    p.overdue(), p.status().name(), p.createdBy(), p.itemLink(),
                    p.action() == null ? null : p.action().link(),
                    p.comments().stream().map(c -> new CommentDto(c.id(), c.author(), c.body(), c.at())).toList(),
                    p.canEdit());
        }
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    TaskService tasks;

    @GET
    @Operation(summary = "A community's tasks: open ones (or all with show=all), overdue first (at most 500)")
    public List<TaskSummaryDto> list(@PathParam("id") long communityId, @QueryParam("show") String show) {
        return tasks.communityTasks(currentUser.viewer(), CommunityRef.id(communityId), "all".equals(show),
                currentUser.zone()).orElseThrow(NotFoundException::new).rows().stream().map(TaskSummaryDto::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a task (the community's members and moderators); the assignee is notified")
    @RateLimited(RateLimited.Kind.POSTING)
    public Response create(@PathParam("id") long communityId, TaskRequest request) {
        TaskRequest r = request == null ? new TaskRequest(null, null, null, null, null, null, null) : request;
        Task t = tasks.create(currentUser.viewer(), CommunityRef.id(communityId), r.input())
                .orElseThrow(NotFoundException::new);
        return Response.created(URI.create("/api/communities/" + communityId + "/tasks/" + t.id))
                .entity(read(communityId, t.id)).build();
    }

    @GET
    @Path("{taskId}")
    @Operation(summary = "A task with its comments")
    public TaskDto get(@PathParam("id") long communityId, @PathParam("taskId") long id) {
        return read(communityId, id);
    }

    @PUT
    @Path("{taskId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a task (its author, its assignee, the community's moderators): every field, and the status if given")
    public TaskDto update(@PathParam("id") long communityId, @PathParam("taskId") long id, TaskRequest request) {
        TaskRequest r = request == null ? new TaskRequest(null, null, null, null, null, null, null) : request;
        tasks.save(currentUser.viewer(), CommunityRef.id(communityId), id, r.input(), r.status())
                .orElseThrow(NotFoundException::new);
        return read(communityId, id);
    }

    private TaskDto read(long communityId, long id) {
        return tasks.page(currentUser.viewer(), CommunityRef.id(communityId), id, currentUser.zone())
                .map(TaskDto::of).orElseThrow(NotFoundException::new);
    }
}
