package org.comunidad.plan;

import static org.comunidad.community.AccessRuleTable.GROUP;
import static org.comunidad.community.AccessRuleTable.OTHER_SUBGROUP;
import static org.comunidad.community.AccessRuleTable.SUBGROUP;
import static org.comunidad.community.AccessRuleTable.check;

import org.junit.jupiter.api.Test;

/** The rule table of {@link PlanAccess}, persona by persona, without starting the application. */
class PlanAccessTest {

    /** The subgroup member's id in AccessRuleTable (103) and the group member's (104). */
    static final long SUBGROUP_MEMBER = 103;
    static final long GROUP_MEMBER = 104;

    @Test
    void everyMemberOfTheWorkingGroupReadsItsPlansAndTasks() {
        check("reads the group's plans", v -> PlanAccess.reads(v, GROUP), "admin", "coordinator", "leader",
                "subgroupMember", "groupMember", "cappedLeader");
        check("reads a subgroup's plan", v -> PlanAccess.reads(v, SUBGROUP), "admin", "coordinator", "leader",
                "subgroupMember", "groupMember", "cappedLeader");
    }

    @Test
    void theCoordinatorEditsEveryLevelAndValidatesTheLeaderEditsHisSubgroupsBranch() {
        check("creates and validates plans", v -> PlanAccess.coordinates(v, GROUP), "admin", "coordinator");
        check("validates a subgroup's annual plan", v -> PlanAccess.coordinates(v, SUBGROUP), "admin", "coordinator");
        check("edits the group's levels", v -> PlanAccess.edits(v, GROUP), "admin", "coordinator");
        check("edits the subgroup's branch", v -> PlanAccess.edits(v, SUBGROUP), "admin", "coordinator", "leader");
        check("edits another subgroup's branch", v -> PlanAccess.edits(v, OTHER_SUBGROUP), "admin", "coordinator");
        check("drafts and imports the subgroup's annual plan", v -> PlanAccess.draftsYear(v, SUBGROUP), "admin",
                "coordinator", "leader");
    }

    @Test
    void theOwningCommunitysMembersAndTheResponsibleReportProgress() {
        check("reports progress in the subgroup", v -> PlanAccess.reportsProgress(v, SUBGROUP, null), "admin",
                "coordinator", "leader", "subgroupMember", "cappedLeader");
        check("reports progress of a group activity", v -> PlanAccess.reportsProgress(v, GROUP, null), "admin",
                "coordinator", "groupMember");
        check("reports progress of another subgroup's activity", v -> PlanAccess.reportsProgress(v, OTHER_SUBGROUP, null),
                "admin", "coordinator");
        check("reports progress when responsible", v -> PlanAccess.reportsProgress(v, OTHER_SUBGROUP, GROUP_MEMBER),
                "admin", "coordinator", "groupMember");
    }

    @Test
    void theCoordinatorAloneWritesTheActivityReport() {
        check("writes and saves the report", v -> PlanAccess.reports(v, GROUP), "admin", "coordinator");
    }

    @Test
    void tasksAreCreatedByTheCommunitysMembersAndEditedByAuthorAssigneeAndModerators() {
        check("creates tasks in the subgroup", v -> PlanAccess.createsTask(v, SUBGROUP), "admin", "coordinator",
                "leader", "subgroupMember", "cappedLeader");
        check("creates tasks in the group", v -> PlanAccess.createsTask(v, GROUP), "admin", "coordinator",
                "groupMember");
        check("edits a task of someone else", v -> PlanAccess.editsTask(v, SUBGROUP, 999L, null), "admin",
                "coordinator", "leader");
        check("edits a task assigned to them", v -> PlanAccess.editsTask(v, SUBGROUP, 999L, GROUP_MEMBER), "admin",
                "coordinator", "leader", "groupMember");
        check("edits a task they wrote", v -> PlanAccess.editsTask(v, SUBGROUP, SUBGROUP_MEMBER, null), "admin",
                "coordinator", "leader", "subgroupMember");
        check("comments on a subgroup's task", v -> PlanAccess.commentsOnTask(v, SUBGROUP, null), "admin",
                "coordinator", "leader", "subgroupMember", "cappedLeader");
        check("comments on a task assigned to them", v -> PlanAccess.commentsOnTask(v, OTHER_SUBGROUP, GROUP_MEMBER),
                "admin", "coordinator", "groupMember");
    }
}
