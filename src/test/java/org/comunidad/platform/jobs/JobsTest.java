package org.comunidad.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A scheduled job runs once per due time however many runners fire it: two runners (two
 * threads, two transactions, as two instances would) firing the same due time run the work
 * once, the other is told it was skipped; the next due time runs again; a failure is recorded
 * with its error and counted, and the next due time retries.
 */
@QuarkusTest
class JobsTest {

    @Inject
    Jobs jobs;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Test
    void twoRunnersFiringTheSameDueTimeRunTheWorkOnceAndTheNextDueTimeRunsAgain() throws Exception {
        String job = "test-once-" + System.nanoTime();
        Instant due = Jobs.dueTime(Instant.now(), Duration.ofMinutes(1));
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Jobs.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return jobs.run(job, due, () -> {
                        runs.incrementAndGet();
                        Thread.sleep(500); // the other runner arrives while this one works
                    });
                }));
            }
            start.countDown();
            List<Jobs.Outcome> got = new ArrayList<>();
            for (Future<Jobs.Outcome> outcome : outcomes) {
                got.add(outcome.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, runs.get(), "the work ran once for the due time");
            assertTrue(got.contains(Jobs.Outcome.SUCCESS) && got.contains(Jobs.Outcome.SKIPPED), got.toString());
        } finally {
            pool.shutdownNow();
        }
        Tuple row = row(job, due);
        assertEquals("SUCCESS", row.get("outcome", String.class));
        assertNotNull(row.get("started_at"));
        assertNotNull(row.get("finished_at"), "the end is recorded");
        assertEquals(1.0, count(job, "success"));
        assertEquals(1.0, count(job, "skipped"));

        assertEquals(Jobs.Outcome.SKIPPED, jobs.run(job, due, runs::incrementAndGet), "a late firing of the same due time");
        assertEquals(1, runs.get());
        assertEquals(Jobs.Outcome.SUCCESS, jobs.run(job, due.plus(Duration.ofMinutes(1)), runs::incrementAndGet),
                "the next due time runs again");
        assertEquals(2, runs.get());
        assertEquals(2L, rows(job));
        assertTrue(registry.find("comunidad.job.duration").tag("job", job).timer().count() == 2,
                "both runs timed");
        double lag = registry.find("comunidad.job.lag").tag("job", job).gauge().value();
        assertTrue(lag < 5, "the lag is measured from the latest due time (in the future here): " + lag);
    }

    @Test
    void aFailureIsRecordedWithItsErrorAndCountedAndTheNextDueTimeRetries() {
        String job = "test-failure-" + System.nanoTime();
        Instant due = Jobs.dueTime(Instant.now(), Duration.ofHours(1));
        assertEquals(Jobs.Outcome.FAILURE, jobs.run(job, due, () -> {
            throw new IllegalStateException("the store is down");
        }));
        Tuple row = row(job, due);
        assertEquals("FAILURE", row.get("outcome", String.class));
        assertTrue(row.get("error", String.class).contains("the store is down"), row.get("error", String.class));
        assertNotNull(row.get("finished_at"));
        assertEquals(1.0, count(job, "failure"));

        AtomicInteger runs = new AtomicInteger();
        assertEquals(Jobs.Outcome.SKIPPED, jobs.run(job, due, runs::incrementAndGet),
                "a failed due time is not run twice (its work is retried at the next due time)");
        assertEquals(Jobs.Outcome.SUCCESS, jobs.run(job, due.plus(Duration.ofHours(1)), runs::incrementAndGet));
        assertEquals(1, runs.get());
        assertEquals(1.0, count(job, "failure"));
        assertEquals(1.0, count(job, "success"));
    }

    @Test
    void theDueTimeIsTheSlotOfTheScheduleTheFiringFallsIn() {
        Duration minute = Duration.ofMinutes(1);
        Instant slot = Instant.parse("2026-11-27T10:00:00Z");
        assertEquals(slot, Jobs.dueTime(Instant.parse("2026-11-27T10:00:03Z"), minute));
        assertEquals(slot, Jobs.dueTime(Instant.parse("2026-11-27T10:00:59.999Z"), minute));
        assertEquals(slot.plusSeconds(60), Jobs.dueTime(Instant.parse("2026-11-27T10:01:00Z"), minute));
        assertEquals(Instant.parse("2026-11-27T10:00:20Z"),
                Jobs.dueTime(Instant.parse("2026-11-27T10:00:39Z"), Jobs.interval("20s")));
        assertEquals(Instant.parse("2026-11-27T00:00:00Z"),
                Jobs.dueTime(Instant.parse("2026-11-27T23:59:00Z"), Duration.ofDays(1)), "a day is a UTC day");
        assertEquals(Duration.ofMinutes(5), Jobs.interval("5m"));
        assertEquals(Duration.ofHours(1), Jobs.interval("1h"));
        assertEquals(Duration.ofSeconds(30), Jobs.interval("PT30S"));
        assertEquals(Duration.ofSeconds(45), Jobs.interval("45"));
        assertEquals(Duration.ofDays(2), Jobs.interval("2d"));
        assertThrows(IllegalArgumentException.class, () -> Jobs.dueTime(Instant.now(), Duration.ZERO));
    }

    private double count(String job, String outcome) {
        var counter = registry.find("comunidad.job.runs").tag("job", job).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private Tuple row(String job, Instant due) {
        return QuarkusTransaction.requiringNew().call(() -> (Tuple) em.createNativeQuery(
                "select outcome, started_at, finished_at, error from job_run where job = ?1 and due_at = ?2", Tuple.class)
                .setParameter(1, job).setParameter(2, java.time.OffsetDateTime.ofInstant(due, java.time.ZoneOffset.UTC))
                .getSingleResult());
    }

    private long rows(String job) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from job_run where job = ?1").setParameter(1, job).getSingleResult()).longValue());
    }
}
