package org.comunidad.platform.content;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A member named with @username in a piece of content. Stored when the content is
 * written (only members of the working group count); the notifications feature
 * delivers them.
 */
@Entity
@Table(name = "mention")
public class Mention extends PanacheEntityBase {

    public enum Source {
        NEWS, POST, COMMENT, DISCUSSION, REPLY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "community_id", nullable = false)
    public long communityId;

    @Column(name = "member_id", nullable = false)
    public long memberId;

    @Column(name = "author_id", nullable = false)
    public long authorId;

    @Column(name = "source_type", nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Source sourceType;

    @Column(name = "source_id", nullable = false)
    public long sourceId;

    @Column(name = "created_at", nullable = false)
    public java.time.OffsetDateTime createdAt = java.time.OffsetDateTime.now();

    /** Members of the working group with these usernames (case-insensitive), in one query. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> membersOfGroupNamed(long groupId, Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("""
                select distinct m.id, lower(m.username) from Member m
                where lower(m.username) in :names
                and exists (select 1 from Membership ms where ms.member = m
                            and (ms.community.id = :group or ms.community.parent.id = :group))
                """)
                .setParameter("names", usernames)
                .setParameter("group", groupId)
                .getResultList();
    }

    /**
     * Records who the text mentions (members of the group only, never the author) and
     * returns their usernames. Re-recording after an edit keeps one row per member.
     */
    public static List<String> record(long communityId, long groupId, long authorId, Source source, long sourceId,
            Collection<String> usernames) {
        delete("sourceType = ?1 and sourceId = ?2", source, sourceId);
        List<Object[]> found = membersOfGroupNamed(groupId, usernames);
        for (Object[] row : found) {
            long memberId = (Long) row[0];
            if (memberId == authorId) {
                continue;
            }
            Mention mention = new Mention();
            mention.communityId = communityId;
            mention.memberId = memberId;
            mention.authorId = authorId;
            mention.sourceType = source;
            mention.sourceId = sourceId;
            mention.persist();
            org.comunidad.notification.Notifications.mentioned(getEntityManager(), memberId, authorId, communityId,
                    source, sourceId);
        }
        return found.stream().map(r -> (String) r[1]).toList();
    }

    public static List<Mention> of(Source source, long sourceId) {
        return list("sourceType = ?1 and sourceId = ?2 order by id", source, sourceId);
    }

    /**
     * The usernames mentioned in each of the given pieces of content, keyed "TYPE:id",
     * for highlighting: one query for a whole page.
     */
    @SuppressWarnings("unchecked")
    public static java.util.Map<String, java.util.Set<String>> usernamesIn(Source source, Collection<Long> ids,
            Source other, Collection<Long> otherIds) {
        java.util.Map<String, java.util.Set<String>> found = new java.util.HashMap<>();
        if (ids.isEmpty() && otherIds.isEmpty()) {
            return found;
        }
        ((List<Object[]>) getEntityManager().createNativeQuery("""
                select x.source_type, x.source_id, m.username from mention x join member m on m.id = x.member_id
                where (x.source_type = :a and x.source_id in (:aIds)) or (x.source_type = :b and x.source_id in (:bIds))
                """)
                .setParameter("a", source.name()).setParameter("aIds", ids.isEmpty() ? List.of(-1L) : ids)
                .setParameter("b", other.name()).setParameter("bIds", otherIds.isEmpty() ? List.of(-1L) : otherIds)
                .getResultList())
                .forEach(row -> found.computeIfAbsent(row[0] + ":" + ((Number) row[1]).longValue(),
                        k -> new java.util.HashSet<>()).add((String) row[2]));
        return found;
    }
}
