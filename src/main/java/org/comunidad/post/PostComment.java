package org.comunidad.post;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Tuple;

import org.comunidad.member.Member;
import org.comunidad.platform.content.Content;

/** A comment on a post (one level: comments are not answered). */
@Entity
@Table(name = "post_comment")
public class PostComment extends Content<Member> {

    public static final int BODY_MAX = 2000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    public Post post;

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

    /** A row of {@link #countsOf}: a post and how many visible comments it has. */
    record CommentCount(long postId, long count) {

        static CommentCount of(Tuple row) {
            return new CommentCount(row.get("post_id", Number.class).longValue(), row.get("n", Number.class).longValue());
        }
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
        ((List<Tuple>) getEntityManager().createNativeQuery("""
                select post_id, count(*) as n from post_comment
                where post_id in (:ids) and deleted_at is null and hidden_at is null
                group by post_id
                """, Tuple.class).setParameter("ids", postIds).getResultList()).stream().map(CommentCount::of)
                .forEach(row -> counts.put(row.postId(), row.count()));
        return counts;
    }

    public static Optional<PostComment> live(long id) {
        return find("""
                select c from PostComment c join fetch c.author join fetch c.post p join fetch p.community
                where c.id = ?1 and c.state.deletedAt is null and p.state.deletedAt is null
                """, id).singleResultOptional();
    }
}
