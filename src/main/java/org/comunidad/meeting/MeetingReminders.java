package org.comunidad.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.comunidad.platform.jobs.Jobs;
import org.comunidad.platform.notice.Notice;
import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.SiteConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The reminder before each meeting: {@code comunidad.meetings.calendar.reminder-before} ahead of
 * the start, every scheduled meeting entering that window reminds its invited officials who have
 * not declined or excused themselves (a MEETING_REMINDER notice; the email follows the member's
 * preference for reminders, in their language and zone). A meeting is marked with the start it
 * was reminded for, so it is reminded once, and again only if it moves. The schedule goes through
 * {@link Jobs}, so each due time (the interval's slot) runs once across instances; the run also
 * holds a PostgreSQL advisory lock, so two runs never overlap.
 */
@ApplicationScoped
public class MeetingReminders {

    private static final long LOCK = 0x636f6d0014L;

    @Inject
    EntityManager em;

    @Inject
    Event<Notice> notices;

    @Inject
    MeetingCalendarConfig config;

    @Inject
    SiteConfig site;

    @Inject
    Jobs jobs;

    @Scheduled(every = "${comunidad.meetings.calendar.reminder-every}", delayed = "${comunidad.jobs.meeting-reminders.delay:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // Due time: the interval's slot (5 minutes by default).
        jobs.run("meeting-reminders", Jobs.interval(config.reminderEvery()), () -> remind(Instant.now()));
    }

    /** Reminds every meeting due at {@code now}; returns the number of reminders fired (0 if another replica runs). */
    public int remind(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, LOCK).getSingleResult())) {
                return 0;
            }
            OffsetDateTime from = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery("""
                    with due as (
                        update meeting m set reminded_for = m.starts_at
                        where m.status = 'SCHEDULED' and m.starts_at > ?1 and m.starts_at <= ?2
                          and m.reminded_for is distinct from m.starts_at
                        returning m.id, m.title, m.starts_at, m.ends_at, m.time_zone, m.community_id)
                    select d.id as id, d.title as title, d.starts_at as starts_at, d.ends_at as ends_at,
                           d.time_zone as time_zone, d.community_id as community_id, c.slug as slug,
                           i.member_id as member_id, mb.language as language, mb.time_zone as member_zone
                    from due d
                    join community c on c.id = d.community_id
                    join meeting_invitee i on i.meeting_id = d.id
                    join member mb on mb.id = i.member_id
                    where mb.disabled_at is null and (i.answer is null or i.answer = 'ATTENDING')
                    order by d.id, i.member_id""", Tuple.class)
                    .setParameter(1, from).setParameter(2, from.plus(config.reminderBefore())).getResultList();
            for (Tuple row : rows) {
                long id = row.get("id", Long.class);
                OffsetDateTime start = SqlValues.timestamp(row.get("starts_at"));
                String excerpt = MeetingInvitations.excerpt(row.get("title", String.class), start,
                        SqlValues.timestamp(row.get("ends_at")), ZoneId.of(row.get("time_zone", String.class)),
                        row.get("language", String.class), zone(row.get("member_zone", String.class)));
                notices.fire(new Notice(row.get("member_id", Long.class), MeetingNotice.MEETING_REMINDER,
                        "meeting:" + id + ":reminder:" + start.toEpochSecond(), row.get("community_id", Long.class),
                        null, Links.community(row.get("slug", String.class), "meetings", id), excerpt));
            }
            return rows.size();
        });
    }

    private ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            return site.timeZone();
        }
    }
}
