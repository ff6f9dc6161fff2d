package org.comunidad.document;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.platform.jobs.Jobs;
import org.comunidad.platform.storage.ObjectStore;
import org.comunidad.platform.storage.StorageException;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The repository's background work, scheduled through {@link Jobs} (each due time runs once
 * across instances; the sweep and the purge also hold a PostgreSQL advisory lock, so two runs
 * never overlap): text extraction for search (right after an upload and
 * every minute for anything left; each version claimed with SKIP LOCKED), the trash
 * purge, and the sweeper that removes objects no row references and multipart uploads
 * that were never completed.
 */
@ApplicationScoped
public class DocumentJobs {

    private static final Logger LOG = Logger.getLogger(DocumentJobs.class);
    private static final long PURGE_LOCK = 0x636f6d0002L;
    private static final long SWEEP_LOCK = 0x636f6d0003L;

    @Inject
    EntityManager em;

    @Inject
    ObjectStore store;

    @Inject
    DocumentConfig config;

    @Inject
    TextExtractor extractor;

    @Inject
    Jobs jobs;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "comunidad.jobs.document-text.every", defaultValue = "60s")
    String textEvery;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "comunidad.jobs.document-purge.slot", defaultValue = "1d")
    String purgeSlot;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "comunidad.jobs.document-sweep.every", defaultValue = "1h")
    String sweepEvery;

    void onStored(@ObservesAsync DocumentUploads.VersionStored event) {
        extractPending();
    }

    @Scheduled(every = "${comunidad.jobs.document-text.every:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void extractScheduled() {
        // Due time: the minute (an upload also starts it at once, outside the schedule).
        jobs.run("document-text", Jobs.interval(textEvery), this::extractPending);
    }

    @Scheduled(cron = "${comunidad.jobs.document-purge.cron:0 17 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeScheduled() {
        // Due time: the day (UTC), or the configured slot.
        jobs.run("document-purge", Jobs.interval(purgeSlot), this::purgeTrash);
    }

    @Scheduled(every = "${comunidad.jobs.document-sweep.every:1h}", delayed = "${comunidad.jobs.document-sweep.delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepScheduled() {
        // Due time: the hour.
        jobs.run("document-sweep", Jobs.interval(sweepEvery), () -> sweep(config.sweepGrace()));
    }

    /**
     * Extracts the text of every version waiting for it (not those waiting for a later
     * attempt); returns how many were handled. Files are read one at a time by
     * {@link TextExtractor}, in a separate process with a time and memory limit, so a
     * pathological file holds this up for at most the time limit.
     */
    public synchronized int extractPending() {
        int handled = 0;
        while (true) {
            DocumentVersion version = QuarkusTransaction.requiringNew().call(this::claimNext);
            if (version == null) {
                return handled;
            }
            extract(version);
            handled++;
        }
    }

    /**
     * The next version to read, its attempt counted before it is read, so that a file that
     * brings the app down with it is not tried forever. New files come before retries.
     */
    private DocumentVersion claimNext() {
        while (true) {
            @SuppressWarnings("unchecked")
            List<Number> claimed = em.createNativeQuery("""
                    update document_version set text_attempts = text_attempts + 1
                    where id = (select id from document_version
                                where text_status = 'PENDING' and (text_retry_at is null or text_retry_at <= now())
                                order by text_attempts, id limit 1 for update skip locked)
                    returning id""").getResultList();
            if (claimed.isEmpty()) {
                return null;
            }
            DocumentVersion version = em.find(DocumentVersion.class, claimed.get(0).longValue());
            if (version.textAttempts <= config.textAttempts()) {
                em.detach(version);
                return version;
            }
            // Every attempt so far ended without an outcome: the app stopped while reading it.
            version.textStatus = DocumentVersion.TextStatus.FAILED;
            version.textFailure = version.textFailure != null ? version.textFailure : TextFailure.CRASHED;
            version.textRetryAt = null;
            em.flush();
        }
    }

    private void extract(DocumentVersion version) {
        TextExtractor.Result result;
        try (InputStream in = store.get(version.objectKey)) {
            result = extractor.extract(in, version.sizeBytes, version.fileName, version.contentType);
        } catch (StorageException | java.io.IOException e) {
            // The store, not the file: try again later, and do not count this attempt.
            LOG.warnf("text extraction of version %d waits for the object store: %s", version.id, e.toString());
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    update document_version set text_attempts = text_attempts - 1,
                           text_retry_at = now() + make_interval(secs => ?2)
                    where id = ?1""").setParameter(1, version.id)
                    .setParameter(2, config.extraction().retryAfter().toSeconds()).executeUpdate());
            return;
        }
        if (result.failure() != null) {
            failed(version, result.failure());
            return;
        }
        // Control characters go (they mark matches in search snippets); line breaks and tabs stay.
        String text = result.text().replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ").strip();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    update document_version set content_text = ?2, text_status = ?3, text_failure = null,
                           text_retry_at = null where id = ?1""")
                    .setParameter(1, version.id).setParameter(2, text.isEmpty() ? null : text)
                    .setParameter(3, text.isEmpty() ? "NONE" : "DONE").executeUpdate();
            em.createNativeQuery("""
                    select document_reindex(d.id) from document d where d.current_version_id = ?1""")
                    .setParameter(1, version.id).getResultList();
        });
    }

    /** A failure is final when trying again cannot help or the attempts are used up; else the file waits. */
    private void failed(DocumentVersion version, TextFailure failure) {
        boolean again = failure.worthRetrying() && version.textAttempts < config.textAttempts();
        QuarkusTransaction.requiringNew().run(() -> {
            if (again) {
                em.createNativeQuery("""
                        update document_version set text_retry_at = now() + make_interval(secs => ?2) where id = ?1""")
                        .setParameter(1, version.id)
                        .setParameter(2, config.extraction().retryAfter().toSeconds() * version.textAttempts)
                        .executeUpdate();
            } else {
                em.createNativeQuery("""
                        update document_version set text_status = 'FAILED', text_failure = ?2, text_retry_at = null
                        where id = ?1""").setParameter(1, version.id).setParameter(2, failure.name())
                        .executeUpdate();
            }
        });
    }

    /** Purges documents that stayed in the trash past the limit: rows first, then their objects. */
    public int purgeTrash() {
        List<String> keys = QuarkusTransaction.requiringNew().call(() -> {
            if (!lock(PURGE_LOCK)) {
                return List.<String>of();
            }
            OffsetDateTime before = OffsetDateTime.now().minusDays(config.trashDays());
            @SuppressWarnings("unchecked")
            List<String> objectKeys = em.createNativeQuery("""
                    select v.object_key from document_version v join document d on d.id = v.document_id
                    where d.deleted_at is not null and d.deleted_at < ?1""").setParameter(1, before).getResultList();
            em.createNativeQuery("""
                    insert into audit_log (at, actor_id, community_id, action, target_type, target_id, detail)
                    select now(), null, d.group_id, 'DOCUMENT_PURGE', 'document', d.id, d.title from document d
                    where d.deleted_at is not null and d.deleted_at < ?1""").setParameter(1, before).executeUpdate();
            em.createNativeQuery("update document set translation_set = null where translation_set in "
                    + "(select id from document where deleted_at is not null and deleted_at < ?1)")
                    .setParameter(1, before).executeUpdate();
            em.createNativeQuery("update document set current_version_id = null where deleted_at is not null "
                    + "and deleted_at < ?1").setParameter(1, before).executeUpdate();
            em.createNativeQuery("delete from document where deleted_at is not null and deleted_at < ?1")
                    .setParameter(1, before).executeUpdate();
            return objectKeys;
        });
        for (String key : keys) {
            try {
                store.delete(key);
            } catch (RuntimeException e) {
                LOG.warnf("purged document's object %s stays until the next sweep: %s", key, e.getMessage());
            }
        }
        return keys.size();
    }

    /** What a sweep removed. */
    public record Sweep(int objects, int uploads) {
    }

    /**
     * Removes objects under documents/ that no version references and multipart uploads
     * that were never completed, when older than the grace period (uploads in flight are
     * younger). Store-then-reference makes this safe: a row never points to a missing object.
     */
    public Sweep sweep(java.time.Duration grace) {
        // One transaction holds the lock for the whole sweep, so that it runs once across replicas.
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            if (!lock(SWEEP_LOCK)) {
                return new Sweep(0, 0);
            }
            Instant cutoff = Instant.now().minus(grace);
            int objects = 0;
            int uploads = 0;
            for (ObjectStore.Listed listed : store.list(DocumentUploads.KEY_PREFIX + "/")) {
                if (listed.lastModified().isAfter(cutoff)) {
                    continue;
                }
                boolean referenced = !em.createNativeQuery("select 1 from document_version where object_key = ?1")
                        .setParameter(1, listed.key()).getResultList().isEmpty();
                if (!referenced) {
                    store.delete(listed.key());
                    objects++;
                }
            }
            for (ObjectStore.PendingUpload upload : store.pendingUploads(DocumentUploads.KEY_PREFIX + "/")) {
                if (upload.initiated().isBefore(cutoff)) {
                    store.abortUpload(upload);
                    uploads++;
                }
            }
            if (objects > 0 || uploads > 0) {
                LOG.infof("sweeper removed %d unreferenced objects and %d unfinished uploads", objects, uploads);
            }
            return new Sweep(objects, uploads);
        });
    }

    /** A lock held until the end of the current transaction; false if another replica holds it. */
    private boolean lock(long id) {
        return Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, id).getSingleResult());
    }
}
