package org.comunidad.community;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.comunidad.member.Member;
import org.comunidad.platform.security.CommunityRole;
import org.comunidad.platform.security.Grant;
import org.comunidad.platform.security.Viewer;

/**
 * The people and places of the permission classes' unit tests (no Quarkus, no database): the
 * working group Security (1) with its subgroups victims (2) and prevention (3), the group Energy
 * (10), and one viewer per kind of person, as the HTTP matrices name them. {@link #check} asserts
 * a rule's whole table at once, so that a failure names every persona that answers wrongly.
 */
public final class AccessRuleTable {

    public static final Community GROUP = community(1, null);
    public static final Community SUBGROUP = community(2, GROUP);
    public static final Community OTHER_SUBGROUP = community(3, GROUP);

    public static final Viewer ADMIN = viewer(100, Set.of("admin", "coordinator", "leader", "member"));
    public static final Viewer COORDINATOR = viewer(101, Set.of("coordinator", "leader", "member"),
            new Grant(1, 1L, CommunityRole.COORDINATOR));
    public static final Viewer LEADER = viewer(102, Set.of("leader", "member"), new Grant(2, 1L, CommunityRole.LEADER));
    public static final Viewer SUBGROUP_MEMBER = viewer(103, Set.of("member"), new Grant(2, 1L, CommunityRole.MEMBER));
    public static final Viewer GROUP_MEMBER = viewer(104, Set.of("member"), new Grant(1, 1L, CommunityRole.FOCAL_POINT));
    public static final Viewer OUTSIDER = viewer(105, Set.of("member"), new Grant(10, 10L, CommunityRole.MEMBER));
    /** Holds the subgroup's leadership, but their realm role (member) does not let it take effect. */
    public static final Viewer CAPPED_LEADER = viewer(106, Set.of("member"), new Grant(2, 1L, CommunityRole.LEADER),
            new Grant(2, 1L, CommunityRole.MEMBER));

    /** Every persona, in the order the tables list them. */
    public static final Map<String, Viewer> PERSONAS = personas();

    private AccessRuleTable() {
    }

    public static Member member(long id) {
        Member member = new Member();
        member.id = id;
        return member;
    }

    /** Asserts the answer of {@code rule} for every persona: the expected ones answer true, the others false. */
    public static void check(String rule, Function<Viewer, Boolean> answer, String... allowed) {
        Map<String, Boolean> expected = new LinkedHashMap<>();
        Map<String, Boolean> actual = new LinkedHashMap<>();
        List<String> yes = List.of(allowed);
        PERSONAS.forEach((name, viewer) -> {
            expected.put(name, yes.contains(name));
            actual.put(name, answer.apply(viewer));
        });
        assertEquals(expected, actual, rule);
    }

    private static Map<String, Viewer> personas() {
        String[] names = { "admin", "coordinator", "leader", "subgroupMember", "groupMember", "outsider",
                "cappedLeader" };
        Viewer[] viewers = { ADMIN, COORDINATOR, LEADER, SUBGROUP_MEMBER, GROUP_MEMBER, OUTSIDER, CAPPED_LEADER };
        Map<String, Viewer> all = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            all.put(names[i], viewers[i]);
        }
        return all;
    }

    private static Community community(long id, Community parent) {
        Community community = new Community();
        community.id = id;
        community.parent = parent;
        community.kind = parent == null ? CommunityKind.GROUP : CommunityKind.SUBGROUP;
        return community;
    }

    private static Viewer viewer(long memberId, Set<String> realmRoles, Grant... grants) {
        return new Viewer(memberId, realmRoles, List.of(grants));
    }
}
