package org.comunidad.feed;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityService;
import org.comunidad.news.NewsAccess;
import org.comunidad.news.NewsService.NewsView;
import org.comunidad.post.PostAccess;
import org.comunidad.post.PostMention;
import org.comunidad.post.PostService.PostView;
import org.comunidad.platform.content.ContentAuthor;
import org.comunidad.platform.content.ContentView;
import org.comunidad.platform.content.Mention;
import org.comunidad.platform.content.PageCounts;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.platform.text.RichText;
import org.comunidad.platform.security.Viewer;

/**
 * A working group's feed: its news and the posts of all its subgroups, newest first,
 * paged by time (keyset), so that a page costs the same on the first day and after a
 * hundred thousand posts. Reads the news and posts features (their tables, as rows, and
 * their access rules); neither knows about it.
 */
@ApplicationScoped
public class FeedService {

    public static final int PAGE_SIZE = 20;

    /** One entry: a news item or a post. */
    public record FeedItem(NewsView news, PostView post, OffsetDateTime at) {

        public boolean isNews() {
            return news != null;
        }
    }

    /** A page of the group's feed, and where the next one starts (null on the last page). */
    public record FeedPage(Community group, List<FeedItem> items, OffsetDateTime nextBefore) {
    }

    @Inject
    CommunityService communities;

    @Inject
    PageCounts pageCounts;

    @Inject
    EntityManager em;

    @Inject
    RichText richText;

    /**
     * The page of the group's feed before a point in time (the newest page when null), in one
     * transaction, with the counts around it (the bell, the tabs' "what's new": {@link PageCounts}),
     * so that rendering it reads nothing more.
     */
    @Transactional
    public Optional<FeedPage> page(Viewer viewer, String slug, OffsetDateTime before) {
        return communities.findVisible(viewer, slug).filter(Community::isGroup).map(group -> {
            pageCounts.prefetch(viewer.memberId(), group.id);
            return page(viewer, group, before);
        });
    }

    /**
     * The newest entries before a point in time, news and posts together, as rows (not entities):
     * one statement that takes the newest of each kind by its index, merges them, and joins the
     * authors and the posts' comment counts for the entries shown only. Hidden entries come to their
     * author and to whoever may see them: the group's moderators for news; for posts, the group's
     * coordinator, or a leader of the post's subgroup.
     */
    private static final String ROWS = """
            select f.kind, f.id, f.created_at, f.community_id, f.title, f.link_url, f.has_image, f.image_alt,
                   f.pinned, f.body, f.body_html, f.body_html_version, f.edited_at, f.hidden_at, f.hidden_reason,
                   m.id as author_id, m.display_name, m.institution, co.code as country_code,
                   co.name_es, co.name_pt, co.name_en,
                   case when f.kind = 'P' then (select count(*) from post_comment c where c.post_id = f.id
                        and c.deleted_at is null and c.hidden_at is null) end as comments
            from ((select 'N' as kind, n.id, n.created_at, n.community_id, n.title, n.link_url,
                          n.image_key is not null as has_image, n.image_alt, n.pinned_at is not null as pinned,
                          n.body, n.body_html, n.body_html_version, n.edited_at, n.hidden_at, n.hidden_reason,
                          n.author_id
                   from news_item n
                   where n.community_id = :group and n.deleted_at is null and n.created_at < :before
                   and (n.hidden_at is null or n.author_id = :me or :newsModerator)
                   order by n.created_at desc, n.id desc limit :limit)
                  union all
                  (select 'P', p.id, p.created_at, p.community_id, null, null, false, null, false,
                          p.body, p.body_html, p.body_html_version, p.edited_at, p.hidden_at, p.hidden_reason,
                          p.author_id
                   from post p
                   where p.group_id = :group and p.deleted_at is null and p.created_at < :before
                   and (p.hidden_at is null or p.author_id = :me or :seesAll
                        or (:mayLead and exists (select 1 from membership ms where ms.member_id = :me
                            and ms.community_id = p.community_id and ms.role = 'LEADER')))
                   order by p.created_at desc, p.id desc limit :limit)) f
            join member m on m.id = f.author_id
            left join country co on co.code = m.country_code
            order by f.created_at desc, f.id desc
            limit :limit
            """;

