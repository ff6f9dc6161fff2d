package org.comunidad.platform.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A new feature plugs into "what's new" without a change in the platform: a fifth
 * contribution (meetings) adds a fifth fragment to the same single statement. Plain JUnit;
 * SeamsPluggedTest checks the contributions of the running application.
 */
class SeamsTest {

    static final List<NewItems.Fragment> TODAY = List.of(
            new NewItems.Fragment("NEWS", "news_item n where n.community_id = c.id", "n.created_at"),
            new NewItems.Fragment("POSTS", "post p where p.community_id = c.id", "p.created_at"),
            new NewItems.Fragment("DISCUSSIONS", "discussion d where d.community_id = c.id", "d.last_activity_at"),
            new NewItems.Fragment("DOCUMENTS", "document doc where doc.community_id = c.id", "doc.updated_at"));

    @Test
    void aNewFeatureAddsOneFragmentToTheSameStatement() {
        List<NewItems.Fragment> withMeetings = new ArrayList<>(TODAY);
        withMeetings.add(new NewItems.Fragment("MEETINGS", "meeting mt where mt.community_id = c.id", "mt.created_at"));

        String before = WhatsNew.union(TODAY);
        String after = WhatsNew.union(withMeetings);

        assertEquals(4, before.split("union all").length, "one fragment per feature");
        assertEquals(5, after.split("union all").length, "the meetings' fragment joins the others");
        assertTrue(after.contains("select 1 from meeting mt where mt.community_id = c.id")
                && after.contains("v.tab = 'MEETINGS'"), after);
        assertEquals(1, after.split(";").length, "still one statement");
    }

    @Test
    void aTabIsNamedInCapitals() {
        try {
            WhatsNew.union(List.of(new NewItems.Fragment("x'; drop table member; --", "post p where true", "p.created_at")));
        } catch (IllegalStateException expected) {
            return;
        }
        throw new AssertionError("a tab name that is not a name was accepted");
    }
}
