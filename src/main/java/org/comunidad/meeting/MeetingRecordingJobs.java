package org.comunidad.meeting;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.platform.jobs.Jobs;
import org.comunidad.platform.storage.ObjectStore;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The recordings' sweeper: removes objects under recordings/ that no row references (an upload
 * whose row was refused while the store was down, a deletion whose file could not be removed then)
 * and multipart uploads never completed, once older than the grace period. Store-then-reference
 * makes this safe: a row never points to a missing object. The schedule goes through {@link Jobs}
 * (each hour runs once across instances) and each run holds a PostgreSQL advisory lock, so two
 * runs never overlap.
 */
@ApplicationScoped
public class MeetingRecordingJobs {

    private static final Logger LOG = Logger.getLogger(MeetingRecordingJobs.class);
    /** "com" + the meeting feature's first lock: distinct from the documents' (0x636f6d0001..3). */
    private static final long SWEEP_LOCK = 0x636f6d0d01L;

    /** What a sweep removed. */
    public record Sweep(int objects, int uploads) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectStore store;

    @Inject
    MeetingRecordingConfig config;

    @Inject
    Jobs jobs;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "comunidad.jobs.meeting-recording-sweep.every", defaultValue = "1h")
    String sweepEvery;

    @Scheduled(every = "${comunidad.jobs.meeting-recording-sweep.every:1h}", delayed = "7m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepScheduled() {
        // Due time: the hour.
        jobs.run("meeting-recording-sweep", Jobs.interval(sweepEvery), () -> sweep(config.sweepGrace()));
    }

    public Sweep sweep(Duration grace) {
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            if (!Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, SWEEP_LOCK).getSingleResult())) {
                return new Sweep(0, 0);
            }
            Instant cutoff = Instant.now().minus(grace);
            int objects = 0;
            int uploads = 0;
            for (ObjectStore.Listed listed : store.list(MeetingRecordings.KEY_PREFIX + "/")) {
                if (listed.lastModified().isAfter(cutoff)) {
                    continue;
                }
                boolean referenced = !em.createNativeQuery("select 1 from meeting_recording where object_key = ?1")
                        .setParameter(1, listed.key()).getResultList().isEmpty();
                if (!referenced) {
                    store.delete(listed.key());
                    objects++;
                }
            }
            for (ObjectStore.PendingUpload upload : store.pendingUploads(MeetingRecordings.KEY_PREFIX + "/")) {
                if (upload.initiated().isBefore(cutoff)) {
                    store.abortUpload(upload);
                    uploads++;
                }
            }
            if (objects > 0 || uploads > 0) {
                LOG.infof("recordings' sweeper removed %d unreferenced objects and %d unfinished uploads", objects,
                        uploads);
            }
            return new Sweep(objects, uploads);
        });
    }
}
