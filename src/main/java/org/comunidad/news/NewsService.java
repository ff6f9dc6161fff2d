package org.comunidad.news;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityService;
import org.comunidad.member.Member;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.ContentAuthor;
import org.comunidad.platform.content.ContentView;
import org.comunidad.platform.content.Mention;
import org.comunidad.platform.content.Moderation;
import org.comunidad.platform.content.Paging;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.content.WhatsNew;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.storage.ObjectKeys;
import org.comunidad.platform.storage.ObjectStore;
import org.comunidad.platform.text.RichText;
import org.comunidad.platform.web.CommunityRef;

/**
 * News of a working group: the lookups and actions of its pages and API, each in one
 * transaction that also finds the group. Who may do what is {@link NewsAccess}.
 */
@ApplicationScoped
public class NewsService {

    public static final int PAGE_SIZE = 10;

    /** What a member submits; the image is a file already received on disk. */
    public record NewsInput(String title, String body, String link, String imageAlt) {
    }

    public record Image(Path file, long size) {
    }

    /** An item's image, opened from the object store. */
    public record ImageFile(InputStream content, String contentType, long size) {
    }

    /** An item as the viewer sees it, with what they may do to it. */
    public record NewsView(ContentView content, String title, String linkUrl, boolean hasImage, String imageAlt,
            boolean pinned, boolean canPin, boolean isNew) {

        public long id() {
            return content.id();
        }
    }

    public record NewsPage(Community group, List<NewsView> items, int page, boolean hasNext, boolean canPost) {
    }

    /** One item with its group, for the item's page. */
    public record NewsItemPage(Community group, NewsView view) {
    }

    @Inject
    CommunityService communities;

    @Inject
    WhatsNew whatsNew;

    @Inject
    ObjectStore store;

    @Inject
    RichText richText;

    @Inject
    NewsConfig config;

    /** A page of the group's news; the visit counts for "what's new" when {@code visit} is set (the page, not the API). */
    @Transactional
    public Optional<NewsPage> page(Viewer viewer, CommunityRef ref, int page, boolean visit) {
        return group(viewer, ref).map(group -> {
            OffsetDateTime seen = visit
                    ? whatsNew.visit(viewer.memberId(), group.id, NewsContributions.TAB).orElse(null)
                    : null;
            return page(viewer, group, page, seen);
        });
    }

    private NewsPage page(Viewer viewer, Community group, int page, OffsetDateTime seenBefore) {
        Paging paging = Paging.of(page, PAGE_SIZE);
        boolean moderator = NewsAccess.moderates(viewer, group);
        List<NewsItem> items = NewsItem.page(group.id, viewer.memberId(), moderator, paging.offset(),
                paging.limitWithNext());
        boolean hasNext = items.size() > PAGE_SIZE;
        List<NewsView> views = new ArrayList<>();
        for (NewsItem item : items.subList(0, Math.min(items.size(), PAGE_SIZE))) {
            views.add(view(viewer, item, group, moderator, seenBefore));
        }
        return new NewsPage(group, views, paging.page(), hasNext, NewsAccess.shares(viewer, group));
    }

    @Transactional
    public Optional<NewsItemPage> find(Viewer viewer, CommunityRef ref, long id) {
        return group(viewer, ref).flatMap(group -> visible(viewer, group, id)
                .map(n -> new NewsItemPage(group, view(viewer, n, group, NewsAccess.moderates(viewer, group), null))));
    }

    /** The item as the viewer sees it; the group is passed in so that no community is loaded per item. */
    public NewsView view(Viewer viewer, NewsItem item, Community group, boolean moderator, OffsetDateTime seenBefore) {
        boolean mine = item.isBy(viewer.memberId());
        boolean isNew = seenBefore != null && !mine && item.createdAt.isAfter(seenBefore);
        ContentView content = ContentView.of(item, author(item.author), item.html(richText, Set.of()),
                viewer.memberId(), NewsAccess.edits(viewer, item), NewsAccess.deletes(viewer, item), moderator);
        return new NewsView(content, item.title, item.linkUrl, item.hasImage(), item.imageAlt, item.isPinned(),
                NewsAccess.pins(viewer, group), isNew);
    }

    static ContentAuthor author(Member m) {
        return new ContentAuthor(m.id, m.displayName, m.country == null ? null : m.country.code,
                m.country == null ? null : m.country.name, m.institution);
    }

    /**
     * Shares a news item. The image, if any, is checked and written to the object store
     * first; the row that refers to it is committed after (store, then reference).
     */
    @Transactional
    public Optional<NewsView> create(Viewer viewer, CommunityRef ref, NewsInput input, Image image) {
        return group(viewer, ref).map(group -> {
            NewsItem item = create(viewer, group, input, image);
            return view(viewer, item, group, NewsAccess.moderates(viewer, group), null);
        });
    }

