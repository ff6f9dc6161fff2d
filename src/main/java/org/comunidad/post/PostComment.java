package org.comunidad.post;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.member.Member;
import org.comunidad.platform.content.ContentState;
import org.comunidad.platform.persistence.BaseEntity;

/** A comment on a post (one level: comments are not answered). */
@Entity
@Table(name = "post_comment")
public class PostComment extends BaseEntity {

    public static final int BODY_MAX = 2000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    public Post post;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Member author;

    @Column(nullable = false)
    public String body;

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

    /** The comments of a page of posts, with authors, oldest first: one query. */
    public static List<PostComment> ofPosts(Collection<Long> postIds, long viewerId, Collection<Long> moderatedCommunities) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        return find("""
                select c from PostComment c
                join fetch c.author a left join fetch a.country
                where c.post.id in ?1 and c.state.deletedAt is null
                and (c.state.hiddenAt is null or c.author.id = ?2 or c.post.community.id in ?3)
                order by c.createdAt, c.id
                """, postIds, viewerId, moderatedCommunities.isEmpty() ? List.of(-1L) : moderatedCommunities).list();
    }

    /**
     * How many visible comments each post has: one query. Native SQL: Hibernate would
     * re-translate a query with a list parameter on every call.
     */
    @SuppressWarnings("unchecked")
    public static java.util.Map<Long, Long> countsOf(Collection<Long> postIds) {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        if (postIds.isEmpty()) {
            return counts;
        }
        ((List<Object[]>) getEntityManager().createNativeQuery("""
                select post_id, count(*) from post_comment
                where post_id in (:ids) and deleted_at is null and hidden_at is null
                group by post_id
                """).setParameter("ids", postIds).getResultList())
                .forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    public static Optional<PostComment> live(long id) {
        return find("""
                select c from PostComment c join fetch c.author join fetch c.post p join fetch p.community
                where c.id = ?1 and c.state.deletedAt is null and p.state.deletedAt is null
                """, id).singleResultOptional();
    }
}
