package org.comunidad.notification;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.comunidad.platform.content.Mention;
import org.comunidad.platform.persistence.Localized;

/**
 * A member's notifications: published in the transaction of what caused them (so a
 * notification never exists for something that was not saved), at most one per member and
 * event, read in the app (the bell and the list). Emails and digests build on these rows.
 */
@ApplicationScoped
public class Notifications {

    public static final int PAGE_SIZE = 30;
    public static final int BADGE_CAP = 99;

    public enum Kind {
        MENTION, JOIN_APPROVED, JOIN_DECLINED, ROLE_ASSIGNED, INVITATION_ACCEPTED, COORDINATION_GAINED,
        COORDINATION_LOST
    }

    public record Item(long id, Kind kind, String actor, Localized community, String link, String excerpt,
            OffsetDateTime at, boolean read) {
    }

    public record Page(List<Item> items, Long nextBefore) {
    }

    @Inject
    EntityManager em;

    /**
     * Notifies the member mentioned in a piece of content (in the caller's transaction). The
     * same content mentioning them again, after an edit, does not notify twice.
     */
    public static void mentioned(EntityManager em, long memberId, long authorId, long communityId,
            Mention.Source source, long sourceId) {
        String target = switch (source) {
            case NEWS -> "select '/c/' || c.slug || '/news/' || x.id, left(x.title, 300) from news_item x "
                    + "join community c on c.id = x.community_id where x.id = ?1";
            case POST -> "select '/c/' || c.slug || '/posts/' || x.id, left(x.body, 300) from post x "
                    + "join community c on c.id = x.community_id where x.id = ?1";
            case COMMENT -> "select '/c/' || c.slug || '/posts/' || p.id || '#comment-' || x.id, left(x.body, 300) "
                    + "from post_comment x join post p on p.id = x.post_id join community c on c.id = p.community_id "
                    + "where x.id = ?1";
            case DISCUSSION -> "select '/c/' || c.slug || '/discussions/' || x.id, left(x.title, 300) from discussion x "
                    + "join community c on c.id = x.community_id where x.id = ?1";
            case REPLY -> "select '/c/' || c.slug || '/discussions/' || d.id || '#reply-' || x.id, left(x.body, 300) "
                    + "from discussion_reply x join discussion d on d.id = x.discussion_id "
                    + "join community c on c.id = d.community_id where x.id = ?1";
        };
        em.createNativeQuery("""
                insert into notification (member_id, kind, event_key, community_id, actor_id, link, excerpt)
                select ?2, 'MENTION', ?3, ?4, ?5, t.link, t.excerpt from (%s) t(link, excerpt)
                on conflict (member_id, event_key) do nothing""".formatted(target))
                .setParameter(1, sourceId).setParameter(2, memberId)
                .setParameter(3, "mention:" + source.name() + ":" + sourceId)
                .setParameter(4, communityId).setParameter(5, authorId).executeUpdate();
    }

    /** Any other event (in the caller's transaction): once per member and event key. */
    public static void publish(EntityManager em, long memberId, Kind kind, String eventKey, Long communityId,
            Long actorId, String link, String excerpt) {
        em.createNativeQuery("""
                insert into notification (member_id, kind, event_key, community_id, actor_id, link, excerpt)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (member_id, event_key) do nothing""")
                .setParameter(1, memberId).setParameter(2, kind.name()).setParameter(3, eventKey)
                .setParameter(4, communityId).setParameter(5, actorId).setParameter(6, link)
                .setParameter(7, excerpt == null || excerpt.length() <= 300 ? excerpt : excerpt.substring(0, 300))
                .executeUpdate();
    }

    /** Unread notifications, capped (the bell shows "99+"). */
    @Transactional
    public int unread(long memberId) {
        return ((Number) em.createNativeQuery("""
                select count(*) from (select 1 from notification where member_id = ?1 and read_at is null limit 100) x""")
                .setParameter(1, memberId).getSingleResult()).intValue();
    }

    @Transactional
    public Page page(long memberId, Long before) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select n.id, n.kind, a.display_name, c.name_es, c.name_pt, c.name_en, n.link, n.excerpt, n.created_at,
                       n.read_at is not null
                from notification n left join member a on a.id = n.actor_id left join community c on c.id = n.community_id
                where n.member_id = ?1 and n.id < ?2 order by n.id desc limit ?3""")
                .setParameter(1, memberId).setParameter(2, before == null ? Long.MAX_VALUE : before)
                .setParameter(3, PAGE_SIZE + 1).getResultList();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), PAGE_SIZE); i++) {
            Object[] r = rows.get(i);
            items.add(new Item(((Number) r[0]).longValue(), Kind.valueOf((String) r[1]), (String) r[2],
                    r[3] == null ? null : new Localized((String) r[3], (String) r[4], (String) r[5]), (String) r[6],
                    (String) r[7], org.comunidad.platform.persistence.SqlValues.timestamp(r[8]), (Boolean) r[9]));
        }
        return new Page(items, rows.size() > PAGE_SIZE ? items.get(items.size() - 1).id() : null);
    }

    /** Marks one of the member's notifications read and returns where it points; empty if not theirs. */
    @Transactional
    public java.util.Optional<String> open(long memberId, long id) {
        @SuppressWarnings("unchecked")
        List<String> link = em.createNativeQuery("""
                update notification set read_at = coalesce(read_at, now()) where id = ?1 and member_id = ?2
                returning link""").setParameter(1, id).setParameter(2, memberId).getResultList();
        return link.stream().findFirst();
    }

    @Transactional
    public int readAll(long memberId) {
        return em.createNativeQuery("update notification set read_at = now() where member_id = ?1 and read_at is null")
                .setParameter(1, memberId).executeUpdate();
    }

}