    private FeedPage page(Viewer viewer, Community group, OffsetDateTime before) {
        OffsetDateTime until = before == null ? OffsetDateTime.now().plusMinutes(1) : before;
        boolean moderator = NewsAccess.moderates(viewer, group);
        @SuppressWarnings("unchecked")
        List<jakarta.persistence.Tuple> rows = em.createNativeQuery(ROWS, jakarta.persistence.Tuple.class)
                .setParameter("group", group.id).setParameter("before", until)
                .setParameter("me", viewer.memberId()).setParameter("newsModerator", moderator)
                .setParameter("seesAll", PostAccess.seesAllHiddenInFeed(viewer, group))
                .setParameter("mayLead", PostAccess.seesLedHiddenInFeed(viewer))
                .setParameter("limit", PAGE_SIZE + 1).getResultList();
        boolean more = rows.size() > PAGE_SIZE;
        List<jakarta.persistence.Tuple> shown = rows.subList(0, Math.min(rows.size(), PAGE_SIZE));

        // The posts' subgroups, in one statement; the posts whose stored HTML is stale, with their mentions.
        List<Long> subgroupIds = shown.stream().filter(FeedService::isPost)
                .map(r -> r.get("community_id", Number.class).longValue()).distinct().toList();
        Map<Long, Community> subgroups = new HashMap<>();
        if (!subgroupIds.isEmpty()) {
            Community.<Community> list("id in ?1", subgroupIds).forEach(c -> subgroups.put(c.id, c));
        }
        List<Long> stale = shown.stream()
                .filter(r -> isPost(r) && (r.get("body_html", String.class) == null || !RichText.current(version(r))))
                .map(r -> r.get("id", Number.class).longValue()).toList();
        Map<String, Set<String>> mentioned = stale.isEmpty() ? Map.of()
                : Mention.usernamesIn(PostMention.POST, stale, PostMention.COMMENT, List.of());

        boolean pins = NewsAccess.pins(viewer, group);
        List<FeedItem> items = new ArrayList<>(shown.size());
        for (jakarta.persistence.Tuple row : shown) {
            long id = row.get("id", Number.class).longValue();
            long author = row.get("author_id", Number.class).longValue();
            OffsetDateTime at = SqlValues.timestamp(row.get("created_at"));
            if (isPost(row)) {
                Community subgroup = subgroups.get(row.get("community_id", Number.class).longValue());
                boolean edits = PostAccess.edits(viewer, author);
                ContentView content = content(viewer, row, id, author, at, edits, edits,
                        PostAccess.moderates(viewer, subgroup), mentioned.getOrDefault("POST:" + id, Set.of()));
                items.add(new FeedItem(null, new PostView(content, subgroup, List.of(), List.of(),
                        row.get("comments", Number.class).longValue(), Map.of(), Set.of(),
                        PostAccess.writes(viewer, subgroup), false), at));
            } else {
                ContentView content = content(viewer, row, id, author, at, NewsAccess.edits(viewer, author),
                        NewsAccess.deletes(viewer, author), moderator, Set.of());
                items.add(new FeedItem(new NewsView(content, row.get("title", String.class),
                        row.get("link_url", String.class), Boolean.TRUE.equals(row.get("has_image", Boolean.class)),
                        row.get("image_alt", String.class), Boolean.TRUE.equals(row.get("pinned", Boolean.class)),
                        pins, false), null, at));
            }
        }
        OffsetDateTime next = more && !items.isEmpty() ? items.get(items.size() - 1).at() : null;
        return new FeedPage(group, items, next);
    }

    private static boolean isPost(jakarta.persistence.Tuple row) {
        return "P".equals(row.get("kind", String.class));
    }

    private static Integer version(jakarta.persistence.Tuple row) {
        Number version = row.get("body_html_version", Number.class);
        return version == null ? null : version.intValue();
    }

    private ContentView content(Viewer viewer, jakarta.persistence.Tuple row, long id, long author, OffsetDateTime at,
            boolean canEdit, boolean canDelete, boolean canModerate, Set<String> mentioned) {
        String code = row.get("country_code", String.class);
        ContentAuthor by = new ContentAuthor(author, row.get("display_name", String.class), code,
                code == null ? null : new Localized(row.get("name_es", String.class), row.get("name_pt", String.class),
                        row.get("name_en", String.class)),
                row.get("institution", String.class));
        String body = row.get("body", String.class);
        return new ContentView(id, by, at, body,
                richText.shown(body, row.get("body_html", String.class), version(row), mentioned),
                row.get("edited_at") != null, row.get("hidden_at") != null, row.get("hidden_reason", String.class),
                author == viewer.memberId(), canEdit, canDelete, canModerate);
    }
}
