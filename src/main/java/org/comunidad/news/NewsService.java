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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.member.Member;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Mention;
import org.comunidad.platform.content.Moderation;
import org.comunidad.platform.content.Paging;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.storage.ObjectKeys;
import org.comunidad.platform.storage.ObjectStore;
import org.comunidad.platform.text.RichText;

import io.quarkus.qute.RawString;

/**
 * News of a working group. Any member of the group shares; the author edits and
 * deletes; the coordinator pins and hides (with a reason, in the audit log).
 */
@ApplicationScoped
public class NewsService {

    public static final int PAGE_SIZE = 10;

    /** What a member submits; the image is a file already received on disk. */
    public record NewsInput(String title, String body, String link, String imageAlt) {
    }

    public record Image(Path file, long size) {
    }

    /** An item as the viewer sees it, with what they may do to it. */
    public record NewsView(NewsItem item, RawString html, boolean mine, boolean canModerate, boolean canPin,
            boolean isNew) {
    }

    public record NewsPage(List<NewsView> items, int page, boolean hasNext, boolean canPost) {
    }

    @Inject
    ObjectStore store;

    @Inject
    RichText richText;

    @Inject
    NewsConfig config;

    /** Whether the viewer may share news in this group. */
    public static boolean canPost(Viewer viewer, Community group) {
        return group.isGroup() && CommunityAccess.canView(viewer, group);
    }

    @Transactional
    public NewsPage page(Viewer viewer, Community group, int page, OffsetDateTime seenBefore) {
        Paging paging = Paging.of(page, PAGE_SIZE);
        int current = paging.page();
        boolean moderator = CommunityAccess.moderates(viewer, group);
        List<NewsItem> items = NewsItem.page(group.id, viewer.memberId(), moderator, paging.offset(),
                paging.limitWithNext());
        boolean hasNext = items.size() > PAGE_SIZE;
        List<NewsView> views = new ArrayList<>();
        for (NewsItem item : items.subList(0, Math.min(items.size(), PAGE_SIZE))) {
            views.add(view(viewer, item, group, moderator, seenBefore));
        }
        return new NewsPage(views, current, hasNext, canPost(viewer, group));
    }

    @Transactional
    public Optional<NewsView> find(Viewer viewer, Community group, long id) {
        boolean moderator = CommunityAccess.moderates(viewer, group);
        return NewsItem.live(id)
                .filter(n -> n.community.id.equals(group.id))
                .filter(n -> n.getState().visibleTo(viewer.memberId(), n.author.id, moderator))
                .map(n -> view(viewer, n, group, moderator, null));
    }

    /** The item as the viewer sees it; the group is passed in so that no community is loaded per item. */
    public NewsView view(Viewer viewer, NewsItem item, Community group, boolean moderator, OffsetDateTime seenBefore) {
        boolean mine = item.author.id == viewer.memberId();
        boolean isNew = seenBefore != null && !mine && item.createdAt.isAfter(seenBefore);
        return new NewsView(item, richText.render(item.body), mine, moderator,
                CommunityAccess.coordinates(viewer, group.id), isNew);
    }

    /**
     * Shares a news item. The image, if any, is checked and written to the object store
     * first; the row that refers to it is committed after (store, then reference).
     */
    @Transactional
    public NewsItem create(Viewer viewer, Community group, NewsInput input, Image image) {
        if (!canPost(viewer, group)) {
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
        Mention.record(group.id, group.id, viewer.memberId(), Mention.Source.NEWS, item.id,
                richText.mentions(item.body));
        return item;
    }

    @Transactional
    public NewsItem edit(Viewer viewer, Community group, long id, NewsInput input, boolean removeImage) {
        NewsItem item = owned(viewer, group, id);
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
        Mention.record(group.id, group.id, viewer.memberId(), Mention.Source.NEWS, item.id,
                richText.mentions(item.body));
        return item;
    }

    @Transactional
    public void delete(Viewer viewer, Community group, long id) {
        NewsItem item = owned(viewer, group, id);
        item.changeState().delete();
        AuditLog.record(viewer.memberId(), group.id, "DELETE", "NEWS", item.id, null);
    }

    @Transactional
    public void pin(Viewer viewer, Community group, long id, boolean pinned) {
        if (!CommunityAccess.coordinates(viewer, group.id)) {
            throw new Refused(Refused.Reason.NOT_COORDINATOR);
        }
        NewsItem item = visible(viewer, group, id);
        item.pinnedAt = pinned ? OffsetDateTime.now() : null;
        item.pinnedBy = pinned ? viewer.memberId() : null;
        AuditLog.record(viewer.memberId(), group.id, pinned ? "PIN" : "UNPIN", "NEWS", item.id, null);
    }

    @Transactional
    public void hide(Viewer viewer, Community group, long id, String reason, boolean hide) {
        if (!CommunityAccess.moderates(viewer, group)) {
            throw new Refused(Refused.Reason.NOT_MODERATOR);
        }
        NewsItem item = visible(viewer, group, id);
        Moderation.apply(viewer, group.id, item.changeState(), "NEWS", item.id, reason, hide);
    }

    /** The image of an item the viewer may see. */
    @Transactional
    public Optional<NewsItem> withImage(Viewer viewer, Community group, long id) {
        return find(viewer, group, id).map(NewsView::item).filter(NewsItem::hasImage);
    }

    public InputStream openImage(NewsItem item) {
        return store.get(item.imageKey);
    }

    private NewsItem visible(Viewer viewer, Community group, long id) {
        boolean moderator = CommunityAccess.moderates(viewer, group);
        return NewsItem.live(id)
                .filter(n -> n.community.id.equals(group.id))
                .filter(n -> n.getState().visibleTo(viewer.memberId(), n.author.id, moderator))
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    private NewsItem owned(Viewer viewer, Community group, long id) {
        NewsItem item = visible(viewer, group, id);
        if (item.author.id != viewer.memberId()) {
            throw new Refused(Refused.Reason.NOT_AUTHOR);
        }
        return item;
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
