package org.comunidad.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.GeneratedContent;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Uploads;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A 1 GiB file through the app and back: identical bytes (SHA-256), the right slice for a
 * Range, and the app's live heap (measured after forced collections every half second,
 * in this JVM, which runs the app) grows by at most 64 MiB during each transfer.
 */
@QuarkusTest
class DocumentLargeFileTest {

    static final long SIZE = Long.getLong("documents.large.bytes", 1L << 30);
    static final long MAX_GROWTH = 64L << 20;
    static final String S = "/c/seguridad-asistencia-victimas/documents";

    @Inject
    EntityManager em;

    /** The highest live heap seen (after a full collection) while it runs. */
    static final class HeapWatch implements AutoCloseable {
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        final long baseline;
        final AtomicLong peak = new AtomicLong();
        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread thread;

        HeapWatch() {
            baseline = liveHeap();
            peak.set(baseline);
            thread = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(liveHeap(), Math::max);
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        long liveHeap() {
            memory.gc();
            return memory.getHeapMemoryUsage().getUsed();
        }

        long growth() {
            return peak.get() - baseline;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    @Test
    void aGibibyteGoesInAndComesBackIdenticalWithFlatMemory() throws Exception {
        long seed = 20261125L;
        String expected = GeneratedContent.sha256(seed, SIZE);
        // One small transfer first: what the first upload initialises once (type detection's
        // registry, the S3 client's pools, query plans) is not memory that grows with the file.
        HttpResponse<String> warmUp = Uploads.stream(Persona.MEMBER, S + "/upload", "calentamiento.dat",
                () -> new GeneratedContent(seed + 1, 8L << 20), 8L << 20, Uploads.report("Calentamiento"));
        assertEquals(201, warmUp.statusCode(), warmUp.body());

        long uploadStart = System.nanoTime();
        HttpResponse<String> upload;
        long uploadGrowth;
        try (HeapWatch watch = new HeapWatch()) {
            upload = Uploads.stream(Persona.MEMBER, S + "/upload", "grabacion-sesion.dat",
                    () -> new GeneratedContent(seed, SIZE), SIZE, Uploads.report("Archivo de 1 GiB"));
            watch.close();
            uploadGrowth = watch.growth();
        }
        double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
        assertEquals(201, upload.statusCode(), upload.body());
        long id = Long.parseLong(upload.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        Object[] stored = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select v.sha256, v.size_bytes from document d join document_version v on v.id = d.current_version_id "
                        + "where d.id = ?1").setParameter(1, id).getSingleResult());
        assertEquals(expected, stored[0], "the SHA-256 recorded is the file's");
        assertEquals(SIZE, ((Number) stored[1]).longValue());

        long downloadStart = System.nanoTime();
        String downloaded;
        long downloadGrowth;
        try (HeapWatch watch = new HeapWatch()) {
            HttpResponse<InputStream> download = Uploads.download(Persona.GROUP_MEMBER, S + "/" + id + "/file", null);
            assertEquals(200, download.statusCode());
            assertEquals(String.valueOf(SIZE), download.headers().firstValue("Content-Length").orElse(""));
            try (InputStream in = download.body()) {
                downloaded = GeneratedContent.sha256(in);
            }
            watch.close();
            downloadGrowth = watch.growth();
        }
        double downloadSeconds = (System.nanoTime() - downloadStart) / 1e9;
        assertEquals(expected, downloaded, "the bytes downloaded are the bytes uploaded");

        long from = SIZE / 2 + 12345;
        int count = 1 << 20;
        HttpResponse<InputStream> range = Uploads.download(Persona.GROUP_MEMBER, S + "/" + id + "/file",
                "bytes=" + from + "-" + (from + count - 1));
        assertEquals(206, range.statusCode());
        try (InputStream in = range.body()) {
            assertArrayEquals(GeneratedContent.slice(seed, from, count), in.readAllBytes());
        }

        System.out.printf("1 GiB document: upload %.1f s (%.0f MB/s), live heap growth %.1f MiB; "
                + "download %.1f s (%.0f MB/s), live heap growth %.1f MiB%n", uploadSeconds,
                SIZE / 1e6 / uploadSeconds, uploadGrowth / 1048576.0, downloadSeconds, SIZE / 1e6 / downloadSeconds,
                downloadGrowth / 1048576.0);
        assertTrue(uploadGrowth <= MAX_GROWTH, "live heap grew by " + uploadGrowth / 1048576 + " MiB during the upload");
        assertTrue(downloadGrowth <= MAX_GROWTH,
                "live heap grew by " + downloadGrowth / 1048576 + " MiB during the download");
    }
}
