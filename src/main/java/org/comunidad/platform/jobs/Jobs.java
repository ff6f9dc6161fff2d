package org.comunidad.platform.jobs;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs a scheduled job once per due time across every instance of the app.
 * <p>
 * Each instance's scheduler fires the job on its own clock; the instances fire a few seconds (or
 * a whole interval) apart. The <em>due time</em> is what they agree on: the slot of the schedule
 * the firing falls in, the clock truncated to the job's interval counted from the epoch in UTC
 * ({@link #dueTime}): with an interval of a minute, firings at 10:00:59 and 10:00:03 both belong
 * to 10:00:00, and the first to claim it runs it. The claim is an
 * {@code insert into job_run ... on conflict do nothing} committed in a transaction of its own
 * before the work starts: a second instance arriving while the first runs waits for that
 * insert's commit (a few milliseconds) and then finds the row. The work then runs in its own
 * transactions, as before, and the row records its outcome, end and error.
 * <p>
 * So a due time runs at most once. A run that fails (or whose instance dies, leaving the row
 * RUNNING) is not retried for the same due time: the next due time runs again, which is enough
 * because every job's work is idempotent and resumable (rows are marked as they are handled:
 * notifications emailed, tasks and meetings reminded, versions extracted; a sweep just sweeps).
 * Each job keeps its PostgreSQL advisory lock, so a long run still overlapping the next due time
 * on another instance does not run twice at once.
 * <p>
 * Metrics: {@code comunidad_job_runs_total{job,outcome=success|failure|skipped}} (skipped: the
 * due time was claimed by another instance, or by an earlier firing of this one),
 * {@code comunidad_job_duration_seconds{job}} (a timer of the runs this instance did) and
 * {@code comunidad_job_lag_seconds{job}}: how long ago the due time of the last run this
 * instance did or saw claimed was. It stays below about one interval while the job runs
 * somewhere; it grows when no instance runs it any more.
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class);
    /** Rows of job_run older than this are removed (by the job {@value #PRUNE}). */
    static final Duration KEEP = Duration.ofDays(14);
    static final String PRUNE = "job-run-prune";

    /** How a firing of a job ended. */
    public enum Outcome {
        /** This instance claimed the due time and the work ended normally. */
        SUCCESS,
        /** This instance claimed the due time and the work threw; recorded with its error. */
        FAILURE,
        /** The due time was already claimed: another instance runs or ran it. */
        SKIPPED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The work of a job: a {@link Runnable} that may throw. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "comunidad.instance")
    Optional<String> configuredInstance;

    private volatile String instance;

    /** Per job, the due time (epoch milliseconds) of the last run done or seen claimed here. */
    private final Map<String, AtomicLong> lastDue = new ConcurrentHashMap<>();

    /**
     * The due time of a firing at {@code now} of a job run every {@code every}: {@code now}
     * truncated to a multiple of the interval since the epoch (UTC). A day is a UTC day.
     */
    public static Instant dueTime(Instant now, Duration every) {
        long step = every.toMillis();
        if (step <= 0) {
            throw new IllegalArgumentException("a job's interval must be positive, not " + every);
        }
        long ms = now.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(ms, step) * step);
    }

    /**
     * An interval as the schedules write it ({@code 20s}, {@code 5m}, {@code 1h}, {@code 2d}, a
     * plain number of seconds, or ISO-8601 {@code PT20S}).
     */
    public static Duration interval(String every) {
        String text = every.strip();
        if (text.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        if (text.startsWith("P") || text.startsWith("p")) {
            return Duration.parse(text);
        }
        if (text.matches("(?i)\\d+d")) {
            return Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.parse("PT" + text.toUpperCase(java.util.Locale.ROOT));
    }

    /** Runs {@code job}'s due time for a firing now, every {@code every}: see {@link #run(String, Instant, Work)}. */
    public Outcome run(String job, Duration every, Work work) {
        return run(job, dueTime(Instant.now(), every), work);
    }

    /**
     * Claims {@code (job, due)} and runs {@code work} if this call claimed it; records the
     * outcome. Never throws for the work's failure (it is logged, recorded and counted).
     */
    public Outcome run(String job, Instant due, Work work) {
        Instant started = Instant.now();
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                insert into job_run (job, due_at, instance, started_at) values (?1, ?2, ?3, ?4)
                on conflict do nothing""")
                .setParameter(1, job).setParameter(2, utc(due)).setParameter(3, instance())
                .setParameter(4, utc(started)).executeUpdate() == 1);
        if (!claimed) {
            seen(job, due);
            count(job, Outcome.SKIPPED);
            return Outcome.SKIPPED;
        }
        String error = null;
        try {
            work.run();
        } catch (Exception | Error e) {
            error = e.toString();
            LOG.errorf(e, "job %s due at %s failed (the next due time runs again)", job, due);
        }
        Instant finished = Instant.now();
        Outcome outcome = error == null ? Outcome.SUCCESS : Outcome.FAILURE;
        String recorded = error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    update job_run set outcome = ?3, finished_at = ?4, error = ?5 where job = ?1 and due_at = ?2""")
                    .setParameter(1, job).setParameter(2, utc(due)).setParameter(3, outcome.name())
                    .setParameter(4, utc(finished)).setParameter(5, recorded).executeUpdate());
        } catch (RuntimeException e) {
            // The work is done (or failed) either way; the row stays RUNNING and the log says why.
            LOG.warnf("job %s due at %s ended %s but its outcome was not recorded: %s", job, due, outcome, e);
        }
        seen(job, due);
        count(job, outcome);
        Timer.builder("comunidad.job.duration").description("How long the runs of a scheduled job took")
                .tag("job", job).register(registry).record(Duration.between(started, finished));
        return outcome;
    }

    /** The job_run rows of the last {@link #KEEP} are enough; older ones go, once a day. */
    @Scheduled(every = "${comunidad.jobs.job-run-prune.every:1h}", delayed = "10m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneScheduled() {
        run(PRUNE, Duration.ofDays(1), () -> QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("delete from job_run where started_at < ?1")
                .setParameter(1, utc(Instant.now().minus(KEEP))).executeUpdate()));
    }

    private void count(String job, Outcome outcome) {
        Counter.builder("comunidad.job.runs").description("Firings of a scheduled job, by outcome")
                .tag("job", job).tag("outcome", outcome.label()).register(registry).increment();
    }

    private void seen(String job, Instant due) {
        AtomicLong last = lastDue.computeIfAbsent(job, j -> {
            AtomicLong holder = new AtomicLong(due.toEpochMilli());
            Gauge.builder("comunidad.job.lag", holder, h -> (System.currentTimeMillis() - h.get()) / 1000.0)
                    .description("Seconds since the due time of the last run of the job done or seen claimed here")
                    .baseUnit("seconds").tag("job", j).register(registry);
            return holder;
        });
        last.accumulateAndGet(due.toEpochMilli(), Math::max);
    }

    /** This instance's name in job_run: comunidad.instance, else the host name and process id. */
    String instance() {
        String name = instance;
        if (name == null) {
            name = configuredInstance.orElseGet(() -> {
                String host;
                try {
                    host = Optional.ofNullable(System.getenv("HOSTNAME"))
                            .orElse(InetAddress.getLocalHost().getHostName());
                } catch (Exception e) {
                    host = "unknown";
                }
                return host + ":" + ProcessHandle.current().pid();
            });
            name = name.length() <= 120 ? name : name.substring(0, 120);
            instance = name;
        }
        return name;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
