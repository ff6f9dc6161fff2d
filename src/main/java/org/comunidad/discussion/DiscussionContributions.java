package org.comunidad.discussion;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.community.CommunityTab;
import org.comunidad.platform.content.NewItems;
import org.comunidad.platform.content.Participation;
import org.comunidad.platform.content.Searchable;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What discussions bring to the pages that gather every feature: a subgroup's tab and its new items,
 * the search's section and the counts of the activity pages (discussions and replies).
 */
@ApplicationScoped
public class DiscussionContributions implements NewItems, CommunityTab, Searchable, Participation {

    /** The "what's new" tab of discussions (tab_visit.tab). */
    public static final String TAB = "DISCUSSIONS";

    private static DiscussionMessages messages(String language) {
        return MessageBundles.get(DiscussionMessages.class, Localized.Literal.of(language));
    }

    @Override
    public NewItems.Fragment newItems() {
        return new NewItems.Fragment(TAB,
                "discussion d where d.community_id = c.id and d.deleted_at is null and d.hidden_at is null and d.author_id <> :me",
                "d.last_activity_at");
    }

    @Override
    public CommunityTab.Tab tab() {
        return new CommunityTab.Tab(30, "discussions", TAB, community -> !community.isGroup(), language -> messages(language).nav(), true);
    }

    @Override
    public Searchable.Fragment searchable() {
        return new Searchable.Fragment("discussions", 30, "discussion d", "d", "d.title",
                "d.agenda_topic || ' — ' || d.opening", "d.last_activity_at", "coalesce(c.parent_id, c.id)",
                language -> messages(language).search_title(), language -> messages(language).search_none());
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
