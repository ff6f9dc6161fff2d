package org.comunidad.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityKind;
import org.comunidad.platform.security.CommunityRole;
import org.comunidad.platform.security.Grant;
import org.comunidad.platform.security.Viewer;
import org.junit.jupiter.api.Test;

/** The rule table of {@link MemberAdminAccess}, without a server: persona × action × answer. */
class MemberAdminAccessTest {

    static final long GROUP = 1, SUBGROUP = 2, OTHER_GROUP = 3;
    static final Community group = community(GROUP, null);
    static final Community subgroup = community(SUBGROUP, group);

    static final Viewer admin = new Viewer(1, Set.of("admin", "coordinator", "leader", "member"), List.of());
    static final Viewer coordinator = viewer(2, Set.of("coordinator", "member"),
            new Grant(GROUP, GROUP, CommunityRole.COORDINATOR));
    /** Holds the community role but lost the realm role: the ceiling says no. */
    static final Viewer demotedCoordinator = viewer(3, Set.of("member"), new Grant(GROUP, GROUP, CommunityRole.COORDINATOR));
    static final Viewer otherCoordinator = viewer(4, Set.of("coordinator", "member"),
            new Grant(OTHER_GROUP, OTHER_GROUP, CommunityRole.COORDINATOR));
    static final Viewer leader = viewer(5, Set.of("leader", "member"), new Grant(SUBGROUP, GROUP, CommunityRole.LEADER));
    static final Viewer responsible = viewer(6, Set.of("member"),
            new Grant(SUBGROUP, GROUP, CommunityRole.COUNTRY_RESPONSIBLE));
    static final Viewer member = viewer(7, Set.of("member"), new Grant(GROUP, GROUP, CommunityRole.MEMBER));
    static final Viewer outsider = viewer(8, Set.of("member"));

    @Test
    void managingMembersAndInvitingIsTheCoordinators() {
        table((v, c) -> MemberAdminAccess.manages(v, c), group,
                true, true, false, false, false, false, false, false);
        table((v, c) -> MemberAdminAccess.invites(v, c), group,
                true, true, false, false, false, false, false, false);
    }

    @Test
    void theDirectoryExportIsTheGroupCoordinatorsInGroupAndSubgroups() {
        table((v, c) -> MemberAdminAccess.exportsDirectory(v, c), group,
                true, true, false, false, false, false, false, false);
        table((v, c) -> MemberAdminAccess.exportsDirectory(v, c), subgroup,
                true, true, false, false, false, false, false, false);
    }

    @Test
    void requestsAreDecidedByTheCoordinatorAndInASubgroupByItsLeader() {
        table((v, c) -> MemberAdminAccess.decidesRequests(v, c), group,
                true, true, false, false, false, false, false, false);
        table((v, c) -> MemberAdminAccess.decidesRequests(v, c), subgroup,
                true, true, false, false, true, false, false, false);
    }

    @Test
    void officialsAreManagedByTheCoordinatorOrTheResponsibleOfTheirCountry() {
        assertEquals(true, MemberAdminAccess.managesOfficial(coordinator, subgroup, null, "AR"));
        assertEquals(true, MemberAdminAccess.managesOfficial(admin, subgroup, null, null));
        assertEquals(true, MemberAdminAccess.managesOfficial(responsible, subgroup, "CL", "CL"));
        assertEquals(false, MemberAdminAccess.managesOfficial(responsible, subgroup, "CL", "AR"));
        assertEquals(false, MemberAdminAccess.managesOfficial(responsible, subgroup, "CL", null));
        assertEquals(false, MemberAdminAccess.managesOfficial(member, subgroup, null, null));
        assertEquals(false, MemberAdminAccess.managesOfficial(otherCoordinator, subgroup, null, "AR"));
        assertEquals(false, MemberAdminAccess.managesOfficial(coordinator, group, null, "AR"), "never in a group");
    }

    @Test
    void onlyTheAdminDisablesAccountsAndNeverTheirOwn() {
        assertEquals(true, MemberAdminAccess.managesAccounts(admin));
        assertEquals(false, MemberAdminAccess.managesAccounts(coordinator));
        assertEquals(true, MemberAdminAccess.disables(admin, 7));
        assertEquals(false, MemberAdminAccess.disables(admin, admin.memberId()));
        assertEquals(false, MemberAdminAccess.disables(coordinator, 7));
        assertEquals(false, MemberAdminAccess.disables(outsider, 7));
    }

    interface Rule {
        boolean test(Viewer viewer, Community community);
    }

    /** Answers in the order admin, coordinator, demoted coordinator, other coordinator, leader, responsible, member, outsider. */
    static void table(Rule rule, Community community, boolean... expected) {
        List<Viewer> personas = List.of(admin, coordinator, demotedCoordinator, otherCoordinator, leader, responsible,
                member, outsider);
        for (int i = 0; i < personas.size(); i++) {
            assertEquals(expected[i], rule.test(personas.get(i), community),
                    "persona " + i + " (member " + personas.get(i).memberId() + ") in " + community.slug);
        }
    }

    static Viewer viewer(long id, Set<String> realmRoles, Grant... grants) {
        return new Viewer(id, realmRoles, List.of(grants));
    }

    static Community community(long id, Community parent) {
        Community community = new Community();
        community.id = id;
        community.parent = parent;
        community.kind = parent == null ? CommunityKind.GROUP : CommunityKind.SUBGROUP;
        community.slug = parent == null ? "group" : "subgroup";
        return community;
    }
}
