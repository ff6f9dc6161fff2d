package org.comunidad.community;

import java.util.EnumSet;
import java.util.Set;

import org.comunidad.platform.security.CommunityRole;
import org.comunidad.platform.security.Grant;
import org.comunidad.platform.security.Viewer;

/**
 * Who may see a community. One place for the rule, used by pages and API alike:
 * the forum admin sees everything; a member of a working group (through any role
 * in the group or in one of its subgroups) sees the group and all its subgroups.
 * Community roles only count within the ceiling of the user's realm roles.
 */
public final class CommunityAccess {

    private CommunityAccess() {
    }

    public static boolean canView(Viewer viewer, Community community) {
        return canViewGroup(viewer, community.groupId());
    }

    public static boolean canViewGroup(Viewer viewer, long groupId) {
        if (viewer.isAdmin()) {
            return true;
        }
        return viewer.effectiveGrants().stream().anyMatch(g -> g.groupId() == groupId);
    }

    /** The roles the viewer holds in this very community (not inherited). */
    public static Set<CommunityRole> rolesIn(Viewer viewer, long communityId) {
        Set<CommunityRole> roles = EnumSet.noneOf(CommunityRole.class);
        for (Grant grant : viewer.effectiveGrants()) {
            if (grant.communityId() == communityId) {
                roles.add(grant.role());
            }
        }
        return roles;
    }

    /** The sector coordinator of a group, or the forum admin. */
    public static boolean coordinates(Viewer viewer, long groupId) {
        return viewer.isAdmin() || rolesIn(viewer, groupId).contains(CommunityRole.COORDINATOR);
    }

    /** Whether the viewer is a member of this very community (any role in it). */
    public static boolean belongsTo(Viewer viewer, long communityId) {
        return !rolesIn(viewer, communityId).isEmpty();
    }

    /** The leader of this subgroup. */
    public static boolean leads(Viewer viewer, long subgroupId) {
        return rolesIn(viewer, subgroupId).contains(CommunityRole.LEADER);
    }

    /**
     * Who may hide content and run formal discussions in a community: in a subgroup its
     * leader and the group's coordinator; in a working group its coordinator (and the admin).
     */
    public static boolean moderates(Viewer viewer, Community community) {
        if (coordinates(viewer, community.groupId())) {
            return true;
        }
        return !community.isGroup() && leads(viewer, community.id);
    }

    /** Who writes in a subgroup: its members, and the coordinator of its group. */
    public static boolean writesIn(Viewer viewer, Community subgroup) {
        return belongsTo(viewer, subgroup.id) || coordinates(viewer, subgroup.groupId());
    }

}
