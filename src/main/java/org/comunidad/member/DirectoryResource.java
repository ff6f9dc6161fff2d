package org.comunidad.member;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.comunidad.member.CommunityMembers.MemberRow;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.AppMessages;
import org.comunidad.platform.web.Forms;

import io.quarkus.security.Authenticated;

/**
 * The directory's exports, for the sector coordinator (and the forum admin): the members
 * of a group or subgroup, as filtered on the page, as CSV or as vCards. (Rooted at "/" like
 * the community pages: a class at /c/{slug} would take over /c/{slug} itself.)
 */
@Path("/")
@Authenticated
public class DirectoryResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    CommunityMembers members;

    @Inject
    Forms forms;

    @GET
    @Path("c/{slug}/members.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("slug") String slug, @QueryParam("country") String country,
            @QueryParam("role") String role, @QueryParam("subgroup") String subgroup, @QueryParam("q") String q) {
        AppMessages msg = forms.messages();
        String language = currentUser.language();
        CommunityMembers.Export export = export(slug, new Directory.Filter(country, role, subgroup, q));
        StringBuilder csv = new StringBuilder("\ufeff");
        csv.append(String.join(",", List.of(msg.members_name(), msg.members_email(), forms.bundle(AccountMessages.class).dir_phone(),
                msg.members_country(),
                msg.members_institution(), msg.members_position(), msg.members_roles()).stream()
                .map(org.comunidad.platform.web.Csv::cell).toList())).append("\r\n");
        for (MemberRow row : export.rows()) {
            Member m = row.member();
            csv.append(String.join(",", org.comunidad.platform.web.Csv.cell(m.displayName),
                    org.comunidad.platform.web.Csv.cell(m.emailVerified || m.email == null ? m.email
                            : forms.bundle(AccountMessages.class).dir_email_unverified()),
                    org.comunidad.platform.web.Csv.cell(m.phone),
                    org.comunidad.platform.web.Csv.cell(m.country == null ? "" : m.country.name.in(language)),
                    org.comunidad.platform.web.Csv.cell(m.institution), org.comunidad.platform.web.Csv.cell(m.position),
                    org.comunidad.platform.web.Csv.cell(roles(row, msg, language)))).append("\r\n");
        }
        String body = csv.toString();
        return Response.ok(body.getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"miembros-" + slug + "-" + LocalDate.now() + ".csv\"")
                .header("Cache-Control", "private, no-store").build();
    }

    @GET
    @Path("c/{slug}/members.vcf")
    @Produces("text/vcard")
    public Response vcard(@PathParam("slug") String slug, @QueryParam("country") String country,
            @QueryParam("role") String role, @QueryParam("subgroup") String subgroup, @QueryParam("q") String q) {
        AppMessages msg = forms.messages();
        String language = currentUser.language();
        CommunityMembers.Export export = export(slug, new Directory.Filter(country, role, subgroup, q));
        StringBuilder cards = new StringBuilder();
        for (MemberRow row : export.rows()) {
            Member m = row.member();
            cards.append("BEGIN:VCARD\r\nVERSION:4.0\r\n");
            cards.append("FN:").append(Directory.vcardText(m.displayName)).append("\r\n");
            if (m.verifiedEmail() != null) {
                cards.append("EMAIL;TYPE=work:").append(Directory.vcardText(m.verifiedEmail())).append("\r\n");
            }
            if (m.phone != null) {
                cards.append("TEL;TYPE=work,voice;VALUE=uri:tel:").append(m.phone.replaceAll("[^+0-9]", ""))
                        .append("\r\n");
            }
            if (m.institution != null) {
                cards.append("ORG:").append(Directory.vcardText(m.institution)).append("\r\n");
            }
            if (m.position != null) {
                cards.append("TITLE:").append(Directory.vcardText(m.position)).append("\r\n");
            }
            if (m.country != null) {
                cards.append("ADR;TYPE=work:;;;;;;").append(Directory.vcardText(m.country.name.in(language)))
                        .append("\r\n");
            }
            cards.append("NOTE:").append(Directory.vcardText(export.community().name.in(language) + ": "
                    + roles(row, msg, language))).append("\r\n");
            cards.append("END:VCARD\r\n");
        }
        String body = cards.toString();
        return Response.ok(body.getBytes(StandardCharsets.UTF_8), "text/vcard; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"miembros-" + slug + ".vcf\"")
                .header("Cache-Control", "private, no-store").build();
    }

    private CommunityMembers.Export export(String slug, Directory.Filter filter) {
        return members.export(currentUser.viewer(), slug, filter).orElseThrow(NotFoundException::new);
    }

    private static String roles(MemberRow row, AppMessages msg, String language) {
        return row.roles().stream().map(h -> msg.role(h.role())
                + (h.community().isGroup() ? "" : " (" + h.community().name.in(language) + ")"))
                .collect(Collectors.joining("; "));
    }
}
