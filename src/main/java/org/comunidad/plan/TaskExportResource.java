package org.comunidad.plan;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;

import io.quarkus.security.Authenticated;

/** A community's tasks as a spreadsheet ({@code ?format=xlsx|csv}); those who read them export them. */
@Path("/c/{slug}/tasks/export")
@Authenticated
public class TaskExportResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    PlanTransferService transfers;

    @GET
    public Response export(@PathParam("slug") String slug, @QueryParam("format") String format) {
        try {
            return PlanExportResource.send(transfers.communityTasks(currentUser.viewer(), CommunityRef.slug(slug), format,
                    currentUser.locale().getLanguage()).orElseThrow(NotFoundException::new));
        } catch (InvalidInput e) {
            throw new BadRequestException("format=xlsx|csv");
        }
    }
}
