package org.comunidad.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.platform.storage.ObjectStore;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.GeneratedContent;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Uploads;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The S3 server stops in the middle of an upload: the user gets a clear error, no
 * document row exists; once the server is back the same upload succeeds, and the
 * sweeper removes what the interrupted upload left in the store.
 */
@QuarkusTest
class DocumentOutageTest {

    static final String S = "/c/seguridad-asistencia-victimas/documents";
    static final long SIZE = 48L << 20;

    @Inject
    ObjectStore store;

    @Inject
    DocumentJobs jobs;

    @Test
    void anUploadCutByAnOutageLeavesNothingAndWorksAfterwards() throws Exception {
        long seed = 4242L;
        String title = "Informe interrumpido " + System.nanoTime();
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        int pendingBefore = store.pendingUploads("documents/").size();
        HttpResponse<String> cut;
        try {
            // Half-way through the body, the S3 server goes down (stopped from another thread,
            // while this request keeps sending).
            cut = Uploads.stream(Persona.MEMBER, S + "/upload", "informe.dat",
                    () -> new GeneratedContent(seed, SIZE, () -> {
                        CompletableFuture.runAsync(() -> {
                            // Stop once the app has started writing the object (its multipart
                            // upload exists), so that the outage cuts an upload in progress.
                            long deadline = System.nanoTime() + 20_000_000_000L;
                            while (store.pendingUploads("documents/").size() <= pendingBefore
                                    && System.nanoTime() < deadline) {
                                sleep(50);
                            }
                            ComunidadTestResource.services().stopS3();
                            stopped.complete(null);
                        });
                        stopped.orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
                    }), SIZE, Uploads.report(title));
        } finally {
            if (!stopped.isDone()) {
                stopped.completeExceptionally(new IllegalStateException("the S3 server was never stopped"));
            }
        }
        assertTrue(stopped.isDone() && !stopped.isCompletedExceptionally(), "the S3 server was stopped mid-upload");
        assertEquals(503, cut.statusCode(), cut.body());
        assertTrue(cut.body().contains("\"error\":\"STORAGE_UNAVAILABLE\""), cut.body());
        assertTrue(cut.body().contains("El almacenamiento de archivos no está disponible en este momento; no se guardó nada."),
                cut.body());
        assertEquals(0L, count(title), "no document row for the interrupted upload");

        ComunidadTestResource.services().restartS3();
        // Uploads are refused at once while the store is known down: the retry waits, as a user told
        // to come back does, until the probe (every second) has seen it back (within the 5 s of readiness).
        long back = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!store.usable() && System.nanoTime() < back) {
            sleep(100);
        }
        assertTrue(store.usable(), "the object store usable again within 5 s of its restart");
        HttpResponse<String> retry = Uploads.stream(Persona.MEMBER, S + "/upload", "informe.dat",
                () -> new GeneratedContent(seed, SIZE), SIZE, Uploads.report(title));
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(1L, count(title));
        long id = Long.parseLong(retry.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        HttpResponse<InputStream> download = Uploads.download(Persona.MEMBER, S + "/" + id + "/file", null);
        try (InputStream in = download.body()) {
            assertEquals(GeneratedContent.sha256(seed, SIZE), GeneratedContent.sha256(in));
        }

        List<ObjectStore.PendingUpload> pending = store.pendingUploads("documents/");
        Set<String> referenced = referencedKeys();
        List<String> unreferenced = store.list("documents/").stream().map(ObjectStore.Listed::key)
                .filter(k -> !referenced.contains(k)).toList();
        assertFalse(pending.isEmpty() && unreferenced.isEmpty(),
                "the interrupted upload left a partial upload or object in the store");

        DocumentJobs.Sweep sweep = jobs.sweep(Duration.ZERO);
        assertTrue(sweep.objects() + sweep.uploads() > 0, "the sweeper removed something: " + sweep);
        assertTrue(store.pendingUploads("documents/").isEmpty(), "no unfinished multipart upload is left");
        Set<String> after = referencedKeys();
        assertTrue(store.list("documents/").stream().allMatch(o -> after.contains(o.key())),
                "every object left in the store belongs to a document version");
        assertTrue(store.stat(objectKey(id)).isPresent(), "the retried upload's object is kept");
        System.out.printf("Outage: interrupted upload left %d unfinished multipart uploads and %d objects; "
                + "the sweeper removed %s%n", pending.size(), unreferenced.size(), sweep);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Set<String> referencedKeys() {
        return Db.call(em -> {
            @SuppressWarnings("unchecked")
            List<String> keys = em.createNativeQuery("select object_key from document_version").getResultList();
            return new HashSet<>(keys);
        });
    }

    private String objectKey(long id) {
        return (String) Db.value("select v.object_key from document d join document_version v "
                + "on v.id = d.current_version_id where d.id = ?1", id);
    }

    private long count(String title) {
        return Db.number("select count(*) from document where title = ?1", title);
    }
}
