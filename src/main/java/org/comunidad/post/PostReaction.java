package org.comunidad.post;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member's reaction to a post; each member gives each kind at most once. */
@Entity
@Table(name = "post_reaction")
@IdClass(PostReaction.Key.class)
public class PostReaction extends PanacheEntityBase {

    public enum Kind {
        LIKE, THANKS, AGREE, IDEA
    }

    public static class Key implements Serializable {
        public long postId;
        public long memberId;
        public Kind kind;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.postId == postId && k.memberId == memberId && k.kind == kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(postId, memberId, kind);
        }
    }

    @Id
    @Column(name = "post_id")
    public long postId;

    @Id
    @Column(name = "member_id")
    public long memberId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Kind kind;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    /** Reactions per post and kind for a page of posts: one query. */
    public static Map<Long, Map<Kind, Long>> countsOf(Collection<Long> postIds) {
        Map<Long, Map<Kind, Long>> counts = new HashMap<>();
        if (postIds.isEmpty()) {
            return counts;
        }
        getEntityManager().createQuery("""
                select r.postId, r.kind, count(r) from PostReaction r where r.postId in :ids group by r.postId, r.kind
                """, Object[].class)
                .setParameter("ids", postIds)
                .getResultList()
                .forEach(row -> counts.computeIfAbsent((Long) row[0], k -> new EnumMap<>(Kind.class))
                        .put((Kind) row[1], (Long) row[2]));
        return counts;
    }

    /** The viewer's own reactions on a page of posts: one query. */
    public static Map<Long, Set<Kind>> mineOn(Collection<Long> postIds, long memberId) {
        Map<Long, Set<Kind>> mine = new HashMap<>();
        if (postIds.isEmpty()) {
            return mine;
        }
        getEntityManager().createQuery("""
                select r.postId, r.kind from PostReaction r where r.postId in :ids and r.memberId = :me
                """, Object[].class)
                .setParameter("ids", postIds)
                .setParameter("me", memberId)
                .getResultList()
                .forEach(row -> mine.computeIfAbsent((Long) row[0], k -> EnumSet.noneOf(Kind.class)).add((Kind) row[1]));
        return mine;
    }
}
