package org.comunidad.news;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.community.Community;
import org.comunidad.member.Member;
import org.comunidad.platform.content.Content;

/** A piece of news shared with a whole working group ("Novedades"). */
@Entity
@Table(name = "news_item")
public class NewsItem extends Content<Member> {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 20000;
    public static final int LINK_MAX = 2000;
    public static final int ALT_MAX = 300;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id")
    public Community community;

    @Column(nullable = false, length = TITLE_MAX)
    public String title;

    @Column(name = "link_url", length = LINK_MAX)
    public String linkUrl;

    @Column(name = "image_key")
    public String imageKey;

    @Column(name = "image_content_type")
    public String imageContentType;

    @Column(name = "image_size")
    public Long imageSize;

    @Column(name = "image_alt", length = ALT_MAX)
    public String imageAlt;

    @Column(name = "pinned_at")
    public OffsetDateTime pinnedAt;

    @Column(name = "pinned_by")
    public Long pinnedBy;

    public boolean hasImage() {
        return imageKey != null;
    }

    public boolean isPinned() {
        return pinnedAt != null;
    }

    /**
     * A page of a group's news as the viewer may see it: pinned first, then newest;
     * hidden items only for their author and the moderators. One query, with authors.
     */
    public static List<NewsItem> page(long groupId, long viewerId, boolean moderator, int offset, int limit) {
        return find("""
                select n from NewsItem n
                join fetch n.author a left join fetch a.country
                where n.community.id = ?1 and n.state.deletedAt is null
                and (n.state.hiddenAt is null or n.author.id = ?2 or ?3 = true)
                order by n.pinnedAt desc nulls last, n.createdAt desc, n.id desc
                """, groupId, viewerId, moderator)
                .withHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
                .range(offset, offset + limit - 1).list();
    }

    /** One item with its author, unless deleted. */
    public static java.util.Optional<NewsItem> live(long id) {
        return find("""
                select n from NewsItem n join fetch n.author a left join fetch a.country join fetch n.community c
                left join fetch c.parent
                where n.id = ?1 and n.state.deletedAt is null
                """, id).singleResultOptional();
    }
}
