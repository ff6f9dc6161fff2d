package org.comunidad.discussion;

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

    public static Optional<DiscussionReply> live(long id) {
        return find("""
                select r from DiscussionReply r join fetch r.author join fetch r.discussion d join fetch d.community
                where r.id = ?1 and r.state.deletedAt is null
                """, id).singleResultOptional();
    }
}
