package org.comunidad.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.platform.storage.ObjectStore;
import org.comunidad.testsupport.GeneratedContent;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Uploads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The documents benchmark (`./mvnw verify -Pbenchmark -Dtest=DocumentBenchmark`): uploads
 * a file through the app, downloads it through the app, and reads the same object
 * directly from the S3 server with the MinIO client, several rounds each, on the same
 * machine; reports the median throughput of each and the ratio of the app's download to
 * the direct read (the target: at least 50%). Figures go to target/benchmark/documents.txt.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "comunidad.benchmark", matches = "true")
class DocumentBenchmark {

    static final String S = "/c/seguridad-asistencia-victimas/documents";

    static final okhttp3.OkHttpClient HTTP = new okhttp3.OkHttpClient.Builder()
            .readTimeout(java.time.Duration.ofMinutes(5)).build();

    @Inject
    ObjectStore store;

    @Inject
    EntityManager em;

    @Test
    void throughput() throws Exception {
        long size = Long.getLong("bench.doc.bytes", 512L << 20);
        int rounds = Integer.getInteger("bench.doc.rounds", 3);
        List<Double> uploads = new ArrayList<>();
        List<Double> downloads = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            long seed = 1000 + round;
            long start = System.nanoTime();
            HttpResponse<String> upload = Uploads.stream(Persona.MEMBER, S + "/upload", "bench.dat",
                    () -> new GeneratedContent(seed, size), size, Uploads.report("Benchmark " + round));
            double up = seconds(start);
            assertEquals(201, upload.statusCode(), upload.body());
            long id = Long.parseLong(upload.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
            String key = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                    "select v.object_key from document d join document_version v on v.id = d.current_version_id "
                            + "where d.id = ?1").setParameter(1, id).getSingleResult());

            // The same HTTP client (OkHttp, which the MinIO client uses) for both reads, so that
            // the comparison measures the app's path, not two clients.
            start = System.nanoTime();
            long read;
            try (okhttp3.Response download = HTTP.newCall(new okhttp3.Request.Builder()
                    .url(Uploads.base() + S + "/" + id + "/file")
                    .header("Authorization", "Bearer " + Persona.MEMBER.token()).build()).execute()) {
                assertEquals(200, download.code());
                try (InputStream in = download.body().byteStream()) {
                    read = drain(in);
                }
            }
            double down = seconds(start);
            assertEquals(size, read);

            start = System.nanoTime();
            try (InputStream in = store.get(key)) {
                read = drain(in);
            }
            double s3 = seconds(start);
            assertEquals(size, read);
            if (round > 0) { // round 0 warms up the JIT and the connection pools
                uploads.add(size / 1e6 / up);
                downloads.add(size / 1e6 / down);
                direct.add(size / 1e6 / s3);
            }
        }
        double upload = median(uploads);
        double download = median(downloads);
        double s3 = median(direct);
        String report = String.format("""
                Documents benchmark: %d MiB file, %d measured rounds (after one warm-up), %d cores
                (the app, the S3 server (S3Proxy on the local disk), PostgreSQL and the client share the machine)
                upload through the app:              %.0f MB/s (rounds: %s)
                download through the app:            %.0f MB/s (rounds: %s)
                read directly from the S3 server:    %.0f MB/s (rounds: %s)
                download through the app / direct:   %.0f %%
                """, size >> 20, rounds, Runtime.getRuntime().availableProcessors(), upload, round(uploads), download,
                round(downloads), s3, round(direct), 100 * download / s3);
        System.out.println(report);
        Path out = Path.of("target/benchmark/documents.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertTrue(download >= 0.5 * s3, "download through the app is at least half the direct speed");
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 18];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
        }
        return total;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String round(List<Double> values) {
        return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
    }
}
