package org.comunidad.plan;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.security.CurrentUser;

import io.quarkus.security.Authenticated;

/** My tasks (assigned to me, in the communities I see) as a spreadsheet ({@code ?format=xlsx|csv}). */
@Path("/tasks/export")
@Authenticated
public class MyTasksExportResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    PlanTransferService transfers;

    @GET
    public Response export(@QueryParam("format") String format) {
        try {
            return PlanExportResource.send(transfers.myTasks(currentUser.viewer(), format,
                    currentUser.locale().getLanguage()));
        } catch (InvalidInput e) {
            throw new BadRequestException("format=xlsx|csv");
        }
    }
}
