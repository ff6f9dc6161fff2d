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
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member's reaction to a post; each member gives each kind at most once. */
@Entity
@Table(name = "post_reaction")
@IdClass(PostReaction.Key.class)
public class PostReaction extends PanacheEntityBase {

    public enum Kind {
        LIKE, THANKS, AGREE, IDEA;

        /** The kind a form or a request names (any case); an unknown one is a bad request. */
        public static Kind parse(String kind) {
            try {
                return valueOf(kind == null ? "" : kind.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new jakarta.ws.rs.BadRequestException("unknown reaction " + kind);
            }
        }
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

    /** A row of {@link #countsOf}: how many reactions of a kind a post has. */
    record KindCount(long postId, Kind kind, long count) {

        static KindCount of(Tuple row) {
            return new KindCount(row.get("post_id", Number.class).longValue(), Kind.valueOf(row.get("kind", String.class)),
                    row.get("n", Number.class).longValue());
        }
    }

    /** A row of {@link #mineOn}: a reaction the viewer gave. */
    record Given(long postId, Kind kind) {

        static Given of(Tuple row) {
            return new Given(row.get("post_id", Number.class).longValue(), Kind.valueOf(row.get("kind", String.class)));
        }
    }

    /** Reactions per post and kind for a page of posts: one native query (no per-call translation). */
    @SuppressWarnings("unchecked")
    public static Map<Long, Map<Kind, Long>> countsOf(Collection<Long> postIds) {
        Map<Long, Map<Kind, Long>> counts = new HashMap<>();
        if (postIds.isEmpty()) {
            return counts;
        }
        ((java.util.List<Tuple>) getEntityManager().createNativeQuery("""
                select post_id, kind, count(*) as n from post_reaction where post_id in (:ids) group by post_id, kind
                """, Tuple.class).setParameter("ids", postIds).getResultList()).stream().map(KindCount::of)
                .forEach(row -> counts.computeIfAbsent(row.postId(), k -> new EnumMap<>(Kind.class))
                        .put(row.kind(), row.count()));
        return counts;
    }

    /** The viewer's own reactions on a page of posts: one native query. */
    @SuppressWarnings("unchecked")
    public static Map<Long, Set<Kind>> mineOn(Collection<Long> postIds, long memberId) {
        Map<Long, Set<Kind>> mine = new HashMap<>();
        if (postIds.isEmpty()) {
            return mine;
        }
        ((java.util.List<Tuple>) getEntityManager().createNativeQuery("""
                select post_id, kind from post_reaction where post_id in (:ids) and member_id = :me
                """, Tuple.class).setParameter("ids", postIds).setParameter("me", memberId).getResultList()).stream()
                .map(Given::of)
                .forEach(row -> mine.computeIfAbsent(row.postId(), k -> EnumSet.noneOf(Kind.class)).add(row.kind()));
        return mine;
    }
}
