package org.comunidad.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kill -9 of an instance while it receives several uploads: every upload it acknowledged is there
 * (its row and its object, with the SHA-256 of what was sent), and once the sweeper has run on the
 * surviving instance no object is without its row and no row without its object.
 */
@ExtendWith(ClusterExtension.class)
class A5UploadKillTest {

    private static final int UPLOADS = 8;
    private static final int MIB = 1024 * 1024;

    @AfterAll
    static void restart() {
        Cluster.get().restartApp(1);
    }

    @Test
    void noAcknowledgedUploadIsLostAndTheSweeperLeavesNoOrphan() throws Exception {
        Cluster cluster = Cluster.get();
        String base = cluster.appUrl(1);
        String token = Client.freshToken("pf.peru");
        String[] csrf = Client.csrf(base, "pf.peru");
        Map<Integer, byte[]> bodies = new HashMap<>();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            // 1 to 8 MiB, each sent at about 2 MB/s: the kill finds some done and some half-way.
            byte[] body = new byte[(i + 1) * MIB];
            // Text (random bytes would be refused as a program): words of random letters.
            Random random = new Random(i);
            for (int b = 0; b < body.length; b++) {
                body[b] = (byte) (b % 80 == 79 ? '\n' : random.nextInt(6) == 0 ? ' ' : 'a' + random.nextInt(26));
            }
            bodies.put(i, body);
            long pause = 8;
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/c/seguridad-asistencia-victimas/documents/upload?title="
                    + Client.enc("Carga " + i + " " + System.nanoTime()) + "&type=REPORT&language=es&country=PE"))
                    .header("Authorization", "Bearer " + token)
                    .header("Cookie", "csrf-token=" + csrf[0]).header("X-CSRF-TOKEN", csrf[1])
                    .header("X-File-Name", "carga-" + i + ".txt").header("Content-Type", "application/octet-stream")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new Slow(body, pause)), body.length)).build();
            answers.add(Client.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        // The kill comes once the smaller uploads are acknowledged, while the larger ones are still arriving.
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (answers.stream().filter(a -> a.isDone() && !a.isCompletedExceptionally()).count() < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        cluster.killApp(1);
        Map<Long, String> acknowledged = new HashMap<>();
        int failed = 0;
        for (int i = 0; i < UPLOADS; i++) {
            try {
                HttpResponse<String> answer = answers.get(i).join();
                if (answer.statusCode() == 201) {
                    acknowledged.put(Client.json(answer.body()).get("id").asLong(), sha256(bodies.get(i)));
                } else {
                    failed++;
                    Cluster.log("upload %d: %d %s", i, answer.statusCode(), answer.body());
                }
            } catch (RuntimeException e) {
                failed++;
                Cluster.log("upload %d: %s", i, e.getCause() != null ? e.getCause() : e);
            }
        }
        Cluster.log("uploads during kill -9: %d acknowledged, %d cut off", acknowledged.size(), failed);
        assertTrue(failed > 0, "the kill cut some uploads (else the test shows nothing)");
        assertTrue(acknowledged.size() > 0, "some uploads were acknowledged before the kill");

        // Every acknowledged upload: its row, and its object with the same bytes.
        for (Map.Entry<Long, String> upload : acknowledged.entrySet()) {
            String[] row = version(cluster, upload.getKey());
            assertEquals(upload.getValue(), row[1], "the row's SHA-256 of document " + upload.getKey());
            Path object = objectPath(cluster, row[0]);
            assertTrue(Files.exists(object), "the object of acknowledged document " + upload.getKey());
            assertEquals(upload.getValue(), sha256(Files.readAllBytes(object)), "the object's bytes");
        }

        // The sweeper (every 5 s, grace 20 s, on the surviving instance) removes what the kill left.
        Thread.sleep(35_000);
        Set<String> rows = new java.util.HashSet<>();
        try (Connection c = cluster.db(); PreparedStatement s = c.prepareStatement("select object_key from document_version");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        Path bucket = cluster.s3().directory().resolve("comunidad");
        Set<String> objects;
        try (var files = Files.walk(bucket.resolve("documents"))) {
            objects = files.filter(Files::isRegularFile).map(p -> bucket.relativize(p).toString())
                    .collect(Collectors.toSet());
        }
        Set<String> orphans = new java.util.TreeSet<>(objects);
        orphans.removeAll(rows);
        Set<String> missing = new java.util.TreeSet<>(rows);
        missing.removeAll(objects);
        Cluster.log("after the sweep: %d rows, %d objects, %d objects without a row, %d rows without an object",
                rows.size(), objects.size(), orphans.size(), missing.size());
        assertEquals(Set.of(), orphans, "objects without their row");
        assertEquals(Set.of(), missing, "rows without their object");
    }

    private static String[] version(Cluster cluster, long document) throws Exception {
        try (Connection c = cluster.db(); PreparedStatement s = c.prepareStatement(
                "select object_key, sha256 from document_version where document_id = ?")) {
            s.setLong(1, document);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "the row of acknowledged document " + document);
                return new String[] { rs.getString(1), rs.getString(2) };
            }
        }
    }

    static Path objectPath(Cluster cluster, String key) {
        return cluster.s3().directory().resolve("comunidad").resolve(key);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The body, a 16 KiB chunk at a time with a pause between chunks. */
    private static final class Slow extends InputStream {
        private final byte[] body;
        private final long pause;
        private int position;

        Slow(byte[] body, long pause) {
            this.body = body;
            this.pause = pause;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= body.length) {
                return -1;
            }
            if (position % (16 * 1024) == 0 && position > 0) {
                Cluster.sleep(pause);
            }
            int n = Math.min(Math.min(len, 16 * 1024 - position % (16 * 1024)), body.length - position);
            System.arraycopy(body, position, b, off, n);
            position += n;
            return n;
        }
    }
}
