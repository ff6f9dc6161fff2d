package org.comunidad.member;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.community.CommunityService;
import org.comunidad.member.CommunityMembers.GroupView;
import org.comunidad.member.CommunityMembers.SubgroupView;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.Pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** Pages of the communities: the user's list, a working group, a subgroup, their members. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CommunityResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(CommunityService.Mine mine, List<RawString> sections);

        static native TemplateInstance group(GroupView view);

        static native TemplateInstance subgroup(SubgroupView view);

        static native TemplateInstance members(CommunityMembers.Members page);
    }

    @Inject
    PageSections sections;

    @Inject
    CurrentUser currentUser;

    @Inject
    CommunityService communities;

    @Inject
    CommunityMembers members;

    @Inject
    Pages pages;

    @GET
    @Path("communities")
    public TemplateInstance mine() {
        return pages.render(Templates.mine(communities.mine(currentUser.viewer()), sections.communitiesPage()));
    }

    @GET
    @Path("c/{slug}")
    public TemplateInstance show(@PathParam("slug") String slug) {
        CommunityMembers.View view = members.page(currentUser.viewer(), slug).orElseThrow(NotFoundException::new);
        return pages.render(view instanceof GroupView group ? Templates.group(group)
                : Templates.subgroup((SubgroupView) view));
    }

    @GET
    @Path("c/{slug}/members")
    public TemplateInstance members(@PathParam("slug") String slug, @QueryParam("country") String country,
            @QueryParam("role") String role, @QueryParam("subgroup") String subgroup, @QueryParam("q") String q) {
        return pages.render(Templates.members(members.directory(currentUser.viewer(), slug,
                new Directory.Filter(country, role, subgroup, q)).orElseThrow(NotFoundException::new)));
    }
}
