package org.comunidad.discussion;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.community.Community;
import org.comunidad.member.Member;
import org.comunidad.platform.content.ContentState;
import org.comunidad.platform.persistence.BaseEntity;

/**
 * A formal discussion of a subgroup: opened by its leader (or the group's coordinator)
 * on an agenda topic, answered by the subgroup's members, closed with a conclusion.
 */
@Entity
@Table(name = "discussion")
public class Discussion extends BaseEntity {

    public static final int TITLE_MAX = 200;
    public static final int TOPIC_MAX = 300;
    public static final int TEXT_MAX = 20000;

    public enum Status {
        OPEN, CLOSED
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id")
    public Community community;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Member author;

    @Column(nullable = false, length = TITLE_MAX)
    public String title;

    @Column(name = "agenda_topic", nullable = false, length = TOPIC_MAX)
    public String agendaTopic;

    @Column(nullable = false)
    public String opening;

    /** Last day for contributions, inclusive. */
    public LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Status status = Status.OPEN;

    public String conclusion;

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

    /** Read through {@link #getState()}: the field is null when all its columns are. */
    @Embedded
    protected ContentState state = new ContentState();

    /**
     * Hibernate leaves the embeddable null when all its columns are: readers get an empty
     * state (not attached, so reading never makes the row dirty); writers use {@link #changeState()}.
     */
    public ContentState getState() {
        return state != null ? state : new ContentState();
    }

    public ContentState changeState() {
        if (state == null) {
            state = new ContentState();
        }
        return state;
    }

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
