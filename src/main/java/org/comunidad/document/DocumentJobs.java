package org.comunidad.document;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.comunidad.platform.storage.ObjectStore;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The repository's background work, each run holding a PostgreSQL advisory lock so that
 * it runs once across replicas: text extraction for search (right after an upload and
 * every minute for anything left), the trash purge, and the sweeper that removes
 * objects no row references and multipart uploads that were never completed.
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

    private final AutoDetectParser parser = new AutoDetectParser();

    void onStored(@ObservesAsync DocumentUploads.VersionStored event) {
        extractPending();
    }

    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void extractScheduled() {
        extractPending();
    }

    @Scheduled(cron = "0 17 3 * * ?", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeScheduled() {
        purgeTrash();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepScheduled() {
        sweep(config.sweepGrace());
    }

    /** Extracts the text of every version waiting for it; returns how many were handled. */
    public synchronized int extractPending() {
        int handled = 0;
        while (true) {
            Long versionId = QuarkusTransaction.requiringNew().call(this::claimNext);
            if (versionId == null) {
                return handled;
            }
            extract(versionId);
            handled++;
        }
    }

    /** The next version to read, claimed (attempt counted) so that a crash does not loop forever. */
    private Long claimNext() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                update document_version set text_attempts = text_attempts + 1,
                       text_status = case when text_attempts + 1 > ?1 then 'FAILED' else text_status end
                where id = (select id from document_version where text_status = 'PENDING'
                            order by id limit 1 for update skip locked)
                returning id, text_status""").setParameter(1, config.textAttempts()).getResultList().stream()
                .map(row -> ((Object[]) row)[1].equals("PENDING") ? (Number) ((Object[]) row)[0] : (Number) (-1L))
                .toList();
        if (ids.isEmpty()) {
            return null;
        }
        long id = ids.get(0).longValue();
        return id < 0 ? claimNext() : id;
    }

    private void extract(long versionId) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select object_key, file_name, content_type from document_version where id = ?1")
                .setParameter(1, versionId).getSingleResult());
        String key = (String) row[0];
        String text;
        String status = "DONE";
        try (InputStream in = store.get(key)) {
            BodyContentHandler handler = new BodyContentHandler(config.maxTextChars());
            Metadata metadata = new Metadata();
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, (String) row[1]);
            metadata.set(Metadata.CONTENT_TYPE, (String) row[2]);
            try {
                parser.parse(in, handler, metadata, new ParseContext());
            } catch (Exception e) {
                if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                    throw e;
                }
            }
            // Control characters go (they mark matches in search snippets); line breaks and tabs stay.
            text = handler.toString().replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ").strip();
            if (text.isEmpty()) {
                status = "NONE";
            }
        } catch (Exception e) {
            LOG.warnf("text extraction failed for version %d (%s): %s", versionId, row[2], e.toString());
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    update document_version set text_status = case when text_attempts >= ?2 then 'FAILED'
                    else 'PENDING' end where id = ?1""").setParameter(1, versionId)
                    .setParameter(2, config.textAttempts()).executeUpdate());
            return;
        }
        String extracted = text;
        String finalStatus = status;
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update document_version set content_text = ?2, text_status = ?3 where id = ?1")
                    .setParameter(1, versionId).setParameter(2, extracted.isEmpty() ? null : extracted)
                    .setParameter(3, finalStatus).executeUpdate();
            em.createNativeQuery("""
                    select document_reindex(d.id) from document d where d.current_version_id = ?1""")
                    .setParameter(1, versionId).getResultList();
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
