package org.comunidad.news;

import static org.comunidad.community.AccessRuleTable.GROUP;
import static org.comunidad.community.AccessRuleTable.SUBGROUP;
import static org.comunidad.community.AccessRuleTable.SUBGROUP_MEMBER;
import static org.comunidad.community.AccessRuleTable.check;
import static org.comunidad.community.AccessRuleTable.member;

import java.time.OffsetDateTime;

import org.comunidad.platform.security.Viewer;
import org.junit.jupiter.api.Test;

/** The rule table of {@link NewsAccess}, persona by persona, without starting the application. */
class NewsAccessTest {

    @Test
    void everyMemberOfTheGroupSharesNewsAndOnlyInTheGroup() {
        check("shares in the group", v -> NewsAccess.shares(v, GROUP),
                "admin", "coordinator", "leader", "subgroupMember", "groupMember", "cappedLeader");
        check("shares in a subgroup", v -> NewsAccess.shares(v, SUBGROUP));
    }

    @Test
    void theCoordinatorPinsAndHides() {
        check("moderates", v -> NewsAccess.moderates(v, GROUP), "admin", "coordinator");
        check("pins", v -> NewsAccess.pins(v, GROUP), "admin", "coordinator");
    }

    @Test
    void onlyTheAuthorEditsAndDeletes() {
        NewsItem item = item(false, false);
        check("edits", v -> NewsAccess.edits(v, item), "subgroupMember");
        check("deletes", v -> NewsAccess.deletes(v, item), "subgroupMember");
    }

    @Test
    void hiddenNewsShowsToItsAuthorAndTheModeratorsDeletedNewsToNobody() {
        NewsItem hidden = item(true, false);
        check("sees hidden", v -> NewsAccess.sees(v, hidden, NewsAccess.moderates(v, GROUP)),
                "admin", "coordinator", "subgroupMember");
        NewsItem deleted = item(false, true);
        check("sees deleted", v -> NewsAccess.sees(v, deleted, NewsAccess.moderates(v, GROUP)));
        NewsItem shown = item(false, false);
        check("sees", (Viewer v) -> NewsAccess.sees(v, shown, false), "admin", "coordinator", "leader",
                "subgroupMember", "groupMember", "outsider", "cappedLeader");
    }

    /** An item of the group written by the subgroup member. */
    private static NewsItem item(boolean hidden, boolean deleted) {
        NewsItem item = new NewsItem();
        item.community = GROUP;
        item.author = member(SUBGROUP_MEMBER.memberId());
        if (hidden) {
            item.changeState().hide(101, "off topic");
        }
        if (deleted) {
            item.changeState().deletedAt = OffsetDateTime.now();
        }
        return item;
    }
}
