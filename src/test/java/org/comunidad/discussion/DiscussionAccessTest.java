package org.comunidad.discussion;

import static org.comunidad.community.AccessRuleTable.GROUP;
import static org.comunidad.community.AccessRuleTable.LEADER;
import static org.comunidad.community.AccessRuleTable.OTHER_SUBGROUP;
import static org.comunidad.community.AccessRuleTable.PERSONAS;
import static org.comunidad.community.AccessRuleTable.SUBGROUP;
import static org.comunidad.community.AccessRuleTable.SUBGROUP_MEMBER;
import static org.comunidad.community.AccessRuleTable.check;
import static org.comunidad.community.AccessRuleTable.member;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.comunidad.platform.content.Explained;
import org.comunidad.platform.content.Refused.Reason;
import org.comunidad.platform.security.Viewer;
import org.junit.jupiter.api.Test;

/** The rule table of {@link DiscussionAccess}, persona by persona, without starting the application. */
class DiscussionAccessTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void theLeaderAndTheCoordinatorOpenAndModerateOnlyInSubgroups() {
        check("opens in the subgroup", v -> DiscussionAccess.opens(v, SUBGROUP), "admin", "coordinator", "leader");
        check("opens in another subgroup", v -> DiscussionAccess.opens(v, OTHER_SUBGROUP), "admin", "coordinator");
        check("opens in the group", v -> DiscussionAccess.opens(v, GROUP));
        check("moderates", v -> DiscussionAccess.moderates(v, SUBGROUP), "admin", "coordinator", "leader");
    }

    @Test
    void membersOfTheSubgroupReplyWhileOpenAndModeratorsAlsoAfterTheDeadline() {
        Discussion open = discussion(true, null);
        assertReplies("open", open, null, null, null, null, Reason.NOT_SUBGROUP_MEMBER, Reason.NOT_SUBGROUP_MEMBER,
                null);
        Discussion late = discussion(true, TODAY.minusDays(1));
        assertReplies("past its deadline", late, null, null, null, DiscussionRefusal.DEADLINE_PASSED, Reason.NOT_SUBGROUP_MEMBER,
                Reason.NOT_SUBGROUP_MEMBER, DiscussionRefusal.DEADLINE_PASSED);
        Discussion due = discussion(true, TODAY);
        assertReplies("on its last day", due, null, null, null, null, Reason.NOT_SUBGROUP_MEMBER,
                Reason.NOT_SUBGROUP_MEMBER, null);
        Discussion closed = discussion(false, null);
        assertReplies("closed", closed, DiscussionRefusal.DISCUSSION_CLOSED, DiscussionRefusal.DISCUSSION_CLOSED, DiscussionRefusal.DISCUSSION_CLOSED,
                DiscussionRefusal.DISCUSSION_CLOSED, Reason.NOT_SUBGROUP_MEMBER, Reason.NOT_SUBGROUP_MEMBER,
                DiscussionRefusal.DISCUSSION_CLOSED);
    }

    @Test
    void onlyItsAuthorEditsTheOpeningAndOnlyWhileOpen() {
        Discussion open = discussion(true, null);
        check("may edit the open discussion", v -> DiscussionAccess.editRefusal(v, open) == null, "leader");
        assertEquals(Reason.NOT_AUTHOR, DiscussionAccess.editRefusal(SUBGROUP_MEMBER, open));
        Discussion closed = discussion(false, null);
        check("may edit the closed discussion", v -> DiscussionAccess.editRefusal(v, closed) == null);
        assertEquals(DiscussionRefusal.DISCUSSION_CLOSED, DiscussionAccess.editRefusal(LEADER, closed));
        check("deletes", v -> DiscussionAccess.deletes(v, closed), "leader");
    }

    @Test
    void theAuthorOfAReplyChangesItWhileTheDiscussionIsOpen() {
        Discussion open = discussion(true, null);
        DiscussionReply reply = reply(open);
        check("may change the reply", v -> DiscussionAccess.replyChangeRefusal(v, reply, open) == null,
                "subgroupMember");
        assertEquals(Reason.NOT_AUTHOR, DiscussionAccess.replyChangeRefusal(LEADER, reply, open));
        Discussion closed = discussion(false, null);
        assertEquals(DiscussionRefusal.DISCUSSION_CLOSED,
                DiscussionAccess.replyChangeRefusal(SUBGROUP_MEMBER, reply(closed), closed));
    }

    @Test
    void hiddenRepliesShowToTheirAuthorAndTheModerators() {
        DiscussionReply hidden = reply(discussion(true, null));
        hidden.changeState().hide(102, "off topic");
        check("sees hidden", v -> DiscussionAccess.sees(v, hidden, DiscussionAccess.moderates(v, SUBGROUP)),
                "admin", "coordinator", "leader", "subgroupMember");
    }

    /** The reason each persona may not reply (null: they may), in the order of {@code PERSONAS}. */
    private static void assertReplies(String what, Discussion d, Explained... reasons) {
        Map<String, Explained> expected = new LinkedHashMap<>();
        Map<String, Explained> actual = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Viewer> persona : PERSONAS.entrySet()) {
            expected.put(persona.getKey(), reasons[i++]);
            actual.put(persona.getKey(), DiscussionAccess.replyRefusal(persona.getValue(), SUBGROUP, d, TODAY));
        }
        assertEquals(expected, actual, "replies to a discussion " + what);
    }

    /** A discussion of the subgroup opened by its leader. */
    private static Discussion discussion(boolean open, LocalDate deadline) {
        Discussion d = new Discussion();
        d.community = SUBGROUP;
        d.author = member(LEADER.memberId());
        d.status = open ? Discussion.Status.OPEN : Discussion.Status.CLOSED;
        d.deadline = deadline;
        return d;
    }

    /** A reply by the subgroup member. */
    private static DiscussionReply reply(Discussion d) {
        DiscussionReply reply = new DiscussionReply();
        reply.discussion = d;
        reply.author = member(SUBGROUP_MEMBER.memberId());
        return reply;
    }
}
