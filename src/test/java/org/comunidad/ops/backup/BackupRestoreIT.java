package org.comunidad.ops.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.comunidad.testsupport.Ports;
import org.comunidad.testsupport.S3Server;
import org.comunidad.testsupport.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * Backup and restore as an operator runs them (deploy/backup/backup.sh, restore.sh, documented
 * in deploy/README.md): stack A (PostgreSQL 15, an S3 server, the packaged app with the demo
 * forum and documents uploaded through it) is backed up, then stopped; stack B (another
 * PostgreSQL 15, an empty S3 server, the same app build) is restored from the backup alone.
 * Through the app, B gives back every document version byte for byte (SHA-256 of each
 * download), the same search results for the same queries, and the same member directories.
 */
class BackupRestoreIT {

    private static final Duration START = Duration.ofMinutes(4);
    private static final List<String> QUERIES = List.of("respaldo", "restauración", "víctimas", "seguridad", "PROSUR",
            "informe", "cooperación", "energía");
    private static final Pattern HIT = Pattern.compile("href=\"(/c/[^\"]+)\"|class=\"count\">(\\d+)<");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aBackupRestoredOnAFreshStackGivesBackTheSameDocumentsSearchesAndMembers() throws Exception {
        assertNull(Pg15.missing(), "PostgreSQL 15's programs");
        assertTrue(Files.isRegularFile(AppProcess.JAR), AppProcess.JAR + ": package the app first (./mvnw -o package -DskipTests)");
        assertTrue(Shell.call(List.of("rclone", "version"), Map.of(), Duration.ofSeconds(30)).exitCode() == 0,
                "rclone: apt-get install -y rclone");

        Path work = Pg15.workDir(AppProcess.projectDir(), "restore");
        Shell.deleteTree(work);
        Files.createDirectories(work);
        Path backups = work.resolve("backups");
        long started = System.nanoTime();

        try (OidcStub issuer = OidcStub.start(Ports.free())) {
            // ---- Stack A: the installation that will be lost.
            Snapshot before;
            Map<String, String> backupEnv;
            int appPortA = Ports.free();
            try (Pg15 pgA = Pg15.init(work.resolve("pg-a"), Ports.free()).start(Duration.ofMinutes(1));
                    S3Server s3A = S3Server.start(work.resolve("s3-a"), Ports.free())) {
                createDatabase(pgA);
                Map<String, String> envA = AppProcess.environment(pgA.jdbcUrl("comunidad"), s3A.endpoint(),
                        S3Server.ACCESS_KEY, S3Server.SECRET_KEY, issuer.issuer(), appPortA);
                try (AppProcess appA = AppProcess.start(envA, appPortA, List.of("-Dcomunidad.demo.enabled=true"),
                        work.resolve("app-a.log"), START)) {
                    Client a = new Client(appA.base(), issuer);
                    List<String> uploaded = uploadDocuments(a);
                    awaitTextExtracted(pgA);
                    before = snapshot(a, pgA);
                    System.out.printf("stack A: %d document versions, %d uploaded now; %d communities%n",
                            before.downloads().size(), uploaded.size(), before.directories().size());
                    assertTrue(before.downloads().size() >= uploaded.size() + 3, "demo documents and uploads: " + before.downloads().keySet());
                    assertTrue(before.searches().values().stream().anyMatch(hits -> hits.size() > 2),
                            "some query finds something: " + before.searches());

                    // ---- The backup, while the app runs (as the nightly job does).
                    backupEnv = new LinkedHashMap<>(pgA.clientEnvironment());
                    backupEnv.putAll(scriptEnvironment(s3A.endpoint(), backups));
                    String out = Shell.run(List.of("bash", script("backup.sh")), backupEnv, Duration.ofMinutes(5));
                    System.out.println("backup.sh:\n" + out);
                }
            }
            // Stack A is gone (its processes stopped); B starts from the backup folder alone.

            // ---- Stack B: fresh PostgreSQL, empty bucket.
            int appPortB = Ports.free();
            try (Pg15 pgB = Pg15.init(work.resolve("pg-b"), Ports.free()).start(Duration.ofMinutes(1));
                    S3Server s3B = S3Server.start(work.resolve("s3-b"), Ports.free())) {
                Map<String, String> restoreEnv = new LinkedHashMap<>(pgB.clientEnvironment());
                restoreEnv.putAll(scriptEnvironment(s3B.endpoint(), backups));
                long restoreStarted = System.nanoTime();
                String out = Shell.run(List.of("bash", script("restore.sh")), restoreEnv, Duration.ofMinutes(5));
                System.out.printf("restore.sh (%d ms):%n%s%n", (System.nanoTime() - restoreStarted) / 1_000_000, out);
                assertTrue(out.contains(" 0 missing"), out);
                // A second restore over the restored data is refused: restore.sh never mixes two states.
                Shell.Result again = Shell.call(List.of("bash", script("restore.sh")), restoreEnv, Duration.ofMinutes(2));
                assertTrue(again.exitCode() != 0 && again.output().contains("is not empty"), again.output());

                Map<String, String> envB = AppProcess.environment(pgB.jdbcUrl("comunidad"), s3B.endpoint(),
                        S3Server.ACCESS_KEY, S3Server.SECRET_KEY, issuer.issuer(), appPortB);
                try (AppProcess appB = AppProcess.start(envB, appPortB, List.of(), work.resolve("app-b.log"), START)) {
                    Snapshot after = snapshot(new Client(appB.base(), issuer), pgB);
                    assertEquals(before.downloads(), after.downloads(), "SHA-256 of every document version, downloaded");
                    assertEquals(before.searches(), after.searches(), "search hits, in order, per query");
                    assertEquals(before.directories(), after.directories(), "member directories (CSV), per community");
                    assertEquals(before.members(), after.members(), "members");
                    System.out.printf("restored: %d document versions hashed, %d queries (%d hits) compared, "
                            + "%d directories compared (%d members, %d directory lines); whole test %d s%n", after.downloads().size(),
                            after.searches().size(), after.searches().values().stream().flatMap(List::stream).filter(h -> h.startsWith("/")).count(),
                            after.directories().size(), after.members(),
                            after.directories().values().stream().mapToLong(csv -> csv.lines().count()).sum(), (System.nanoTime() - started) / 1_000_000_000L);
                }
            }
        }
    }