    private NewsItem create(Viewer viewer, Community group, NewsInput input, Image image) {
        if (!NewsAccess.shares(viewer, group)) {
            throw new Refused(Refused.Reason.NOT_GROUP_MEMBER);
        }
        NewsInput clean = validate(input);
        List<Violation> violations = new ArrayList<>();
        String contentType = image == null ? null : checkImage(image, violations);
        Texts.check(violations);

        NewsItem item = new NewsItem();
        item.community = group;
        item.author = Member.getEntityManager().getReference(Member.class, viewer.memberId());
        apply(item, clean);
        if (image != null) {
            String key = ObjectKeys.newKey("news");
            try (InputStream in = Files.newInputStream(image.file())) {
                store.put(key, in, image.size(), contentType);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            item.imageKey = key;
            item.imageContentType = contentType;
            item.imageSize = image.size();
            item.imageAlt = clean.imageAlt();
        }
        item.persist();
        Mention.record(group.id, group.id, viewer.memberId(), NewsMention.NEWS, item.id,
                richText.mentions(item.body));
        // A news item's page highlights no mentions (it never did): rendered without them.
        item.render(richText, Set.of());
        return item;
    }

    @Transactional
    public Optional<NewsItem> edit(Viewer viewer, CommunityRef ref, long id, NewsInput input, boolean removeImage) {
        return group(viewer, ref).flatMap(group -> visible(viewer, group, id).map(item -> {
            requireAuthor(NewsAccess.edits(viewer, item));
            NewsInput clean = validate(input);
            apply(item, clean);
            if (item.hasImage()) {
                if (removeImage) {
                    String key = item.imageKey;
                    item.imageKey = null;
                    item.imageContentType = null;
                    item.imageSize = null;
                    item.imageAlt = null;
                    store.delete(key);
                } else {
                    item.imageAlt = clean.imageAlt();
                }
            }
            item.changeState().edited();
            Mention.record(group.id, group.id, viewer.memberId(), NewsMention.NEWS, item.id,
                    richText.mentions(item.body));
            item.render(richText, Set.of());
            return item;
        }));
    }

    @Transactional
    public Optional<NewsItem> delete(Viewer viewer, CommunityRef ref, long id) {
        return group(viewer, ref).flatMap(group -> visible(viewer, group, id).map(item -> {
            requireAuthor(NewsAccess.deletes(viewer, item));
            item.changeState().delete();
            AuditLog.record(viewer.memberId(), group.id, "DELETE", "NEWS", item.id, null);
            return item;
        }));
    }

    @Transactional
    public Optional<NewsItem> pin(Viewer viewer, CommunityRef ref, long id, boolean pinned) {
        return group(viewer, ref).flatMap(group -> {
            if (!NewsAccess.pins(viewer, group)) {
                throw new Refused(Refused.Reason.NOT_COORDINATOR);
            }
            return visible(viewer, group, id).map(item -> {
                item.pinnedAt = pinned ? OffsetDateTime.now() : null;
                item.pinnedBy = pinned ? viewer.memberId() : null;
                AuditLog.record(viewer.memberId(), group.id, pinned ? "PIN" : "UNPIN", "NEWS", item.id, null);
                return item;
            });
        });
    }

    @Transactional
    public Optional<NewsItem> hide(Viewer viewer, CommunityRef ref, long id, String reason, boolean hide) {
        return group(viewer, ref).flatMap(group -> {
            if (!NewsAccess.moderates(viewer, group)) {
                throw new Refused(Refused.Reason.NOT_MODERATOR);
            }
            return visible(viewer, group, id).map(item -> {
                Moderation.apply(viewer, group.id, item, "NEWS", reason, hide);
                return item;
            });
        });
    }

    /** The image of an item the viewer may see, opened from the object store. */
    @Transactional
    public Optional<ImageFile> image(Viewer viewer, CommunityRef ref, long id) {
        return group(viewer, ref).flatMap(group -> visible(viewer, group, id)).filter(NewsItem::hasImage)
                .map(item -> new ImageFile(store.get(item.imageKey), item.imageContentType, item.imageSize));
    }

    private Optional<Community> group(Viewer viewer, CommunityRef ref) {
        return ref.find(slug -> communities.findVisible(viewer, slug), id -> communities.findVisible(viewer, id))
                .filter(Community::isGroup);
    }

    private Optional<NewsItem> visible(Viewer viewer, Community group, long id) {
        boolean moderator = NewsAccess.moderates(viewer, group);
        return NewsItem.live(id)
                .filter(n -> n.community.id.equals(group.id))
                .filter(n -> NewsAccess.sees(viewer, n, moderator));
    }

    private static void requireAuthor(boolean allowed) {
        if (!allowed) {
            throw new Refused(Refused.Reason.NOT_AUTHOR);
        }
    }

    private static void apply(NewsItem item, NewsInput clean) {
        item.title = clean.title();
        item.body = clean.body();
        item.linkUrl = clean.link();
    }

    static NewsInput validate(NewsInput input) {
        NewsInput clean = new NewsInput(Texts.clean(input.title()), Texts.clean(input.body()), Texts.clean(input.link()),
                Texts.clean(input.imageAlt()));
        List<Violation> violations = new ArrayList<>();
        Texts.required(violations, "title", clean.title(), NewsItem.TITLE_MAX);
        Texts.required(violations, "body", clean.body(), NewsItem.BODY_MAX);
        Texts.link(violations, "link", clean.link(), NewsItem.LINK_MAX);
        Texts.optional(violations, "imageAlt", clean.imageAlt(), NewsItem.ALT_MAX);
        Texts.check(violations);
        return clean;
    }

    /** The image's type from its first bytes (never from its name); null and a violation if not an image we show. */
    private String checkImage(Image image, List<Violation> violations) {
        if (image.size() > config.imageMaxBytes()) {
            violations.add(new Violation("image", Violation.Code.IMAGE_TOO_LARGE, config.imageMaxBytes() / (1024 * 1024)));
            return null;
        }
        byte[] head = new byte[12];
        int read;
        try (InputStream in = Files.newInputStream(image.file())) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = ImageTypes.sniff(head, read);
        if (type == null) {
            violations.add(new Violation("image", Violation.Code.IMAGE_TYPE, 0));
        }
        return type;
    }
}
