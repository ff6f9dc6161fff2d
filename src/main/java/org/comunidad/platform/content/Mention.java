package org.comunidad.platform.content;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Tuple;

import org.comunidad.platform.notice.Notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A member named with @username in a piece of content. Stored when the content is
 * written (only members of the working group count), and announced to each member named
 * as a {@link Notice} of kind {@link MentionNotice#MENTION} in the same transaction.
 */
@Entity
@Table(name = "mention")
public class Mention extends PanacheEntityBase {

    /** Where a mention can be, with the statement that finds its page and excerpt ({@code ?1}: its id). */
    /** A member found by username. */
    public record Named(long id, String username) {
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

    /** The {@link MentionSource#name()} of the content that mentions. */
    @Column(name = "source_type", nullable = false, length = 20)
    public String sourceType;

    @Column(name = "source_id", nullable = false)
    public long sourceId;

    @Column(name = "created_at", nullable = false)
    public java.time.OffsetDateTime createdAt = java.time.OffsetDateTime.now();

    /** Members of the working group with these usernames (case-insensitive), in one query. */
    public static List<Named> membersOfGroupNamed(long groupId, Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("""
                select distinct new org.comunidad.platform.content.Mention$Named(m.id, lower(m.username)) from Member m
                where lower(m.username) in :names
                and exists (select 1 from Membership ms where ms.member = m
                            and (ms.community.id = :group or ms.community.parent.id = :group))
                """, Named.class)
                .setParameter("names", usernames)
                .setParameter("group", groupId)
                .getResultList();
    }

    /**
     * Records who the text mentions (members of the group only, never the author) and
     * returns the usernames recorded (those the text highlights, as {@link #usernamesIn} reads
     * them back). Re-recording after an edit keeps one row per member.
     */
    public static List<String> record(long communityId, long groupId, long authorId, MentionSource source, long sourceId,
            Collection<String> usernames) {
        delete("sourceType = ?1 and sourceId = ?2", source.name(), sourceId);
        List<Named> found = membersOfGroupNamed(groupId, usernames);
        Optional<Tuple> target = Optional.empty();
        List<String> recorded = new java.util.ArrayList<>();
        for (Named named : found) {
            long memberId = named.id();
            if (memberId == authorId) {
                continue;
            }
            recorded.add(named.username());
            Mention mention = new Mention();
            mention.communityId = communityId;
            mention.memberId = memberId;
            mention.authorId = authorId;
            mention.sourceType = source.name();
            mention.sourceId = sourceId;
            mention.persist();
            if (target.isEmpty()) {
                target = target(source, sourceId);
            }
            target.ifPresent(t -> notices().fire(new Notice(memberId, MentionNotice.MENTION,
                    "mention:" + source.name() + ":" + sourceId, communityId, authorId, t.get("link", String.class),
                    t.get("excerpt", String.class))));
        }
        return recorded;
    }

    /** Static code has no injection: the event, looked up where it fires. */
    private static Event<Notice> notices() {
        return CDI.current().getBeanManager().getEvent().select(Notice.class);
    }

    /** The page and excerpt of the content (read once per save, only when someone is mentioned). */
    private static Optional<Tuple> target(MentionSource source, long sourceId) {
        return getEntityManager().createNativeQuery(source.target(), Tuple.class).setParameter(1, sourceId)
                .getResultStream().findFirst().map(Tuple.class::cast);
    }

    public static List<Mention> of(MentionSource source, long sourceId) {
        return list("sourceType = ?1 and sourceId = ?2 order by id", source.name(), sourceId);
    }

    /**
     * The usernames mentioned in each of the given pieces of content, keyed "TYPE:id",
     * for highlighting: one query for a whole page.
     */
    @SuppressWarnings("unchecked")
    public static java.util.Map<String, java.util.Set<String>> usernamesIn(MentionSource source, Collection<Long> ids,
            MentionSource other, Collection<Long> otherIds) {
        java.util.Map<String, java.util.Set<String>> found = new java.util.HashMap<>();
        if (ids.isEmpty() && otherIds.isEmpty()) {
            return found;
        }
        ((List<Tuple>) getEntityManager().createNativeQuery("""
                select x.source_type as source, x.source_id as id, m.username as username
                from mention x join member m on m.id = x.member_id
                where (x.source_type = :a and x.source_id in (:aIds)) or (x.source_type = :b and x.source_id in (:bIds))
                """, Tuple.class)
                .setParameter("a", source.name()).setParameter("aIds", ids.isEmpty() ? List.of(-1L) : ids)
                .setParameter("b", other.name()).setParameter("bIds", otherIds.isEmpty() ? List.of(-1L) : otherIds)
                .getResultList())
                .forEach(row -> found.computeIfAbsent(row.get("source", String.class) + ":"
                        + row.get("id", Number.class).longValue(), k -> new java.util.HashSet<>())
                        .add(row.get("username", String.class)));
        return found;
    }
}
