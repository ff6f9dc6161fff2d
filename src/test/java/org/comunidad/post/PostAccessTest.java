package org.comunidad.post;

import static org.comunidad.community.AccessRuleTable.GROUP;
import static org.comunidad.community.AccessRuleTable.OTHER_SUBGROUP;
import static org.comunidad.community.AccessRuleTable.SUBGROUP;
import static org.comunidad.community.AccessRuleTable.SUBGROUP_MEMBER;
import static org.comunidad.community.AccessRuleTable.check;
import static org.comunidad.community.AccessRuleTable.member;

import org.junit.jupiter.api.Test;

/** The rule table of {@link PostAccess}, persona by persona, without starting the application. */
class PostAccessTest {

    @Test
    void membersOfTheSubgroupAndTheCoordinatorWriteOnlyInSubgroups() {
        check("writes in the subgroup", v -> PostAccess.writes(v, SUBGROUP),
                "admin", "coordinator", "leader", "subgroupMember", "cappedLeader");
        check("writes in another subgroup", v -> PostAccess.writes(v, OTHER_SUBGROUP), "admin", "coordinator");
        check("writes in the group", v -> PostAccess.writes(v, GROUP));
    }

    @Test
    void theLeaderAndTheCoordinatorHide() {
        check("moderates the subgroup", v -> PostAccess.moderates(v, SUBGROUP), "admin", "coordinator", "leader");
        check("moderates another subgroup", v -> PostAccess.moderates(v, OTHER_SUBGROUP), "admin", "coordinator");
    }

    @Test
    void onlyTheAuthorEditsAndDeletesPostsAndComments() {
        Post post = post();
        check("edits a post", v -> PostAccess.edits(v, post), "subgroupMember");
        PostComment comment = new PostComment();
        comment.post = post;
        comment.author = member(102);
        check("edits a comment", v -> PostAccess.edits(v, comment), "leader");
    }

    @Test
    void hiddenPostsShowToTheirAuthorAndTheModerators() {
        Post hidden = post();
        hidden.changeState().hide(102, "off topic");
        check("sees hidden", v -> PostAccess.sees(v, hidden, PostAccess.moderates(v, SUBGROUP)),
                "admin", "coordinator", "leader", "subgroupMember");
        Post deleted = post();
        deleted.changeState().delete();
        check("sees deleted", v -> PostAccess.sees(v, deleted, PostAccess.moderates(v, SUBGROUP)));
    }

    @Test
    void inTheFeedTheCoordinatorSeesEveryHiddenPostAndLeadersThoseOfTheirSubgroups() {
        check("sees all hidden in the feed", v -> PostAccess.seesAllHiddenInFeed(v, GROUP), "admin", "coordinator");
        check("may see led hidden in the feed", PostAccess::seesLedHiddenInFeed, "admin", "coordinator", "leader");
    }

    /** A post of the subgroup written by the subgroup member. */
    private static Post post() {
        Post post = new Post();
        post.community = SUBGROUP;
        post.groupId = GROUP.id;
        post.author = member(SUBGROUP_MEMBER.memberId());
        return post;
    }
}
