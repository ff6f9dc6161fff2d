package org.comunidad.post;

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
    public static Optional<Post> live(long id) {
        return find("""
                select p from Post p join fetch p.author a left join fetch a.country
                join fetch p.community c left join fetch c.parent
                where p.id = ?1 and p.state.deletedAt is null
                """, id).singleResultOptional();
    }
}
