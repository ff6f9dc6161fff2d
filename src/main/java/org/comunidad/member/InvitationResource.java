package org.comunidad.member;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.comunidad.community.Community;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;
import org.jboss.resteasy.reactive.RestForm;

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
        static native TemplateInstance invitations(Invitations.Page page, FormState form, String notice);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    Invitations invitations;

    @Inject
    Pages pages;

    @GET
    @Path("c/{slug}/invitations")
    public TemplateInstance list(@PathParam("slug") String slug, @QueryParam("sent") String sent) {
        return pages.render(page(currentUser.viewer(), slug, FormState.empty("invite"), sent == null ? null : "sent"));
    }

    @POST
    @Path("c/{slug}/invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@PathParam("slug") String slug, @RestForm String email, @RestForm String firstName,
            @RestForm String lastName, @RestForm String country, @RestForm String institution,
            @RestForm String position, @RestForm String language, @RestForm String role,
            @RestForm String community) {
        Viewer viewer = currentUser.viewer();
        Map<String, String> typed = Pages.typed("email", email, "firstName", firstName, "lastName", lastName,
                "country", country, "institution", institution, "position", position, "language", language,
                "role", role, "community", community);
        try {
            return pages.submit("invite", typed, () -> {
                Community group = invitations.invite(viewer, slug, new Invitations.Draft(email, firstName, lastName,
                        country, institution, position, language, role, community)).orElseThrow(NotFoundException::new);
                return Links.seeOther(Links.community(group.slug, "invitations", "?sent=1"));
            }, form -> page(viewer, slug, form, null));
        } catch (KeycloakAccounts.Unavailable unavailable) {
            return unavailable(viewer, slug, new FormState("invite", typed, Map.of()));
        }
    }

    @POST
    @Path("c/{slug}/invitations/{id}/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        try {
            Community group = invitations.resend(viewer, slug, id).orElseThrow(NotFoundException::new);
            return Links.seeOther(Links.community(group.slug, "invitations", "?sent=1"));
        } catch (KeycloakAccounts.Unavailable unavailable) {
            return unavailable(viewer, slug, FormState.empty("invite"));
        }
    }

    @POST
    @Path("c/{slug}/invitations/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        try {
            Community group = invitations.revoke(viewer, slug, id).orElseThrow(NotFoundException::new);
            return Links.seeOther(Links.community(group.slug, "invitations"));
        } catch (KeycloakAccounts.Unavailable unavailable) {
            return unavailable(viewer, slug, FormState.empty("invite"));
        }
    }

    /**
     * Where Keycloak sends the invitee after they verified their email and chose a password
     * (and signed in): the roles were given on their first request; they land in the community.
     */
    @GET
    @Path("invitations/welcome")
    public Response welcome() {
        return Links.seeOther(invitations.latestAccepted(currentUser.require().id()).map(Links::community).orElse("/"));
    }

    private TemplateInstance page(Viewer viewer, String slug, FormState form, String notice) {
        return Templates.invitations(invitations.page(viewer, slug).orElseThrow(NotFoundException::new), form, notice);
    }

    /** Keycloak or mail could not be reached: 503, nothing kept, the form as it was. */
    private Response unavailable(Viewer viewer, String slug, FormState form) {
        return Response.status(503).entity(pages.render(page(viewer, slug, form, "unavailable"))).build();
    }
}
