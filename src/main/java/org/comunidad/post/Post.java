package org.comunidad.post;

import org.comunidad.platform.security.CommunityRole;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.community.Community;
import org.comunidad.member.Member;
import org.comunidad.platform.content.Content;

/** An informal post inside a subgroup: text with links, comments and reactions. */
@Entity
@Table(name = "post")
public class Post extends Content<Member> {

    public static final int BODY_MAX = 5000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id")
    public Community community;

    /** The subgroup's working group, repeated so that the group's feed is one index range. */
    @Column(name = "group_id", nullable = false)
    public long groupId;

    /** A page of a subgroup's posts, newest first, with authors: one query. */
    public static List<Post> page(long subgroupId, long viewerId, boolean moderator, int offset, int limit) {
        return find("""
                select p from Post p
                join fetch p.author a left join fetch a.country
                where p.community.id = ?1 and p.state.deletedAt is null
                and (p.state.hiddenAt is null or p.author.id = ?2 or ?3 = true)
                order by p.createdAt desc, p.id desc
                """, subgroupId, viewerId, moderator)
                .withHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
                .range(offset, offset + limit - 1).list();
    }

    /** The newest posts of a working group's subgroups before a point in time: the feed's posts half. */
    /** A post of the feed with its visible comments' count, read in the same statement. */
    public record FeedEntry(Post post, long comments) {
    }

    public static List<FeedEntry> feed(long groupId, OffsetDateTime before, long viewerId, boolean moderatesAll,
            boolean mayLead, int limit) {
        return getEntityManager().createQuery("""
                select p, (select count(c) from PostComment c where c.post = p
                           and c.state.deletedAt is null and c.state.hiddenAt is null)
                from Post p
                join fetch p.author a left join fetch a.country
                join fetch p.community
                where p.groupId = ?1 and p.state.deletedAt is null and p.createdAt < ?2
                and (p.state.hiddenAt is null or p.author.id = ?3 or ?4 = true
                     or (?5 = true and exists (select 1 from Membership ms where ms.member.id = ?3
                         and ms.community = p.community and ms.role = org.comunidad.platform.security.CommunityRole.LEADER)))
                order by p.createdAt desc, p.id desc
                """, Object[].class)
                .setParameter(1, groupId).setParameter(2, before).setParameter(3, viewerId)
                .setParameter(4, moderatesAll).setParameter(5, mayLead)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
                .setMaxResults(limit).getResultList().stream()
                .map(row -> new FeedEntry((Post) row[0], ((Number) row[1]).longValue())).toList();
    }

    public static Optional<Post> live(long id) {
        return find("""
                select p from Post p join fetch p.author a left join fetch a.country
                join fetch p.community c left join fetch c.parent
                where p.id = ?1 and p.state.deletedAt is null
                """, id).singleResultOptional();
    }
}
