package org.comunidad.plan;

import java.time.LocalDate;
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
 * The reminder before a task's deadline: {@link #DAYS_BEFORE} days ahead of the last day of its
 * due date or period (in the site's time zone), every open task with an assignee entering that
 * window tells the assignee (a TASK_DUE_SOON notice). A task is marked with the deadline it was
 * reminded for ({@code task.reminded_for}), so it is reminded once, and again only if its
 * deadline moves. Periods to be defined and continuing ones have no deadline. The schedule goes
 * through {@link Jobs}, so each due time (the interval's slot) runs once across instances; the
 * run also holds a PostgreSQL advisory lock, so two runs never overlap.
 */
@ApplicationScoped
public class TaskReminders {

    public static final int DAYS_BEFORE = 7;

    private static final long LOCK = 0x636f6d0015L;

    @Inject
    EntityManager em;

    @Inject
    Event<Notice> notices;

    @Inject
    SiteConfig site;

    @Inject
    Jobs jobs;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "comunidad.tasks.reminder-every", defaultValue = "1h")
    String every;

    @Scheduled(every = "${comunidad.tasks.reminder-every:1h}", delayed = "${comunidad.jobs.task-reminders.delay:90s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // Due time: the interval's slot (an hour by default).
        jobs.run("task-reminders", Jobs.interval(every), () -> remind(LocalDate.now(site.timeZone())));
    }

    /** Reminds every task due within 7 days of {@code today}; returns the number of reminders fired (0 if another replica runs). */
    public int remind(LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, LOCK).getSingleResult())) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery("""
                    with due as (
                        update task t set reminded_for = t.period_end
                        where t.status in ('OPEN', 'IN_PROGRESS') and t.assignee_id is not null
                          and t.period_kind not in ('TO_BE_DEFINED', 'CONTINUING')
                          and t.period_end >= ?1 and t.period_end <= ?2
                          and t.reminded_for is distinct from t.period_end
                        returning t.id, t.title, t.period_end, t.assignee_id, t.community_id)
                    select d.id as id, d.title as title, d.period_end as period_end, d.assignee_id as assignee_id,
                           d.community_id as community_id, c.slug as slug
                    from due d
                    join community c on c.id = d.community_id
                    join member m on m.id = d.assignee_id
                    where m.disabled_at is null
                    order by d.id""", Tuple.class)
                    .setParameter(1, today).setParameter(2, today.plusDays(DAYS_BEFORE)).getResultList();
            for (Tuple row : rows) {
                long id = ((Number) row.get("id")).longValue();
                LocalDate end = SqlValues.date(row.get("period_end"));
                notices.fire(new Notice(((Number) row.get("assignee_id")).longValue(), TaskNotice.TASK_DUE_SOON,
                        "task:" + id + ":due:" + end, ((Number) row.get("community_id")).longValue(), null,
                        Links.community(row.get("slug", String.class), "tasks", id),
                        row.get("title", String.class) + " · " + end));
            }
            return rows.size();
        });
    }
}
