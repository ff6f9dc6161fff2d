package org.comunidad.notification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.comunidad.platform.audit.AuditLog;

/**
 * A member's email preferences: per kind of notification at once, in the daily digest or
 * never; and "no email at all". The unsubscribe links of emails change the same settings.
 */
@ApplicationScoped
public class EmailSettings {

    /** The kinds a member chooses for (a join decision, approved or declined, is one choice). */
    public static final List<Notifications.Kind> CHOICES = List.of(Notifications.Kind.MENTION,
            Notifications.Kind.JOIN_APPROVED, Notifications.Kind.ROLE_ASSIGNED,
            Notifications.Kind.INVITATION_ACCEPTED, Notifications.Kind.COORDINATION_GAINED);

    public record Settings(Map<Notifications.Kind, Emails.Channel> channels, boolean optOut) {
        public Emails.Channel channel(Notifications.Kind kind) {
            return channels.get(kind);
        }
    }

    @Inject
    EntityManager em;

    public static Emails.Channel defaultChannel(Notifications.Kind kind) {
        return Emails.AT_ONCE.contains(kind) ? Emails.Channel.IMMEDIATE : Emails.Channel.DIGEST;
    }

    @Transactional
    public Settings of(long memberId) {
        Map<Notifications.Kind, Emails.Channel> channels = new EnumMap<>(Notifications.Kind.class);
        for (Notifications.Kind kind : Notifications.Kind.values()) {
            channels.put(kind, defaultChannel(kind));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select s.kind, s.channel, m.email_opt_out from member m
                left join notification_setting s on s.member_id = m.id where m.id = ?1""")
                .setParameter(1, memberId).getResultList();
        boolean optOut = false;
        for (Object[] r : rows) {
            optOut = (Boolean) r[2];
            if (r[0] != null) {
                try {
                    channels.put(Notifications.Kind.valueOf((String) r[0]), Emails.Channel.valueOf((String) r[1]));
                } catch (IllegalArgumentException retiredKind) {
                    // a kind no longer sent: nothing to show
                }
            }
        }
        return new Settings(channels, optOut);
    }

    @Transactional
    public void save(long memberId, Map<Notifications.Kind, Emails.Channel> channels, boolean optOut) {
        channels.forEach((kind, channel) -> {
            for (Notifications.Kind k : linked(kind)) {
                set(memberId, k, channel);
            }
        });
        em.createNativeQuery("update member set email_opt_out = ?2 where id = ?1").setParameter(1, memberId)
                .setParameter(2, optOut).executeUpdate();
    }

    /** What an unsubscribe link does: one kind never again, or no email at all. */
    @Transactional
    public void unsubscribe(long memberId, Notifications.Kind kind) {
        if (kind == null) {
            em.createNativeQuery("update member set email_opt_out = true where id = ?1").setParameter(1, memberId)
                    .executeUpdate();
        } else {
            for (Notifications.Kind k : linked(kind)) {
                set(memberId, k, Emails.Channel.NONE);
            }
        }
        AuditLog.record(memberId, null, "EMAIL_UNSUBSCRIBE", "member", memberId, kind == null ? "ALL" : kind.name());
    }

    private void set(long memberId, Notifications.Kind kind, Emails.Channel channel) {
        em.createNativeQuery("""
                insert into notification_setting (member_id, kind, channel) values (?1, ?2, ?3)
                on conflict (member_id, kind) do update set channel = excluded.channel""")
                .setParameter(1, memberId).setParameter(2, kind.name()).setParameter(3, channel.name())
                .executeUpdate();
    }

    static List<Notifications.Kind> linked(Notifications.Kind kind) {
        return switch (kind) {
            case JOIN_APPROVED, JOIN_DECLINED -> List.of(Notifications.Kind.JOIN_APPROVED,
                    Notifications.Kind.JOIN_DECLINED);
            case COORDINATION_GAINED, COORDINATION_LOST -> List.of(Notifications.Kind.COORDINATION_GAINED,
                    Notifications.Kind.COORDINATION_LOST);
            default -> List.of(kind);
        };
    }
}
