package org.comunidad.post;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.community.CommunityTab;
import org.comunidad.platform.content.NewItems;
import org.comunidad.platform.content.Participation;
import org.comunidad.platform.content.Searchable;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What posts bring to the pages that gather every feature: a subgroup's tab and its new items, the
 * search's section and the counts of the activity pages (posts and comments).
 */
@ApplicationScoped
public class PostContributions implements NewItems, CommunityTab, Searchable, Participation {

    /** The "what's new" tab of posts (tab_visit.tab). */
    public static final String TAB = "POSTS";

    private static PostMessages messages(String language) {
        return MessageBundles.get(PostMessages.class, Localized.Literal.of(language));
    }

    @Override
    public NewItems.Fragment newItems() {
        return new NewItems.Fragment(TAB,
                "post p where p.community_id = c.id and p.deleted_at is null and p.hidden_at is null and p.author_id <> :me",
                "p.created_at");
    }

    @Override
    public CommunityTab.Tab tab() {
        return new CommunityTab.Tab(20, "posts", TAB, community -> !community.isGroup(), language -> messages(language).nav(), true);
    }

    @Override
    public Searchable.Fragment searchable() {
        return new Searchable.Fragment("posts", 20, "post p", "p", "null", "p.body", "p.created_at", "p.group_id",
                language -> messages(language).search_title(), language -> messages(language).search_none());
    }

    @Override
    public List<Count> created(boolean subgroup) {
        return List.of(new Count("posts", 20, """
                select count(*) from post p where p.community_id {scope} and p.deleted_at is null
                    and p.created_at >= :since""", language -> messages(language).activity_period_posts()),
                new Count("comments", 30, """
                select count(*) from post_comment pc join post p on p.id = pc.post_id
                    where p.community_id {scope} and pc.deleted_at is null and pc.created_at >= :since""",
                        language -> messages(language).activity_period_comments()));
    }

    @Override
    public List<Count> contributed() {
        return List.of(new Count("posts", 20, """
                select count(*) from post p where p.author_id = :m and p.group_id = :g and p.deleted_at is null""",
                language -> messages(language).activity_member_posts()),
                new Count("comments", 30, """
                select count(*) from post_comment c join post p on p.id = c.post_id
                    where c.author_id = :m and p.group_id = :g and c.deleted_at is null""",
                        language -> messages(language).activity_member_comments()));
    }
}
