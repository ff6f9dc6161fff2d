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

    /**
     * One line per rule and community: Y (allowed) or N for the personas in the order admin,
     * coordinator, demoted coordinator, other group's coordinator, leader, country responsible,
     * member, outsider.
     */
    @Test
    void ruleTable() {
        table("manages", MemberAdminAccess::manages, group, "YYNNNNNN");
        table("invites", MemberAdminAccess::invites, group, "YYNNNNNN");
        table("exports the group's directory", MemberAdminAccess::exportsDirectory, group, "YYNNNNNN");
        table("exports the subgroup's directory", MemberAdminAccess::exportsDirectory, subgroup, "YYNNNNNN");
        table("decides the group's requests", MemberAdminAccess::decidesRequests, group, "YYNNNNNN");
        table("decides the subgroup's requests", MemberAdminAccess::decidesRequests, subgroup, "YYNNYNNN");
        table("manages any official of the subgroup", MemberAdminAccess::managesAnyOfficial, subgroup, "YYNNNNNN");
        table("manages any official of a group", MemberAdminAccess::managesAnyOfficial, group, "NNNNNNNN");
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

    static void table(String rule, Rule test, Community community, String expected) {
        List<Viewer> personas = List.of(admin, coordinator, demotedCoordinator, otherCoordinator, leader, responsible,
                member, outsider);
        for (int i = 0; i < personas.size(); i++) {
            assertEquals(expected.charAt(i) == 'Y', test.test(personas.get(i), community),
                    rule + ": persona " + i + " (member " + personas.get(i).memberId() + ")");
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
