package org.comunidad.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.notice.NoticeKind;

/**
 * A member's email preferences: per kind of notification at once, in the daily digest or
 * never; and "no email at all". The unsubscribe links of emails change the same settings.
 */
@ApplicationScoped
public class EmailSettings {

    /** The channel of each kind (by its stored name), and whether the member wants no email at all. */
    public record Settings(Map<String, Emails.Channel> channels, boolean optOut) {
        public Emails.Channel channel(NoticeKind kind) {
            return channels.get(kind.name());
        }
    }

    @Inject
    EntityManager em;

    @Inject
    KnownKinds kinds;

    /** The kinds a member chooses for, in the order of the page (a join decision, approved or declined: one). */
    public List<NoticeKind> choices() {
        return kinds.choices();
    }

    public static Emails.Channel defaultChannel(NoticeKind kind) {
        return kind.atOnce() ? Emails.Channel.IMMEDIATE : Emails.Channel.DIGEST;
    }

    @Transactional
    public Settings of(long memberId) {
        Map<String, Emails.Channel> channels = new HashMap<>();
        for (NoticeKind kind : kinds.all()) {
            channels.put(kind.name(), defaultChannel(kind));
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select s.kind as kind, s.channel as channel, m.email_opt_out as opt_out from member m
                left join notification_setting s on s.member_id = m.id where m.id = ?1""", Tuple.class)
                .setParameter(1, memberId).getResultList();
        boolean optOut = false;
        for (Tuple row : rows) {
            optOut = row.get("opt_out", Boolean.class);
            String kind = row.get("kind", String.class);
            // A kind no longer sent: nothing to show.
            if (kind != null && channels.containsKey(kind)) {
                channels.put(kind, Emails.Channel.valueOf(row.get("channel", String.class)));
            }
        }
        return new Settings(channels, optOut);
    }

    @Transactional
    public void save(long memberId, Map<NoticeKind, Emails.Channel> channels, boolean optOut) {
        channels.forEach((kind, channel) -> {
            for (NoticeKind k : kinds.linked(kind)) {
                set(memberId, k, channel);
            }
        });
        em.createNativeQuery("update member set email_opt_out = ?2 where id = ?1").setParameter(1, memberId)
                .setParameter(2, optOut).executeUpdate();
    }

    /** What an unsubscribe link does: one kind never again, or no email at all. */
    @Transactional
    public void unsubscribe(long memberId, NoticeKind kind) {
        if (kind == null) {
            em.createNativeQuery("update member set email_opt_out = true where id = ?1").setParameter(1, memberId)
                    .executeUpdate();
        } else {
            for (NoticeKind k : kinds.linked(kind)) {
                set(memberId, k, Emails.Channel.NONE);
            }
        }
        AuditLog.record(memberId, null, "EMAIL_UNSUBSCRIBE", "member", memberId, kind == null ? "ALL" : kind.name());
    }

    private void set(long memberId, NoticeKind kind, Emails.Channel channel) {
        em.createNativeQuery("""
                insert into notification_setting (member_id, kind, channel) values (?1, ?2, ?3)
                on conflict (member_id, kind) do update set channel = excluded.channel""")
                .setParameter(1, memberId).setParameter(2, kind.name()).setParameter(3, channel.name())
                .executeUpdate();
    }
}
