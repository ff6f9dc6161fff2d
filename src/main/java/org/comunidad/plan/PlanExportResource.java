package org.comunidad.plan;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;

import io.quarkus.security.Authenticated;

/**
 * A plan as a spreadsheet: {@code ?format=xlsx|csv}, and {@code &community=&year=} for one annual
 * plan, in the import's table shape (an export imports back into the same plan); the XLSX adds a
 * last sheet with every column (period as written, budget, currency, funding, responsible,
 * status, progress). Every member of the group exports; others 404.
 */
@Path("/c/{slug}/plans/{id}/export")
@Authenticated
public class PlanExportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    CurrentUser currentUser;

    @Inject
    PlanTransferService transfers;

    @GET
    public Response export(@PathParam("slug") String slug, @PathParam("id") long id, @QueryParam("format") String format,
            @QueryParam("community") String community, @QueryParam("year") String year) {
        try {
            return send(transfers.export(currentUser.viewer(), CommunityRef.slug(slug), id, format, community, year,
                    currentUser.locale().getLanguage()).orElseThrow(NotFoundException::new));
        } catch (InvalidInput e) {
            throw new BadRequestException("format=xlsx|csv");
        }
    }

    /** The file as an attachment, written as it streams out. */
    static Response send(PlanTransferService.Export export) {
        StreamingOutput body = out -> {
            if (export.xlsx()) {
                PlanSheets.writeXlsx(export.tables(), out);
            } else {
                PlanSheets.writeCsv(export.tables().get(0).rows(), out);
            }
        };
        return Response.ok(body, export.xlsx() ? XLSX : CSV)
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .header("Cache-Control", "private, no-store").build();
    }
}
