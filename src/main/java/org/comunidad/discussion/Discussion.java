package org.comunidad.discussion;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.community.Community;
import org.comunidad.member.Member;
import org.comunidad.platform.content.Content;

/**
 * A formal discussion of a subgroup: opened by its leader (or the group's coordinator)
 * on an agenda topic, answered by the subgroup's members, closed with a conclusion.
 * Its opening text is the content's body, kept in the column {@code opening}.
 */
@Entity
@Table(name = "discussion")
@AttributeOverride(name = "body", column = @Column(name = "opening", nullable = false))
@AttributeOverride(name = "bodyHtml", column = @Column(name = "opening_html"))
@AttributeOverride(name = "bodyHtmlVersion", column = @Column(name = "opening_html_version"))
public class Discussion extends Content<Member> {

    public static final int TITLE_MAX = 200;
    public static final int TOPIC_MAX = 300;
    public static final int TEXT_MAX = 20000;

    public enum Status {
        OPEN, CLOSED
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id")
    public Community community;

    @Column(nullable = false, length = TITLE_MAX)
    public String title;

    @Column(name = "agenda_topic", nullable = false, length = TOPIC_MAX)
    public String agendaTopic;

    /** Last day for contributions, inclusive. */
    public LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Status status = Status.OPEN;

    public String conclusion;

    /** The conclusion rendered when written, with the renderer's version (see {@code StoredText}). */
    @Column(name = "conclusion_html")
    public String conclusionHtml;

    @Column(name = "conclusion_html_version")
    public Integer conclusionHtmlVersion;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "closed_by")
    public Member closedBy;

    @Column(name = "pinned_at")
    public OffsetDateTime pinnedAt;

    @Column(name = "reply_count", nullable = false)
    public int replyCount;

    @Column(name = "last_activity_at", nullable = false)
    public OffsetDateTime lastActivityAt = OffsetDateTime.now();

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public boolean isPinned() {
        return pinnedAt != null;
    }

    /** Whether the deadline for contributions has passed, on the given day. */
    public boolean pastDeadline(LocalDate today) {
        return deadline != null && today.isAfter(deadline);
    }

    /** A subgroup's discussions with one status, pinned first then by last activity, with authors: one query. */
    public static List<Discussion> in(long subgroupId, Status status, long viewerId, boolean moderator, int limit) {
        return find("""
                select d from Discussion d join fetch d.author a left join fetch a.country
                where d.community.id = ?1 and d.status = ?2 and d.state.deletedAt is null
                and (d.state.hiddenAt is null or d.author.id = ?3 or ?4 = true)
                order by d.pinnedAt desc nulls last, d.lastActivityAt desc, d.id desc
                """, subgroupId, status, viewerId, moderator).range(0, limit - 1).list();
    }

    public static Optional<Discussion> live(long id) {
        return find("""
                select d from Discussion d join fetch d.author a left join fetch a.country
                join fetch d.community c left join fetch c.parent left join fetch d.closedBy
                where d.id = ?1 and d.state.deletedAt is null
                """, id).singleResultOptional();
    }
}