    /** What an operator and the members rely on, read through the app (and the rows it names). */
    record Snapshot(Map<String, String> downloads, Map<String, List<String>> searches, Map<String, String> directories,
            long members) {
    }

    private Snapshot snapshot(Client app, Pg15 pg) throws Exception {
        Map<String, String> downloads = new LinkedHashMap<>();
        List<String> communities = new ArrayList<>();
        long members;
        try (Connection c = pg.connect("comunidad"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select c.slug, d.id, v.number, v.sha256 from document d
                    join community c on c.id = d.community_id join document_version v on v.document_id = d.id
                    where d.deleted_at is null order by d.id, v.number""")) {
                while (rs.next()) {
                    String path = "/c/" + rs.getString(1) + "/documents/" + rs.getLong(2) + "/file?version=" + rs.getInt(3);
                    String sha = app.sha256(path);
                    // The download is the file that was uploaded: the hash recorded at upload time.
                    assertEquals(rs.getString(4), sha, path);
                    downloads.put(path, sha);
                }
            }
            try (ResultSet rs = s.executeQuery("select slug from community order by id")) {
                while (rs.next()) {
                    communities.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("select count(*) from member")) {
                rs.next();
                members = rs.getLong(1);
            }
        }
        Map<String, List<String>> searches = new LinkedHashMap<>();
        for (String q : QUERIES) {
            String page = app.get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            List<String> hits = new ArrayList<>();
            int from = page.indexOf("id=\"found-documents\"");
            assertTrue(from > 0, "results for " + q);
            int to = page.indexOf("</main>", from);
            Matcher m = HIT.matcher(page.substring(from, to < 0 ? page.length() : to));
            while (m.find()) {
                hits.add(m.group(1) != null ? m.group(1) : "count " + m.group(2));
            }
            searches.put(q, hits);
        }
        Map<String, String> directories = new LinkedHashMap<>();
        for (String slug : communities) {
            directories.put(slug, app.get("/c/" + slug + "/members.csv"));
        }
        return new Snapshot(downloads, searches, directories, members);
    }

    /** Documents uploaded through the app, as the documents page's script sends them. */
    private List<String> uploadDocuments(Client app) throws Exception {
        List<String> uploaded = new ArrayList<>();
        String[][] files = {
                { "respaldo-nocturno.pdf", "Plan de respaldo nocturno de la base de datos y del almacenamiento" },
                { "restauracion-probada.pdf", "Informe de restauración probada en un entorno nuevo" },
                { "cooperacion-victimas.pdf", "Cooperación regional en la asistencia a víctimas" },
                { "energia-informe.pdf", "Informe de energía: interconexión eléctrica regional" } };
        for (String[] file : files) {
            byte[] pdf = TestFiles.pdf(file[1], "Documento de prueba del respaldo " + file[0]);
            assertEquals(201, app.upload("/c/seguridad/documents/upload", file[0], pdf, file[1]), file[0]);
            uploaded.add(file[0]);
        }
        // A larger file, random bytes inside a PDF: the object store's multipart path, compared byte for byte.
        byte[] random = new byte[9 * 1024 * 1024];
        new java.util.Random(16).nextBytes(random);
        byte[] pdf = TestFiles.pdf("Anexo grande del respaldo");
        byte[] big = new byte[pdf.length + random.length];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        System.arraycopy(random, 0, big, pdf.length, random.length);
        assertEquals(201, app.upload("/c/seguridad/documents/upload", "anexo-grande.pdf", big, "Anexo grande del respaldo"));
        uploaded.add("anexo-grande.pdf");
        return uploaded;
    }

    private static void awaitTextExtracted(Pg15 pg) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try (Connection c = pg.connect("comunidad"); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from document_version where text_status = 'PENDING'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
                assertTrue(System.nanoTime() < deadline, rs.getLong(1) + " versions still wait for text extraction");
            }
            Thread.sleep(500);
        }
    }

    private static void createDatabase(Pg15 pg) throws SQLException {
        try (Connection c = pg.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("create database comunidad encoding 'UTF8' template template0");
        }
    }

    private static Map<String, String> scriptEnvironment(String s3Endpoint, Path backups) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", Pg15.BIN + ":" + System.getenv("PATH"));
        env.put("COMUNIDAD_S3_ENDPOINT", s3Endpoint);
        env.put("COMUNIDAD_S3_ACCESS_KEY", S3Server.ACCESS_KEY);
        env.put("COMUNIDAD_S3_SECRET_KEY", S3Server.SECRET_KEY);
        env.put("COMUNIDAD_S3_BUCKET", "comunidad");
        env.put("BACKUP_DIR", backups.toString());
        return env;
    }

    private static String script(String name) {
        return AppProcess.projectDir().resolve("deploy/backup").resolve(name).toString();
    }

    /** Requests to one app, with bearer tokens of the shared issuer. */
    private final class Client {
        private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
        private final String base;
        private final OidcStub issuer;

        Client(String base, OidcStub issuer) {
            this.base = base;
            this.issuer = issuer;
        }

        private HttpRequest.Builder request(String path, OidcStub.User user) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + issuer.token(user));
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request(path, OidcStub.ADMIN).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            return response.body();
        }

        String sha256(String path) throws Exception {
            HttpResponse<InputStream> response = http.send(request(path, OidcStub.ADMIN).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = response.body()) {
                assertEquals(200, response.statusCode(), path);
                byte[] buffer = new byte[65536];
                for (int n; (n = in.read(buffer)) > 0;) {
                    sha.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        }

        int upload(String path, String fileName, byte[] content, String title) throws IOException, InterruptedException {
            HttpResponse<String> home = http.send(request("/", OidcStub.COORDINATOR).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher field = CSRF_FIELD.matcher(home.body());
            assertTrue(field.find(), "a form token on the home page: " + home.statusCode());
            String cookie = home.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("csrf-token="))
                    .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElse(null);
            assertNotNull(cookie, "the CSRF cookie");
            String query = "?title=" + URLEncoder.encode(title, StandardCharsets.UTF_8) + "&type=REPORT&language=es&country=CL";
            HttpResponse<String> response = http.send(request(path + query, OidcStub.COORDINATOR)
                    .header("Cookie", cookie).header("X-CSRF-TOKEN", field.group(1))
                    .header("X-File-Name", URLEncoder.encode(fileName, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                System.out.println(fileName + ": " + response.statusCode() + " " + response.body());
            }
            return response.statusCode();
        }
    }
}
