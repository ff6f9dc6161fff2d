package org.comunidad.member;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.platform.security.Viewer;

/**
 * Who may manage the people of a working group. The group's sector coordinator (and the
 * forum admin) manages its members: sees a member's standing and activity, assigns and
 * removes community roles in the group and its subgroups, removes a member from the group,
 * invites officials to the group or its subgroups and exports the directory of the group or
 * of any of its subgroups. Requests to join a working group are decided by its coordinator;
 * requests to join a subgroup by the group's coordinator or the subgroup's leader. A
 * subgroup's country responsible adds and removes the officials of their own country; the
 * group's coordinator those of any country. Only the forum admin disables or enables an
 * account, and never their own. Community roles count within the ceiling of the realm roles
 * (see {@link Viewer#effectiveGrants()}).
 */
public final class MemberAdminAccess {

    private MemberAdminAccess() {
    }

    /** Manages the members of this working group (roles, removal, standing): its coordinator, the admin. */
    public static boolean manages(Viewer viewer, Community group) {
        return CommunityAccess.coordinates(viewer, group.groupId());
    }

    /** Invites officials to this working group and its subgroups: as {@link #manages}. */
    public static boolean invites(Viewer viewer, Community group) {
        return manages(viewer, group);
    }

    /** Exports the directory (CSV, vCard) of a group or subgroup: the group's coordinator, the admin. */
    public static boolean exportsDirectory(Viewer viewer, Community community) {
        return CommunityAccess.coordinates(viewer, community.groupId());
    }

    /** Decides requests to join: the group's coordinator (and the admin); for a subgroup, its leader too. */
    public static boolean decidesRequests(Viewer viewer, Community community) {
        return CommunityAccess.coordinates(viewer, community.groupId())
                || (!community.isGroup() && CommunityAccess.leads(viewer, community.id));
    }

    /** Adds and removes the officials of any country in a subgroup: the group's coordinator, the admin. */
    public static boolean managesAnyOfficial(Viewer viewer, Community subgroup) {
        return !subgroup.isGroup() && CommunityAccess.coordinates(viewer, subgroup.groupId());
    }

    /**
     * Adds or removes an official in a subgroup: the group's coordinator (any country), or the
     * subgroup's country responsible for the official's own country ({@code responsibleFor} is the
     * country the viewer is effectively responsible for in this subgroup, null if none).
     */
    public static boolean managesOfficial(Viewer viewer, Community subgroup, String responsibleFor,
            String officialCountry) {
        if (subgroup.isGroup()) {
            return false;
        }
        return managesAnyOfficial(viewer, subgroup) || responsibleFor != null && responsibleFor.equals(officialCountry);
    }

    /** Sees and uses the account switch (disable, enable) at all: the forum admin. */
    public static boolean managesAccounts(Viewer viewer) {
        return viewer.isAdmin();
    }

    /** Disables or enables this member's account: the forum admin, never their own. */
    public static boolean disables(Viewer viewer, long memberId) {
        return managesAccounts(viewer) && memberId != viewer.memberId();
    }
}
