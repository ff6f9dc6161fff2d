package org.comunidad.news;

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
 * What news items bring to the pages that gather every feature: a group's tab and its new items, the
 * search's section and the counts of the activity pages.
 */
@ApplicationScoped
public class NewsContributions implements NewItems, CommunityTab, Searchable, Participation {

    /** The "what's new" tab of news items (tab_visit.tab). */
    public static final String TAB = "NEWS";

    private static NewsMessages messages(String language) {
        return MessageBundles.get(NewsMessages.class, Localized.Literal.of(language));
    }

    @Override
    public NewItems.Fragment newItems() {
        return new NewItems.Fragment(TAB,
                "news_item n where n.community_id = c.id and n.deleted_at is null and n.hidden_at is null and n.author_id <> :me",
                "n.created_at");
    }

    @Override
    public CommunityTab.Tab tab() {
        return new CommunityTab.Tab(10, "news", TAB, Community::isGroup, language -> messages(language).nav(), true);
    }

    @Override
    public Searchable.Fragment searchable() {
        return new Searchable.Fragment("news", 10, "news_item n", "n", "n.title", "n.body", "n.created_at",
                "n.community_id",
                language -> messages(language).search_title(), language -> messages(language).search_none());
    }

    @Override
    public List<Count> created(boolean subgroup) {
        // News exists only at group level.
        return subgroup ? List.of() : List.of(new Count("news", 10, """
                select count(*) from news_item n where n.community_id = :scope and n.deleted_at is null
                    and n.created_at >= :since""", language -> messages(language).activity_period()));
    }

    @Override
    public List<Count> contributed() {
        return List.of(new Count("news", 10, """
                select count(*) from news_item n where n.author_id = :m and n.community_id = :g
                    and n.deleted_at is null""", language -> messages(language).activity_member()));
    }
}
