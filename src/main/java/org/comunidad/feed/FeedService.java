package org.comunidad.feed;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityService;
import org.comunidad.news.NewsAccess;
import org.comunidad.news.NewsItem;
import org.comunidad.news.NewsService;
import org.comunidad.news.NewsService.NewsView;
import org.comunidad.post.Post;
import org.comunidad.post.PostAccess;
import org.comunidad.post.PostService;
import org.comunidad.post.PostService.PostView;
import org.comunidad.platform.content.PageCounts;
import org.comunidad.platform.security.Viewer;

/**
 * A working group's feed: its news and the posts of all its subgroups, newest first,
 * paged by time (keyset), so that a page costs the same on the first day and after a
 * hundred thousand posts. Reads the news and posts features; neither knows about it.
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
    NewsService news;

    @Inject
    PostService posts;

    @Inject
    PageCounts pageCounts;

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

    private FeedPage page(Viewer viewer, Community group, OffsetDateTime before) {
        OffsetDateTime until = before == null ? OffsetDateTime.now().plusMinutes(1) : before;
        boolean moderator = NewsAccess.moderates(viewer, group);
        List<NewsItem> newsItems = NewsItem.before(group.id, until, viewer.memberId(), moderator, PAGE_SIZE + 1);
        List<Post.FeedEntry> postEntries = Post.feed(group.id, until, viewer.memberId(), PostAccess.seesAllHiddenInFeed(viewer, group),
                PostAccess.seesLedHiddenInFeed(viewer), PAGE_SIZE + 1);
        List<Post> postItems = postEntries.stream().map(Post.FeedEntry::post).toList();
        java.util.Map<Long, Long> commentCounts = new java.util.HashMap<>();
        postEntries.forEach(entry -> commentCounts.put(entry.post().id, entry.comments()));

        List<FeedItem> merged = new ArrayList<>();
        List<Object> entries = new ArrayList<>();
        entries.addAll(newsItems);
        entries.addAll(postItems);
        entries.sort(Comparator.comparing(FeedService::createdAt).reversed());
        boolean more = entries.size() > PAGE_SIZE;
        List<Object> shown = entries.subList(0, Math.min(entries.size(), PAGE_SIZE));

        List<Post> shownPosts = shown.stream().filter(Post.class::isInstance).map(Post.class::cast).toList();
        List<PostView> postViews = posts.summaries(viewer, shownPosts, commentCounts);
        int p = 0;
        for (Object entry : shown) {
            if (entry instanceof NewsItem item) {
                merged.add(new FeedItem(news.view(viewer, item, group, moderator, null), null, item.createdAt));
            } else {
                PostView view = postViews.get(p++);
                merged.add(new FeedItem(null, view, view.content().createdAt()));
            }
        }
        OffsetDateTime next = more && !merged.isEmpty() ? merged.get(merged.size() - 1).at() : null;
        return new FeedPage(group, merged, next);
    }

    private static OffsetDateTime createdAt(Object entry) {
        return entry instanceof NewsItem n ? n.createdAt : ((Post) entry).createdAt;
    }
}
