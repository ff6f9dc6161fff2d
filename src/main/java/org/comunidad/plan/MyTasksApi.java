package org.comunidad.plan;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.plan.TaskApi.TaskSummaryDto;
import org.comunidad.platform.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** The caller's tasks across their communities, for integrations ({@code /api/tasks/mine}). */
@Path("/api/tasks/mine")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
@SecurityRequirement(name = "SecurityScheme")
public class MyTasksApi {

    @Inject
    CurrentUser currentUser;

    @Inject
    TaskService tasks;

    @GET
    @Operation(summary = "The caller's tasks across their communities, overdue first (open ones, or all with show=all)")
    public List<TaskSummaryDto> mine(@QueryParam("show") String show) {
        return tasks.mine(currentUser.viewer(), "all".equals(show), currentUser.zone()).rows().stream()
                .map(TaskSummaryDto::of).toList();
    }
}
