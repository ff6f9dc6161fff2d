package org.comunidad.member;

import org.comunidad.community.Country;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import org.comunidad.community.Community;
import org.comunidad.community.CommunityService;
import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Forms;
import org.comunidad.platform.web.Pages;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * Invitations of a working group (`/c/{group}/invitations`) for its coordinator and the
 * forum admin, and the page Keycloak returns the invitee to (`/invitations/welcome`).
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitations(Community group, List<Invitations.Row> invitations,
                List<Community> communities, List<Country> countries, FormState form, String notice);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    CommunityService communities;

    @Inject
    Invitations invitations;

    @Inject
    Forms forms;

    @Inject
    Pages pages;

    @GET
    @Path("c/{slug}/invitations")
    public TemplateInstance list(@PathParam("slug") String slug, @jakarta.ws.rs.QueryParam("sent") String sent) {
        Viewer viewer = currentUser.viewer();
        return QuarkusTransaction.joiningExisting().call(() -> page(viewer, group(viewer, slug),
                FormState.empty("invite"), sent == null ? null : "sent"));
    }

    @POST
    @Path("c/{slug}/invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@PathParam("slug") String slug, @RestForm String email, @RestForm String firstName,
            @RestForm String lastName, @RestForm String country, @RestForm String institution,
            @RestForm String position, @RestForm String language, @RestForm String role,
            @RestForm String community) {
        Viewer viewer = currentUser.viewer();
        Community group = QuarkusTransaction.joiningExisting().call(() -> group(viewer, slug));
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("email", email);
        typed.put("firstName", firstName);
        typed.put("lastName", lastName);
        typed.put("country", country);
        typed.put("institution", institution);
        typed.put("position", position);
        typed.put("language", language);
        typed.put("role", role);
        typed.put("community", community);
        try {
            invitations.invite(viewer, group, new Invitations.Draft(email, firstName, lastName, country, institution,
                    position, language, role, community));
        } catch (InvalidInput invalid) {
            FormState form = forms.failed("invite", invalid, typed);
            return Response.status(400).entity(QuarkusTransaction.joiningExisting()
                    .call(() -> page(viewer, group, form, null))).build();
        } catch (KeycloakAccounts.Unavailable unavailable) {
            return unavailable(viewer, group, new FormState("invite", clean(typed), Map.of()));
        }
        return Response.seeOther(URI.create("/c/" + group.slug + "/invitations?sent=1")).build();
    }

    @POST
    @Path("c/{slug}/invitations/{id}/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community group = QuarkusTransaction.joiningExisting().call(() -> group(viewer, slug));
        try {
            invitations.resend(viewer, group, id);
        } catch (KeycloakAccounts.Unavailable unavailable) {
            return unavailable(viewer, group, FormState.empty("invite"));
        }
        return Response.seeOther(URI.create("/c/" + group.slug + "/invitations?sent=1")).build();
    }

    @POST
    @Path("c/{slug}/invitations/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community group = QuarkusTransaction.joiningExisting().call(() -> group(viewer, slug));
        try {
            invitations.revoke(viewer, group, id);
        } catch (KeycloakAccounts.Unavailable unavailable) {
            return unavailable(viewer, group, FormState.empty("invite"));
        }
        return Response.seeOther(URI.create("/c/" + group.slug + "/invitations")).build();
    }

    /**
     * Where Keycloak sends the invitee after they verified their email and chose a password
     * (and signed in): the roles were given on their first request; they land in the community.
     */
    @GET
    @Path("invitations/welcome")
    public Response welcome() {
        long memberId = currentUser.require().id();
        String slug = QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> latest = Member.getEntityManager().createNativeQuery("""
                    select c.slug from invitation i join community c on c.id = i.community_id
                    where i.accepted_member_id = ?1 order by i.accepted_at desc limit 1""")
                    .setParameter(1, memberId).getResultList();
            return latest.stream().findFirst().orElse(null);
        });
        return Response.seeOther(URI.create(slug == null ? "/" : "/c/" + slug)).build();
    }

    private TemplateInstance page(Viewer viewer, Community group, FormState form, String notice) {
        List<Invitations.Row> rows = invitations.list(viewer, group);
        List<Community> tree = new ArrayList<>();
        tree.add(group);
        tree.addAll(Community.subgroupsOf(List.of(group.id)));
        return pages.render(Templates.invitations(group, rows, tree, Country.all(), form, notice));
    }

    /** Keycloak or mail could not be reached: 503, nothing kept, the form as it was. */
    private Response unavailable(Viewer viewer, Community group, FormState form) {
        return Response.status(503).entity(QuarkusTransaction.joiningExisting()
                .call(() -> page(viewer, group, form, "unavailable"))).build();
    }

    private static Map<String, String> clean(Map<String, String> typed) {
        Map<String, String> values = new LinkedHashMap<>();
        typed.forEach((k, v) -> values.put(k, v == null ? "" : v));
        return values;
    }

    private Community group(Viewer viewer, String slug) {
        return communities.findVisible(viewer, slug).filter(Community::isGroup).orElseThrow(NotFoundException::new);
    }
}
