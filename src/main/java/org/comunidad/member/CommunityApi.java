package org.comunidad.member;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.community.Community;
import org.comunidad.community.SubgroupCategory;
import org.comunidad.community.CommunityService;
import org.comunidad.community.Country;
import org.comunidad.community.CommunityKind;
import org.comunidad.member.CommunityMembers.GroupView;
import org.comunidad.member.CommunityMembers.MemberRow;
import org.comunidad.member.CommunityMembers.SubgroupView;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** Working groups and subgroups for integrations. Same rules as the pages: non-members get 404. */
@Path("/api/communities")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Communities")
@SecurityRequirement(name = "SecurityScheme")
public class CommunityApi {

    @Inject
    CurrentUser currentUser;

    @Inject
    CommunityService communities;

    @Inject
    CommunityMembers members;

    public record Names(String es, String pt, String en) {
        static Names of(Localized text) {
            return text == null ? null : new Names(text.es, text.pt, text.en);
        }
    }

    public record CommunitySummary(long id, String slug, CommunityKind kind, Long groupId, Names name,
            SubgroupCategory category, String leaderCountry, List<String> countries) {
    }

    public record RoleDto(String role, long communityId, String communitySlug) {
    }

    public record MemberDto(long id, String displayName, String country, String institution, String position,
            List<RoleDto> roles) {
    }

    public record CommunityDetail(long id, String slug, CommunityKind kind, Long groupId, Names name,
            Names description, SubgroupCategory category, String leaderCountry, List<String> countries,
            List<CommunitySummary> subgroups, List<MemberDto> members) {
    }

    @GET
    @Operation(summary = "The communities the caller may see: their working groups and every subgroup of them")
    public List<CommunitySummary> list() {
        CommunityService.VisibleCommunities visible = communities.visible(currentUser.viewer());
        List<CommunitySummary> result = new ArrayList<>();
        for (Community group : visible.groups()) {
            result.add(summary(group, group.countries));
            for (Community s : visible.subgroupsOf(group)) {
                result.add(summary(s, s.countries));
            }
        }
        return result;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A community with its subgroups and members")
    @APIResponse(responseCode = "404", description = "No such community, or the caller is not a member")
    public CommunityDetail get(@PathParam("id") long id) {
        CommunityMembers.View page = members.page(currentUser.viewer(), id).orElseThrow(NotFoundException::new);
        if (page instanceof GroupView view) {
            return detail(view.group(), view.subgroups().stream()
                    .map(s -> summary(s.subgroup(), s.countries())).toList(), view.members());
        }
        SubgroupView view = (SubgroupView) page;
        return detail(view.subgroup(), List.of(), view.members());
    }

    private static CommunitySummary summary(Community c, java.util.Collection<Country> countries) {
        return new CommunitySummary(c.id, c.slug, c.kind, c.isGroup() ? null : c.parent.id, Names.of(c.name),
                c.category, c.leaderCountry == null ? null : c.leaderCountry.code,
                countries.stream().map(country -> country.code).toList());
    }

    private static CommunityDetail detail(Community c, List<CommunitySummary> subgroups, List<MemberRow> rows) {
        List<MemberDto> members = rows.stream().map(row -> new MemberDto(row.member().id, row.member().displayName,
                row.member().country == null ? null : row.member().country.code, row.member().institution,
                row.member().position,
                row.roles().stream().map(r -> new RoleDto(r.role().name(), r.community().id, r.community().slug))
                        .toList()))
                .toList();
        return new CommunityDetail(c.id, c.slug, c.kind, c.isGroup() ? null : c.parent.id, Names.of(c.name),
                Names.of(c.description), c.category, c.leaderCountry == null ? null : c.leaderCountry.code,
                c.countries.stream().map(country -> country.code).toList(), subgroups, members);
    }
}
