package org.comunidad.member;

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

import org.comunidad.community.Community;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * A member of a working group as its coordinator manages them: roles in and out, removal, the
 * account switch (the forum admin), and a subgroup's officials (its country responsible). The
 * rules are {@link MemberAdminAccess}'s, the work {@link MembershipAdmin}'s and {@link CountryOfficials}'.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MemberAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance manage(MembershipAdmin.Manage page, FormState form, List<RawString> sections);
    }

    @Inject
    PageSections sections;

    @Inject
    CurrentUser currentUser;

    @Inject
    MembershipAdmin admin;

    @Inject
    CountryOfficials officials;

    @Inject
    Pages pages;

    @GET
    @Path("c/{slug}/members/{member}")
    public TemplateInstance manage(@PathParam("slug") String slug, @PathParam("member") long memberId) {
        return pages.render(page(currentUser.viewer(), slug, memberId, FormState.empty("role")));
    }

    @POST
    @Path("c/{slug}/members/{member}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("slug") String slug, @PathParam("member") long memberId, @RestForm String role,
            @RestForm String community, @RestForm String country) {
        Viewer viewer = currentUser.viewer();
        return pages.submit("role", Pages.typed("role", role, "community", community, "country", country), () -> {
            Community group = admin.assign(viewer, slug, memberId, new MembershipAdmin.RoleDraft(role, community, country))
                    .orElseThrow(NotFoundException::new);
            return Links.seeOther(Links.community(group.slug, "members", memberId));
        }, form -> page(viewer, slug, memberId, form));
    }

    @POST
    @Path("c/{slug}/members/{member}/roles/{membership}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unassign(@PathParam("slug") String slug, @PathParam("member") long memberId,
            @PathParam("membership") long membershipId) {
        return Links.seeOther(admin.unassign(currentUser.viewer(), slug, memberId, membershipId)
                .orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("c/{slug}/members/{member}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("slug") String slug, @PathParam("member") long memberId) {
        Community group = admin.remove(currentUser.viewer(), slug, memberId).orElseThrow(NotFoundException::new);
        return Links.seeOther(Links.community(group.slug, "members"));
    }

    /** The forum admin disables an account or enables it again ({@link MembershipAdmin#setEnabled}). */
    @POST
    @Path("c/{slug}/members/{member}/account")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response account(@PathParam("slug") String slug, @PathParam("member") long memberId,
            @RestForm String enabled) {
        Viewer viewer = currentUser.viewer();
        try {
            Community group = admin.setEnabled(viewer, slug, memberId, "true".equals(enabled))
                    .orElseThrow(NotFoundException::new);
            return Links.seeOther(Links.community(group.slug, "members", memberId));
        } catch (KeycloakAccounts.Unavailable unavailable) {
            return Response.status(503).entity(pages.render(page(viewer, slug, memberId, FormState.empty("role"))))
                    .build();
        }
    }

    @POST
    @Path("c/{slug}/officials")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addOfficial(@PathParam("slug") String slug, @RestForm("member") Long member) {
        Community subgroup = officials.add(currentUser.viewer(), slug, member).orElseThrow(NotFoundException::new);
        return Links.seeOther(Links.community(subgroup.slug, "members"));
    }

    @POST
    @Path("c/{slug}/officials/{member}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeOfficial(@PathParam("slug") String slug, @PathParam("member") long memberId) {
        Community subgroup = officials.remove(currentUser.viewer(), slug, memberId).orElseThrow(NotFoundException::new);
        return Links.seeOther(Links.community(subgroup.slug, "members"));
    }

    private TemplateInstance page(Viewer viewer, String slug, long memberId, FormState form) {
        MembershipAdmin.Manage page = admin.manage(viewer, slug, memberId).orElseThrow(NotFoundException::new);
        return Templates.manage(page, form, sections.memberPage(page.group(), page.member().id()));
    }
}
