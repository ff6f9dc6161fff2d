package org.comunidad.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityKind;
import org.comunidad.platform.security.CommunityRole;
import org.comunidad.platform.security.Grant;
import org.comunidad.platform.security.Viewer;
import org.junit.jupiter.api.Test;

/** The rule table of {@link AuditAccess}, without a server. */
class AuditAccessTest {

    @Test
    void aGroupsLogIsItsCoordinatorsAndTheAdmins() {
        Community group = new Community();
        group.id = 1L;
        group.kind = CommunityKind.GROUP;
        Community subgroup = new Community();
        subgroup.id = 2L;
        subgroup.kind = CommunityKind.SUBGROUP;
        subgroup.parent = group;
        Map<Viewer, Boolean> readsGroup = Map.of(
                new Viewer(1, Set.of("admin", "coordinator", "member"), List.of()), true,
                new Viewer(2, Set.of("coordinator", "member"), List.of(new Grant(1, 1L, CommunityRole.COORDINATOR))), true,
                new Viewer(3, Set.of("member"), List.of(new Grant(1, 1L, CommunityRole.COORDINATOR))), false,
                new Viewer(4, Set.of("leader", "member"), List.of(new Grant(2, 1L, CommunityRole.LEADER))), false,
                new Viewer(5, Set.of("member"), List.of(new Grant(1, 1L, CommunityRole.MEMBER))), false,
                new Viewer(6, Set.of("coordinator", "member"), List.of(new Grant(9, 9L, CommunityRole.COORDINATOR))), false);
        readsGroup.forEach((viewer, expected) -> {
            assertEquals(expected, AuditAccess.readsGroup(viewer, group), "member " + viewer.memberId());
            assertEquals(false, AuditAccess.readsGroup(viewer, subgroup), "a subgroup has no log of its own");
            assertEquals(viewer.memberId() == 1, AuditAccess.readsAll(viewer), "member " + viewer.memberId());
        });
    }
}
