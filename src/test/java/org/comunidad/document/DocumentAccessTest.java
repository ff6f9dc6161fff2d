package org.comunidad.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityKind;
import org.comunidad.member.Member;
import org.comunidad.platform.security.CommunityRole;
import org.comunidad.platform.security.Grant;
import org.comunidad.platform.security.Viewer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The rule table of {@link DocumentAccess}, without the application: one working group with
 * a subgroup, a document uploaded into the subgroup, and each kind of viewer.
 * (DocumentAccessMatrixTest asks the same over HTTP, route by route.)
 */
class DocumentAccessTest {

    static final long GROUP = 1, SUBGROUP = 2, OTHER_GROUP = 3;
    static final long UPLOADER = 10;

    /** Who asks, and what each rule answers them (reads, uploads in group, uploads in subgroup,
     * manages the group's folders, manages the subgroup's folders, edits, deletes, restores). */
    enum Persona {
        ADMIN(admin(), true, true, true, true, true, true, true, true),
        COORDINATOR(viewer(20, "coordinator", new Grant(GROUP, GROUP, CommunityRole.COORDINATOR)),
                true, true, true, true, true, true, true, true),
        LEADER(viewer(30, "leader", new Grant(GROUP, GROUP, CommunityRole.MEMBER),
                new Grant(SUBGROUP, GROUP, CommunityRole.LEADER)), true, false, true, false, true, false, true, false),
        SUBGROUP_MEMBER(viewer(40, "member", new Grant(GROUP, GROUP, CommunityRole.MEMBER),
                new Grant(SUBGROUP, GROUP, CommunityRole.MEMBER)), true, false, true, false, false, false, false, false),
        UPLOADER_MEMBER(viewer(UPLOADER, "member", new Grant(GROUP, GROUP, CommunityRole.MEMBER),
                new Grant(SUBGROUP, GROUP, CommunityRole.MEMBER)), true, false, true, false, false, true, true, true),
        GROUP_MEMBER(viewer(50, "member", new Grant(GROUP, GROUP, CommunityRole.FOCAL_POINT)),
                true, false, false, false, false, false, false, false),
        /** A coordinator grant without the realm role: the ceiling keeps it a plain member's. */
        COORDINATOR_WITHOUT_REALM_ROLE(viewer(60, "member", new Grant(GROUP, GROUP, CommunityRole.COORDINATOR)),
                false, false, false, false, false, false, false, false),
        OUTSIDER(viewer(70, "coordinator", new Grant(OTHER_GROUP, OTHER_GROUP, CommunityRole.COORDINATOR)),
                false, false, false, false, false, false, false, false);

        final Viewer viewer;
        final boolean reads, uploadsInGroup, uploadsInSubgroup, managesGroupFolders, managesSubgroupFolders, edits,
                deletes, restores;

        Persona(Viewer viewer, boolean reads, boolean uploadsInGroup, boolean uploadsInSubgroup,
                boolean managesGroupFolders, boolean managesSubgroupFolders, boolean edits, boolean deletes,
                boolean restores) {
            this.viewer = viewer;
            this.reads = reads;
            this.uploadsInGroup = uploadsInGroup;
            this.uploadsInSubgroup = uploadsInSubgroup;
            this.managesGroupFolders = managesGroupFolders;
            this.managesSubgroupFolders = managesSubgroupFolders;
            this.edits = edits;
            this.deletes = deletes;
            this.restores = restores;
        }
    }

    @ParameterizedTest
    @EnumSource(Persona.class)
    void eachViewerGetsTheAnswersOfTheTable(Persona persona) {
        Community group = community(GROUP, null);
        Community subgroup = community(SUBGROUP, group);
        Document document = document(subgroup);
        Viewer viewer = persona.viewer;
        assertEquals(persona.reads, DocumentAccess.reads(viewer, GROUP), "reads");
        assertEquals(persona.uploadsInGroup, DocumentAccess.uploadsIn(viewer, group), "uploads in the group");
        assertEquals(persona.uploadsInSubgroup, DocumentAccess.uploadsIn(viewer, subgroup), "uploads in the subgroup");
        assertEquals(persona.managesGroupFolders, DocumentAccess.managesFolders(viewer, group), "group's folders");
        assertEquals(persona.managesSubgroupFolders, DocumentAccess.managesFolders(viewer, subgroup),
                "subgroup's folders");
        assertEquals(persona.edits, DocumentAccess.edits(viewer, document), "edits");
        assertEquals(persona.deletes, DocumentAccess.deletes(viewer, document, subgroup), "deletes");
        assertEquals(persona.restores, DocumentAccess.restores(viewer, document), "restores");
    }

    @Test
    void theAdminReadsEveryGroupAndOthersTheGroupsOfTheirGrants() {
        assertNull(DocumentAccess.readableGroups(Persona.ADMIN.viewer));
        assertEquals(List.of(GROUP), DocumentAccess.readableGroups(Persona.LEADER.viewer));
        assertEquals(List.of(), DocumentAccess.readableGroups(Persona.COORDINATOR_WITHOUT_REALM_ROLE.viewer));
        assertEquals(List.of(OTHER_GROUP), DocumentAccess.readableGroups(Persona.OUTSIDER.viewer));
    }

    private static Viewer admin() {
        return new Viewer(1, Set.of("admin", "coordinator", "leader", "member"), List.of());
    }

    private static Viewer viewer(long memberId, String realmRole, Grant... grants) {
        Set<String> roles = switch (realmRole) {
            case "coordinator" -> Set.of("coordinator", "member");
            case "leader" -> Set.of("leader", "member");
            default -> Set.of("member");
        };
        return new Viewer(memberId, roles, List.of(grants));
    }

    private static Community community(long id, Community parent) {
        Community community = new Community();
        community.id = id;
        community.kind = parent == null ? CommunityKind.GROUP : CommunityKind.SUBGROUP;
        community.parent = parent;
        return community;
    }

    private static Document document(Community subgroup) {
        Member uploader = new Member();
        uploader.id = UPLOADER;
        Document document = new Document();
        document.groupId = subgroup.groupId();
        document.communityId = subgroup.id;
        document.uploader = uploader;
        return document;
    }
}
