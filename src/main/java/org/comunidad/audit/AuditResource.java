package org.comunidad.audit;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;

import org.comunidad.community.Community;
import org.comunidad.platform.audit.AuditActions;
import org.comunidad.platform.audit.AuditTrail;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.AppMessages;
import org.comunidad.platform.web.Forms;
import org.comunidad.platform.web.FilterDates;
import org.comunidad.platform.web.Pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The audit log as its readers see it: the sector coordinator their group's (the group's
 * own entries and its subgroups'), the forum admin everyone's; filtered, paged, and
 * exported as CSV. Members without the role get a refusal; outsiders, "not found".
 */
@Path("/")
@Authenticated
public class AuditResource {

    /** The filters as typed, to show them again and to build links. */
    public record Query(String action, String from, String to) {

        public String link(String base, Long before) {
            UriBuilder uri = UriBuilder.fromPath(base);
            if (action != null && !action.isBlank()) {
                uri.queryParam("action", action);
            }
            if (from != null && !from.isBlank()) {
                uri.queryParam("from", from);
            }
            if (to != null && !to.isBlank()) {
                uri.queryParam("to", to);
            }
            if (before != null) {
                uri.queryParam("before", before);
            }
            return uri.build().toString();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Community group, Query query, AuditTrail.Page page, String base, Long before);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditReader reader;

    @Inject
    AuditTrail trail;

    @Inject
    AuditActions actions;

    @Inject
    Forms forms;

    @Inject
    Pages pages;

    @GET
    @Path("c/{slug}/audit")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance group(@PathParam("slug") String slug, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("before") Long before) {
        return list(slug, new Query(action, from, to), before);
    }

    @GET
    @Path("c/{slug}/audit.csv")
    @Produces("text/csv")
    public Response groupCsv(@PathParam("slug") String slug, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return csv(slug, new Query(action, from, to));
    }

    @GET
    @Path("audit")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance all(@QueryParam("action") String action, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("before") Long before) {
        return list(null, new Query(action, from, to), before);
    }

    @GET
    @Path("audit.csv")
    @Produces("text/csv")
    public Response allCsv(@QueryParam("action") String action, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return csv(null, new Query(action, from, to));
    }

    /** A group's log (by its slug) or the forum's (null slug). */
    private TemplateInstance list(String slug, Query query, Long before) {
        AuditReader.Listing listing = reader.page(currentUser.viewer(), slug, filters(query, before), currentUser.zone())
                .orElseThrow(NotFoundException::new);
        return pages.render(Templates.list(listing.scope().group(), query, listing.page(), listing.scope().base(),
                before));
    }

    private Response csv(String slug, Query query) {
        AuditReader.Scope scope = reader.scope(currentUser.viewer(), slug).orElseThrow(NotFoundException::new);
        Long groupId = scope.groupId();
        AppMessages msg = forms.messages();
        List<String> header = List.of(msg.audit_col_when(), msg.audit_col_who(), msg.audit_col_country(),
                msg.audit_col_community(), msg.audit_col_action(), msg.audit_col_target_type(),
                msg.audit_col_target(), msg.audit_col_detail(), msg.audit_col_request());
        String language = currentUser.language();
        java.time.ZoneId zone = currentUser.zone();
        AuditTrail.Filters filters = filters(query, null);
        StreamingOutput body = out -> trail.csv(groupId, filters, zone, header, language, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition",
                        "attachment; filename=\"" + scope.fileName() + "-" + LocalDate.now() + ".csv\"")
                .header("Cache-Control", "private, no-store").build();
    }

    private AuditTrail.Filters filters(Query query, Long before) {
        return new AuditTrail.Filters(query.action() == null || query.action().isBlank() ? null
                : actions.known(query.action()), FilterDates.parse(query.from()), FilterDates.parse(query.to()), before);
    }
}
