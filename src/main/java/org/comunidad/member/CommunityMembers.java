package org.comunidad.member;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.community.CommunityService;
import org.comunidad.community.CommunityService.SubgroupSummary;
import org.comunidad.community.Country;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.security.CommunityRole;
import org.comunidad.platform.security.Viewer;

/**
 * A community with the people in it: the working group's countries and officials, a
 * subgroup's members, each member with every role they hold. Each view takes a fixed
 * number of queries, whatever the number of members.
 */
@ApplicationScoped
@Transactional
public class CommunityMembers {

    /** A participating country of a group and the officials it named for the group. */
    public record CountryParticipation(Country country, List<Member> focalPoints, List<Member> alternates) {
    }

    /** One role of a member, with the community where it is held. */
    public record HeldRole(CommunityRole role, Community community) {

        /** The subgroup's name when the role is held in a subgroup; null in the working group. */
        public Localized subgroupName() {
            return community.isGroup() ? null : community.name;
        }
    }

    /** A member and every role they hold in the community (and its subgroups, for a group). */
    public record MemberRow(Member member, List<HeldRole> roles) {

        /** The member's country's name, or null. */
        public Localized countryName() {
            return member.country == null ? null : member.country.name;
        }

        /** Whether the member has an address Keycloak has not verified (it is never shown). */
        public boolean unverifiedEmail() {
            return member.verifiedEmail() == null && member.email != null;
        }
    }

    /** The page of a community: a working group's or a subgroup's. */
    public sealed interface View permits GroupView, SubgroupView {
    }

    public record GroupView(Community group, Set<CommunityRole> roles, boolean coordinates,
            List<SubgroupSummary> subgroups, List<CountryParticipation> countries, List<MemberRow> members)
            implements View {
    }

    public record SubgroupView(Community subgroup, Community group, Set<CommunityRole> roles,
            Country leaderCountry, List<Country> countries, List<MemberRow> members) implements View {
    }

    /**
     * The members' directory of a community: the rows the filter keeps and the choices of each
     * filter (from all the rows); for the group's coordinator the exports and the group whose
     * members they manage (else null); for a subgroup's country responsible, their officials.
     */
    public record Members(Community community, List<MemberRow> rows, Directory.Filter filter, boolean exports,
            Community managedGroup, CountryOfficials.View officials, List<Country> countries,
            List<CommunityRole> roles, List<Community> subgroups) {
    }

    private static final List<CommunityRole> ROLES = List.of(CommunityRole.values());

    @Inject
    CommunityService communities;

    @Inject
    CountryOfficials officials;

    /** The page of a community the viewer may see, by its slug. */
    public Optional<View> page(Viewer viewer, String slug) {
        return communities.findVisible(viewer, slug).map(c -> view(viewer, c));
    }

    /** The page of a community the viewer may see, by its id. */
    public Optional<View> page(Viewer viewer, long id) {
        return communities.findVisible(viewer, id).map(c -> view(viewer, c));
    }

    /** The rows a directory export holds: the community's members as filtered on its page. */
    public record Export(Community community, List<MemberRow> rows) {
    }

    /**
     * The directory of a community the viewer may see, for its export; refused unless the viewer
     * may export it ({@link MemberAdminAccess#exportsDirectory}).
     */
    public Optional<Export> export(Viewer viewer, String slug, Directory.Filter filter) {
        return communities.findVisible(viewer, slug).map(community -> {
            if (!MemberAdminAccess.exportsDirectory(viewer, community)) {
                throw new Refused(Refused.Reason.NOT_COORDINATOR);
            }
            List<MemberRow> rows = community.isGroup() ? groupView(viewer, community).members()
                    : subgroupView(viewer, community).members();
            return new Export(community, Directory.filter(rows, filter));
        });
    }

    private View view(Viewer viewer, Community community) {
        return community.isGroup() ? groupView(viewer, community) : subgroupView(viewer, community);
    }

    /** The directory of a community the viewer may see, by its slug. */
    public Optional<Members> directory(Viewer viewer, String slug, Directory.Filter filter) {
        return communities.findVisible(viewer, slug).map(community -> {
            boolean exports = MemberAdminAccess.exportsDirectory(viewer, community);
            List<MemberRow> all;
            Community shown;
            Community group;
            if (community.isGroup()) {
                GroupView view = groupView(viewer, community);
                all = view.members();
                shown = view.group();
                group = view.group();
            } else {
                SubgroupView view = subgroupView(viewer, community);
                all = view.members();
                shown = view.subgroup();
                group = view.group();
            }
            return new Members(shown, Directory.filter(all, filter), filter, exports, exports ? group : null,
                    officials.of(viewer, shown), Directory.countries(all), ROLES, Directory.subgroups(all));
        });
    }

    public GroupView groupView(Viewer viewer, Community group) {
        if (!group.isGroup()) {
            throw new IllegalArgumentException("not a working group: " + group.slug);
        }
        Community loaded = Community.withCountries(group.id).orElseThrow();
        List<SubgroupSummary> subgroups = Community.subgroupsOf(List.of(group.id)).stream()
                .map(s -> CommunityService.summary(s, CommunityAccess.belongsTo(viewer, s.id)))
                .toList();
        List<Membership> memberships = Membership.inGroupTree(group.id);

        Map<String, CountryParticipation> byCountry = new TreeMap<>();
        for (Country country : loaded.countries) {
            byCountry.put(country.code, new CountryParticipation(country, new ArrayList<>(), new ArrayList<>()));
        }
        for (Membership ms : memberships) {
            if (ms.community.id.equals(group.id) && ms.country != null
                    && (ms.role == CommunityRole.FOCAL_POINT || ms.role == CommunityRole.ALTERNATE)) {
                CountryParticipation participation = byCountry.computeIfAbsent(ms.country.code,
                        code -> new CountryParticipation(ms.country, new ArrayList<>(), new ArrayList<>()));
                (ms.role == CommunityRole.FOCAL_POINT ? participation.focalPoints() : participation.alternates())
                        .add(ms.member);
            }
        }
        return new GroupView(loaded, CommunityAccess.rolesIn(viewer, group.id),
                CommunityAccess.coordinates(viewer, group.id), subgroups, List.copyOf(byCountry.values()),
                memberRows(memberships));
    }

    public SubgroupView subgroupView(Viewer viewer, Community subgroup) {
        if (subgroup.isGroup()) {
            throw new IllegalArgumentException("not a subgroup: " + subgroup.slug);
        }
        Community loaded = Community.withCountries(subgroup.id).orElseThrow();
        return new SubgroupView(loaded, loaded.parent, CommunityAccess.rolesIn(viewer, subgroup.id),
                loaded.leaderCountry, List.copyOf(loaded.countries), memberRows(Membership.inCommunity(subgroup.id)));
    }

    static List<MemberRow> memberRows(List<Membership> memberships) {
        Map<Long, MemberRow> rows = new LinkedHashMap<>();
        for (Membership ms : memberships) {
            rows.computeIfAbsent(ms.member.id, id -> new MemberRow(ms.member, new ArrayList<>()))
                    .roles().add(new HeldRole(ms.role, ms.community));
        }
        Comparator<HeldRole> order = Comparator.comparing((HeldRole r) -> r.community().isGroup() ? 0 : 1)
                .thenComparing(r -> r.community().position)
                .thenComparing(HeldRole::role);
        rows.values().forEach(row -> row.roles().sort(order));
        return List.copyOf(rows.values());
    }
}
