package org.comunidad.member;

import org.comunidad.community.Country;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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

/** A member of a working group as its coordinator manages them: roles in and out, removal. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MemberAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance manage(Community group, MembershipAdmin.Standing standing,
                List<Community> communities, List<Country> countries, FormState form);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    CommunityService communities;

    @Inject
    MembershipAdmin admin;

    @Inject
    Forms forms;

    @Inject
    Pages pages;

    @GET
    @Path("c/{slug}/members/{member}")
    @Transactional
    public TemplateInstance manage(@PathParam("slug") String slug, @PathParam("member") long memberId) {
        Viewer viewer = currentUser.viewer();
        return page(viewer, group(viewer, slug), memberId, FormState.empty("role"));
    }

    private TemplateInstance page(Viewer viewer, Community group, long memberId, FormState form) {
        MembershipAdmin.Standing standing = admin.standing(viewer, group, memberId);
        List<Community> tree = new java.util.ArrayList<>();
        tree.add(group);
        tree.addAll(Community.subgroupsOf(List.of(group.id)));
        return pages.render(Templates.manage(group, standing, tree, Country.all(), form));
    }

    @POST
    @Path("c/{slug}/members/{member}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("slug") String slug, @PathParam("member") long memberId, @RestForm String role,
            @RestForm String community, @RestForm String country) {
        Viewer viewer = currentUser.viewer();
        Community group = group(viewer, slug);
        try {
            admin.assign(viewer, group, memberId, role, community, country);
        } catch (InvalidInput invalid) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("role", role);
            typed.put("community", community);
            typed.put("country", country);
            FormState form = forms.failed("role", invalid, typed);
            return Response.status(400).entity(QuarkusTransaction.joiningExisting()
                    .call(() -> page(viewer, group, memberId, form))).build();
        }
        // The realm role is the ceiling of community roles: the account gets it in Keycloak too
        // (from its next token on), or the new role would not take effect.
        realmRoles.grant(memberId, Directory.parseRole(role));
        return Response.seeOther(URI.create("/c/" + group.slug + "/members/" + memberId)).build();
    }

    @POST
    @Path("c/{slug}/members/{member}/roles/{membership}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unassign(@PathParam("slug") String slug, @PathParam("member") long memberId,
            @PathParam("membership") long membershipId) {
        Viewer viewer = currentUser.viewer();
        Community group = group(viewer, slug);
        admin.unassign(viewer, group, memberId, membershipId);
        realmRoles.reconcile(memberId);
        boolean stillIn = QuarkusTransaction.requiringNew().call(() -> Membership.count(
                "member.id = ?1 and (community.id = ?2 or community.parent.id = ?2)", memberId, group.id) > 0);
        return Response.seeOther(URI.create("/c/" + group.slug + "/members" + (stillIn ? "/" + memberId : ""))).build();
    }

    @POST
    @Path("c/{slug}/members/{member}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("slug") String slug, @PathParam("member") long memberId) {
        Viewer viewer = currentUser.viewer();
        Community group = group(viewer, slug);
        admin.remove(viewer, group, memberId);
        realmRoles.reconcile(memberId);
        return Response.seeOther(URI.create("/c/" + group.slug + "/members")).build();
    }

    @Inject
    KeycloakAccounts accounts;

    @Inject
    RealmRoles realmRoles;

    /**
     * The forum admin disables an account (in Keycloak: no new sign-in, sessions ended) or
     * enables it again. A disabled member's next request is refused, though their session is open.
     */
    @POST
    @Path("c/{slug}/members/{member}/account")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response account(@PathParam("slug") String slug, @PathParam("member") long memberId,
            @RestForm String enabled) {
        Viewer viewer = currentUser.viewer();
        Community group = group(viewer, slug);
        if (!viewer.isAdmin()) {
            throw new NotFoundException();
        }
        boolean enable = "true".equals(enabled);
        if (memberId == viewer.memberId()) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        Member member = QuarkusTransaction.requiringNew().call(() -> admin.standing(viewer, group, memberId).member());
        try {
            accounts.setEnabled(member.subject, enable);
        } catch (KeycloakAccounts.Unavailable unavailable) {
            return Response.status(503).entity(QuarkusTransaction.joiningExisting()
                    .call(() -> page(viewer, group, memberId, FormState.empty("role")))).build();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Member.update("disabledAt = ?1 where id = ?2", enable ? null : java.time.OffsetDateTime.now(), memberId);
            org.comunidad.platform.audit.AuditLog.record(viewer.memberId(), group.id,
                    enable ? "ACCOUNT_ENABLE" : "ACCOUNT_DISABLE", "member", memberId, member.displayName);
        });
        return Response.seeOther(URI.create("/c/" + group.slug + "/members/" + memberId)).build();
    }

    @Inject
    CountryOfficials officials;

    @POST
    @Path("c/{slug}/officials")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addOfficial(@PathParam("slug") String slug, @RestForm("member") Long member) {
        Viewer viewer = currentUser.viewer();
        Community subgroup = communities.findVisible(viewer, slug).filter(c -> !c.isGroup())
                .orElseThrow(NotFoundException::new);
        if (member == null) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        officials.add(viewer, subgroup, member);
        return Response.seeOther(URI.create("/c/" + subgroup.slug + "/members")).build();
    }

    @POST
    @Path("c/{slug}/officials/{member}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeOfficial(@PathParam("slug") String slug, @PathParam("member") long memberId) {
        Viewer viewer = currentUser.viewer();
        Community subgroup = communities.findVisible(viewer, slug).filter(c -> !c.isGroup())
                .orElseThrow(NotFoundException::new);
        officials.remove(viewer, subgroup, memberId);
        return Response.seeOther(URI.create("/c/" + subgroup.slug + "/members")).build();
    }

    private Community group(Viewer viewer, String slug) {
        return communities.findVisible(viewer, slug).filter(Community::isGroup).orElseThrow(NotFoundException::new);
    }
}
