package org.comunidad.discussion;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityTab;
import org.comunidad.platform.content.NewItems;
import org.comunidad.platform.content.Participation;
import org.comunidad.platform.content.Searchable;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What discussions bring to the pages that gather every feature: the tab of a subgroup, its
 * new items, the search's section and the counts of the activity pages (discussions and replies).
 */
@ApplicationScoped
public class DiscussionContributions implements NewItems, CommunityTab, Searchable, Participation {

    /** The "what's new" tab of discussions (tab_visit.tab). */
    public static final String TAB = "DISCUSSIONS";

    private static DiscussionMessages messages(String language) {
        return MessageBundles.get(DiscussionMessages.class, Localized.Literal.of(language));
    }

    @Override
    public String tab() {
        return TAB;
    }

    @Override
    public String items() {
        return "discussion d where d.community_id = c.id and d.deleted_at is null and d.hidden_at is null and d.author_id <> :me";
    }

    @Override
    public String at() {
        return "d.last_activity_at";
    }

    @Override
    public int position() {
        return 30;
    }

    @Override
    public String key() {
        return "discussions";
    }

    @Override
    public String newItems() {
        return TAB;
    }

    @Override
    public boolean shownIn(Community community) {
        return !community.isGroup();
    }

    @Override
    public String label(String language) {
        return messages(language).nav();
    }

    @Override
    public Fragment fragment() {
        return new Fragment("discussions", 30, "discussion d", "d", "d.title", "d.agenda_topic || ' — ' || d.opening",
                "d.last_activity_at", "coalesce(c.parent_id, c.id)");
    }

    @Override
    public String heading(String language) {
        return messages(language).search_title();
    }

    @Override
    public String nothingFound(String language) {
        return messages(language).search_none();
    }

    @Override
    public List<Count> created(boolean subgroup) {
        return List.of(new Count("discussions", 40, """
                select count(*) from discussion d where d.community_id {scope} and d.deleted_at is null
                    and d.created_at >= :since""", language -> messages(language).activity_period()),
                new Count("replies", 50, """
                select count(*) from discussion_reply r join discussion d on d.id = r.discussion_id
                    where d.community_id {scope} and r.deleted_at is null and r.created_at >= :since""",
                        language -> messages(language).activity_period_replies()));
    }

    @Override
    public List<Count> contributed() {
        return List.of(new Count("discussions", 40, """
                select count(*) from discussion d where d.author_id = :m and d.community_id in (select id from tree)
                    and d.deleted_at is null""", language -> messages(language).activity_member()),
                new Count("replies", 50, """
                select count(*) from discussion_reply r join discussion d on d.id = r.discussion_id
                    where r.author_id = :m and d.community_id in (select id from tree) and r.deleted_at is null""",
                        language -> messages(language).activity_member_replies()));
    }
}
