package org.comunidad.notification;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.comunidad.platform.notice.Notice;
import org.comunidad.platform.notice.NoticeKind;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.persistence.SqlValues;

/**
 * A member's notifications: stored when a feature fires a {@link Notice}, in the transaction
 * of what caused it (so a notification never exists for something that was not saved), at
 * most one per member and event, read in the app (the bell and the list). Emails and digests
 * build on these rows.
 */
@ApplicationScoped
public class Notifications {

    public static final int PAGE_SIZE = 30;
    public static final int BADGE_CAP = 99;
    static final int EXCERPT_MAX = 300;

    /** One notification as the list shows it; {@code kind} is null for a kind no feature sends any more. */
    public record Item(long id, NoticeKind kind, String actor, Localized community, String link, String excerpt,
            OffsetDateTime at, boolean read) {
    }

    public record Page(List<Item> items, Long nextBefore) {
    }

    @Inject
    EntityManager em;

    @Inject
    KnownKinds kinds;

    /**
     * Stores a notice as the recipient's notification, synchronously, in the transaction that
     * fired it: if that transaction rolls back, so does the notification. Once per member and
     * event key.
     */
    void store(@Observes Notice notice) {
        if (kinds.named(notice.kind().name()).isEmpty()) {
            throw new IllegalStateException("notice of kind " + notice.kind().name()
                    + ", which no NoticeKinds bean contributes");
        }
        String excerpt = notice.excerpt();
        em.createNativeQuery("""
                insert into notification (member_id, kind, event_key, community_id, actor_id, link, excerpt)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (member_id, event_key) do nothing""")
                .setParameter(1, notice.recipientId()).setParameter(2, notice.kind().name())
                .setParameter(3, notice.eventKey()).setParameter(4, notice.communityId())
                .setParameter(5, notice.actorId()).setParameter(6, notice.link())
                .setParameter(7, excerpt == null || excerpt.length() <= EXCERPT_MAX ? excerpt
                        : excerpt.substring(0, EXCERPT_MAX))
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
        List<Tuple> rows = em.createNativeQuery("""
                select n.id as id, n.kind as kind, a.display_name as actor, c.name_es as name_es, c.name_pt as name_pt,
                       c.name_en as name_en, n.link as link, n.excerpt as excerpt, n.created_at as created_at,
                       n.read_at is not null as is_read
                from notification n left join member a on a.id = n.actor_id left join community c on c.id = n.community_id
                where n.member_id = ?1 and n.id < ?2 order by n.id desc limit ?3""", Tuple.class)
                .setParameter(1, memberId).setParameter(2, before == null ? Long.MAX_VALUE : before)
                .setParameter(3, PAGE_SIZE + 1).getResultList();
        List<Item> items = new ArrayList<>();
        for (Tuple row : rows.subList(0, Math.min(rows.size(), PAGE_SIZE))) {
            items.add(new Item(row.get("id", Long.class), kind(row), row.get("actor", String.class),
                    community(row), row.get("link", String.class), row.get("excerpt", String.class),
                    SqlValues.timestamp(row.get("created_at")), row.get("is_read", Boolean.class)));
        }
        return new Page(items, rows.size() > PAGE_SIZE ? items.get(items.size() - 1).id() : null);
    }

    /** The kind of a row read with the alias {@code kind}; null for a kind no feature sends any more. */
    NoticeKind kind(Tuple row) {
        return kinds.named(row.get("kind", String.class)).orElse(null);
    }

    /** The community of a row read with the aliases {@code name_es}, {@code name_pt}, {@code name_en}; or null. */
    static Localized community(Tuple row) {
        String es = row.get("name_es", String.class);
        return es == null ? null
                : new Localized(es, row.get("name_pt", String.class), row.get("name_en", String.class));
    }

    /** Marks one of the member's notifications read and returns where it points; empty if not theirs. */
    @Transactional
    public Optional<String> open(long memberId, long id) {
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
