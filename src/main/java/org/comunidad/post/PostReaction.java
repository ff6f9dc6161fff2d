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

    /** Reactions per post and kind for a page of posts: one native query (no per-call translation). */
    @SuppressWarnings("unchecked")
    public static Map<Long, Map<Kind, Long>> countsOf(Collection<Long> postIds) {
        Map<Long, Map<Kind, Long>> counts = new HashMap<>();
        if (postIds.isEmpty()) {
            return counts;
        }
        ((java.util.List<Object[]>) getEntityManager().createNativeQuery("""
                select post_id, kind, count(*) from post_reaction where post_id in (:ids) group by post_id, kind
                """).setParameter("ids", postIds).getResultList())
                .forEach(row -> counts.computeIfAbsent(((Number) row[0]).longValue(), k -> new EnumMap<>(Kind.class))
                        .put(Kind.valueOf((String) row[1]), ((Number) row[2]).longValue()));
        return counts;
    }

    /** The viewer's own reactions on a page of posts: one native query. */
    @SuppressWarnings("unchecked")
    public static Map<Long, Set<Kind>> mineOn(Collection<Long> postIds, long memberId) {
        Map<Long, Set<Kind>> mine = new HashMap<>();
        if (postIds.isEmpty()) {
            return mine;
        }
        ((java.util.List<Object[]>) getEntityManager().createNativeQuery("""
                select post_id, kind from post_reaction where post_id in (:ids) and member_id = :me
                """).setParameter("ids", postIds).setParameter("me", memberId).getResultList())
                .forEach(row -> mine.computeIfAbsent(((Number) row[0]).longValue(), k -> EnumSet.noneOf(Kind.class))
                        .add(Kind.valueOf((String) row[1])));
        return mine;
    }
}
