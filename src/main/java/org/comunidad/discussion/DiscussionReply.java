package org.comunidad.discussion;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.member.Member;
import org.comunidad.platform.content.Content;

/** A contribution to a discussion; it answers the discussion or a top-level reply (depth 2). */
@Entity
@Table(name = "discussion_reply")
public class DiscussionReply extends Content<Member> {

    public static final int BODY_MAX = 10000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "discussion_id")
    public Discussion discussion;

    /** The top-level reply this one answers; null for a top-level reply. */
    @Column(name = "parent_id")
    public Long parentId;

    /** Every reply of a discussion (deleted ones too, for the thread's shape), with authors: one query. */
    public static List<DiscussionReply> thread(long discussionId) {
        return find("""
                select r from DiscussionReply r join fetch r.author a left join fetch a.country
                where r.discussion.id = ?1
                order by r.createdAt, r.id
                """, discussionId).list();
    }

    /**
     * The replies the viewer sees (not deleted; hidden ones only to their author and moderators,
     * as {@code ContentState.visibleTo}), as the page's condition on {@code r}.
     */
    private static final String SEEN = "r.discussion.id = ?1 and r.state.deletedAt is null"
            + " and (r.state.hiddenAt is null or r.author.id = ?2 or ?3 = true)";

    /** How many replies of a discussion the viewer sees: one index-only count (V19's index). */
    public static long countSeen(long discussionId, long viewerId, boolean moderator) {
        return count("from DiscussionReply r where " + SEEN, discussionId, viewerId, moderator);
    }

    /**
     * One page of the replies the viewer sees, oldest first, with authors and countries: one query
     * that reads at most {@code offset + limit} entries of the thread's index.
     */
    public static List<DiscussionReply> pageSeen(long discussionId, long viewerId, boolean moderator, int offset,
            int limit) {
        return find("select r from DiscussionReply r join fetch r.author a left join fetch a.country where " + SEEN
                + " order by r.createdAt, r.id", discussionId, viewerId, moderator)
                .range(offset, offset + limit - 1).list();
    }

    /**
     * How many replies the viewer sees before this one (its place in the thread, from 0), whatever
     * its own state: one count on the thread's index. Compared in SQL, by the stored time and id.
     */
    public static long seenBefore(long replyId, long viewerId, boolean moderator) {
        getEntityManager().flush();
        return ((Number) getEntityManager().createNativeQuery("""
                select count(*) from discussion_reply t join discussion_reply r on r.discussion_id = t.discussion_id
                where t.id = ?1 and r.deleted_at is null and (r.hidden_at is null or r.author_id = ?2 or ?3)
                and (r.created_at, r.id) < (t.created_at, t.id)
                """).setParameter(1, replyId).setParameter(2, viewerId).setParameter(3, moderator)
                .getSingleResult()).longValue();
    }

    /** The replies that replies answer, for their "in answer to" quote: one query, with authors. */
    public static List<DiscussionReply> quoted(long discussionId, Collection<Long> ids) {
        return find("""
                select r from DiscussionReply r join fetch r.author
                where r.discussion.id = ?1 and r.id in ?2
                """, discussionId, ids).list();
    }

    /** A reply of a discussion whatever its state (deleted ones too: links to them land where they were). */
    public static Optional<DiscussionReply> in(long discussionId, long id) {
        return find("from DiscussionReply r where r.id = ?1 and r.discussion.id = ?2", id, discussionId)
                .singleResultOptional();
    }

    public static Optional<DiscussionReply> live(long id) {
        return find("""
                select r from DiscussionReply r join fetch r.author join fetch r.discussion d join fetch d.community
                where r.id = ?1 and r.state.deletedAt is null
                """, id).singleResultOptional();
    }
}
