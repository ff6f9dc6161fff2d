package org.comunidad.member;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityService;
import org.comunidad.community.CommunityAccess;
import org.comunidad.community.CommunityService.GroupSummary;
import org.comunidad.member.CommunityMembers.GroupView;
import org.comunidad.member.CommunityMembers.MemberRow;
import org.comunidad.member.CommunityMembers.SubgroupView;
import org.comunidad.platform.content.WhatsNew;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.Pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** Pages of the communities: the user's list, a working group, a subgroup, their members. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CommunityResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(List<GroupSummary> groups, Boolean admin, WhatsNew.Counts news);

        static native TemplateInstance group(GroupView view);

        static native TemplateInstance subgroup(SubgroupView view);

        static native TemplateInstance members(Community community, List<MemberRow> rows, List<MemberRow> all,
                Directory.Filter filter, boolean coordinates);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    CommunityService communities;

    @Inject
    CommunityMembers members;

    @Inject
    Pages pages;

    @Inject
    WhatsNew whatsNew;

    @GET
    @Path("communities")
    @Transactional
    public TemplateInstance mine() {
        Viewer viewer = currentUser.viewer();
        List<GroupSummary> groups = communities.myCommunities(viewer);
        List<Long> shown = new java.util.ArrayList<>();
        for (GroupSummary g : groups) {
            shown.add(g.group().id);
            g.subgroups().forEach(s -> shown.add(s.subgroup().id));
        }
        return pages.render(Templates.mine(groups, viewer.isAdmin(), whatsNew.counts(viewer.memberId(), shown)));
    }

    @GET
    @Path("c/{slug}")
    @Transactional
    public TemplateInstance show(@PathParam("slug") String slug) {
        Viewer viewer = currentUser.viewer();
        Community community = visible(viewer, slug);
        if (community.isGroup()) {
            return pages.render(Templates.group(members.groupView(viewer, community)));
        }
        return pages.render(Templates.subgroup(members.subgroupView(viewer, community)));
    }

    @GET
    @Path("c/{slug}/members")
    @Transactional
    public TemplateInstance members(@PathParam("slug") String slug, @QueryParam("country") String country,
            @QueryParam("role") String role, @QueryParam("subgroup") String subgroup, @QueryParam("q") String q) {
        Viewer viewer = currentUser.viewer();
        Community community = visible(viewer, slug);
        Directory.Filter filter = new Directory.Filter(country, role,
                subgroup, q);
        boolean coordinates = CommunityAccess.coordinates(viewer, community.groupId());
        if (community.isGroup()) {
            GroupView view = members.groupView(viewer, community);
            return pages.render(Templates.members(view.group(),
                    Directory.filter(view.members(), filter), view.members(), filter, coordinates));
        }
        SubgroupView view = members.subgroupView(viewer, community);
        return pages.render(Templates.members(view.subgroup(),
                Directory.filter(view.members(), filter), view.members(), filter, coordinates));
    }

    private Community visible(Viewer viewer, String slug) {
        return communities.findVisible(viewer, slug).orElseThrow(NotFoundException::new);
    }
}
