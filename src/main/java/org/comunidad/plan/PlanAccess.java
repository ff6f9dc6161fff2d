package org.comunidad.plan;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.platform.security.Viewer;

/**
 * Who may do what with work plans and tasks.
 * <ul>
 * <li><b>Reading.</b> Every member of a working group (through any role in it or in one of its
 * subgroups, and the admin) reads the group's plans, annual work plans, dashboard, timeline,
 * history and tasks, and exports them; anyone else gets 404.</li>
 * <li><b>The plan's structure.</b> The group's coordinator (or the admin) creates a plan, edits
 * every level of it and validates it (draft → validated), and validates annual work plans. A
 * subgroup's leader edits the parts the subgroup owns: the branch under its specific objective
 * and the subgroup's annual work plans, including importing them from a table.</li>
 * <li><b>Progress.</b> Those who edit an item, the members of the community that owns it and
 * the person responsible for it report its status and progress.</li>
 * <li><b>The activity report.</b> The group's coordinator (or the admin) writes its
 * introduction, generates it and saves it into the group's repository.</li>
 * <li><b>Tasks.</b> A member of a community (and its moderators: the subgroup's leader, the
 * coordinator, the admin) creates tasks in it. The task's author, its assignee and the
 * community's moderators edit it and change its status; anyone who reads a task in a community
 * they belong to (or moderate) comments on it.</li>
 * </ul>
 */
public final class PlanAccess {

    private PlanAccess() {
    }

    public static boolean reads(Viewer viewer, Community community) {
        return CommunityAccess.canView(viewer, community);
    }

    /** Creates a plan for the group, edits its group-owned levels, validates plans and annual plans. */
    public static boolean coordinates(Viewer viewer, Community community) {
        return CommunityAccess.coordinates(viewer, community.groupId());
    }

    /**
     * Edits an item (and adds children under it) owned by {@code owner}: the coordinator any,
     * the leader of a subgroup the items that subgroup owns.
     */
    public static boolean edits(Viewer viewer, Community owner) {
        return coordinates(viewer, owner) || (!owner.isGroup() && CommunityAccess.leads(viewer, owner.id));
    }

    /** Drafts and imports a community's annual work plan: as {@link #edits}. */
    public static boolean draftsYear(Viewer viewer, Community community) {
        return edits(viewer, community);
    }

    /** Reports an item's status and progress. */
    public static boolean reportsProgress(Viewer viewer, Community owner, Long responsibleId) {
        return edits(viewer, owner) || CommunityAccess.belongsTo(viewer, owner.id)
                || is(viewer, responsibleId);
    }

    /** Writes the activity report's introduction, generates the report and saves it. */
    public static boolean reports(Viewer viewer, Community group) {
        return coordinates(viewer, group);
    }

    /** Creates tasks in the community. */
    public static boolean createsTask(Viewer viewer, Community community) {
        return CommunityAccess.belongsTo(viewer, community.id) || CommunityAccess.moderates(viewer, community);
    }

    /** Edits a task and changes its status. */
    public static boolean editsTask(Viewer viewer, Community community, Long authorId, Long assigneeId) {
        return CommunityAccess.moderates(viewer, community) || is(viewer, authorId) || is(viewer, assigneeId);
    }

    /** Comments on a task. */
    public static boolean commentsOnTask(Viewer viewer, Community community, Long assigneeId) {
        return createsTask(viewer, community) || is(viewer, assigneeId);
    }

    private static boolean is(Viewer viewer, Long memberId) {
        return memberId != null && memberId == viewer.memberId();
    }
}
