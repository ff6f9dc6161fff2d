package org.comunidad.community;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.comunidad.platform.content.WhatsNew;
import org.comunidad.platform.security.CommunityRole;
import org.comunidad.platform.security.Grant;
import org.comunidad.platform.security.Viewer;

/**
 * Communities as a user may see them. Every read goes through {@link CommunityAccess};
 * a community the user may not see is reported as absent (404), never as forbidden.
 * Each view is built with a fixed number of queries, whatever the number of members.
 */
@ApplicationScoped
@Transactional
public class CommunityService {

    /** A subgroup with its leader and member countries. */
    public record SubgroupSummary(Community subgroup, Country leaderCountry, List<Country> countries, boolean mine) {
    }

    /** A working group on the "my communities" page, with the subgroups the user takes part in. */
    public record GroupSummary(Community group, Set<CommunityRole> roles, List<SubgroupSummary> subgroups) {
    }


    /** The working groups a viewer may see, and all the subgroups of each. */
    public record VisibleCommunities(List<Community> groups, Map<Long, List<Community>> subgroups) {
        public List<Community> subgroupsOf(Community group) {
            return subgroups.getOrDefault(group.id, List.of());
        }
    }

    /** Every community the viewer may see, in two queries. */
    public VisibleCommunities visible(Viewer viewer) {
        List<Community> groups = viewer.isAdmin() ? Community.allGroups()
                : Community.groupsIn(viewer.effectiveGrants().stream().map(Grant::groupId).distinct().toList());
        Map<Long, List<Community>> subgroups = new LinkedHashMap<>();
        for (Community subgroup : Community.subgroupsOf(groups.stream().map(g -> g.id).toList())) {
            subgroups.computeIfAbsent(subgroup.parent.id, k -> new ArrayList<>()).add(subgroup);
        }
        return new VisibleCommunities(groups, subgroups);
    }

    /** The "my communities" page: the groups, whether the viewer is the admin, and what is new in each. */
    public record Mine(List<GroupSummary> groups, boolean admin, WhatsNew.Counts news) {
    }

    @Inject
    WhatsNew whatsNew;

    /** The viewer's communities ({@link #myCommunities}) with the counts of what is new in each one shown. */
    public Mine mine(Viewer viewer) {
        List<GroupSummary> groups = myCommunities(viewer);
        List<Long> shown = new ArrayList<>();
        for (GroupSummary g : groups) {
            shown.add(g.group().id);
            g.subgroups().forEach(s -> shown.add(s.subgroup().id));
        }
        return new Mine(groups, viewer.isAdmin(), whatsNew.counts(viewer.memberId(), shown));
    }

    /** The groups the viewer may see, each with the subgroups they belong to (all of them for a coordinator or admin). */
    public List<GroupSummary> myCommunities(Viewer viewer) {
        VisibleCommunities visible = visible(viewer);
        List<GroupSummary> result = new ArrayList<>();
        for (Community group : visible.groups()) {
            boolean seesAll = CommunityAccess.coordinates(viewer, group.id);
            List<SubgroupSummary> shown = new ArrayList<>();
            for (Community subgroup : visible.subgroupsOf(group)) {
                boolean mine = CommunityAccess.belongsTo(viewer, subgroup.id);
                if (mine || seesAll) {
                    shown.add(summary(subgroup, mine));
                }
            }
            result.add(new GroupSummary(group, CommunityAccess.rolesIn(viewer, group.id), shown));
        }
        return result;
    }

    /**
     * A community's page or action is being served to a viewer who may see it (the
     * activity feature records the day). Observed in the request's transaction.
     */
    public record CommunityUsed(Viewer viewer, Community community) {
    }

    @Inject
    Event<CommunityUsed> used;

    /** A community by its slug, if the viewer may see it; the viewer is using it. */
    public Optional<Community> findVisible(Viewer viewer, String slug) {
        return Community.bySlug(slug).filter(c -> CommunityAccess.canView(viewer, c)).map(c -> used(viewer, c));
    }

    /** A community by its id, if the viewer may see it; the viewer is using it. */
    public Optional<Community> findVisible(Viewer viewer, long id) {
        return Community.<Community> findByIdOptional(id).filter(c -> CommunityAccess.canView(viewer, c))
                .map(c -> used(viewer, c));
    }

    private Community used(Viewer viewer, Community community) {
        used.fire(new CommunityUsed(viewer, community));
        return community;
    }


    /** A subgroup with its countries, as the pages list it. */
    public static SubgroupSummary summary(Community subgroup, boolean mine) {
        return new SubgroupSummary(subgroup, subgroup.leaderCountry, List.copyOf(subgroup.countries), mine);
    }


}
