package org.comunidad.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.comunidad.testsupport.KeycloakServer;
import org.comunidad.testsupport.MailServer;
import org.comunidad.testsupport.Ports;
import org.comunidad.testsupport.PostgresServer;
import org.comunidad.testsupport.S3Server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A production-like cluster on loopback, started once for all the cluster tests: one PostgreSQL
 * (a database for the app, one for Keycloak), the S3 server, a captured SMTP server, two Keycloak
 * nodes in production mode (shared database, Infinispan clustered with JDBC_PING discovery), two
 * instances of the packaged app ({@code java -jar target/quarkus-app/quarkus-run.jar}, prod
 * profile), and HAProxy from Debian in front of both apps (one frontend) and both Keycloak nodes
 * (another: one issuer for both). Everything runs as this JVM's children or inside it, and is
 * stopped at the end.
 */
public final class Cluster implements AutoCloseable {

    /** JGroups' ports of the two Keycloak nodes: CLUSTER's fixed range (18221-18229). */
    private static final int[] JGROUPS_PORTS = { 18223, 18225 };

    private static Cluster instance;

    final Path work;
    final String webSecret = token();
    final String apiSecret = token();
    final String adminSecret = token();
    final String sessionSecret = token();
    final String csrfSecret = token();
    final String linkSecret = token();
    final String keycloakAdminPassword = token();

    final int pgPort = Ports.free();
    final int lbAppPort = Ports.free();
    final int lbKeycloakPort = Ports.free();
    final int[] appPorts = { Ports.free(), Ports.free() };
    final int[] keycloakPorts = { Ports.free(), Ports.free() };
    final int[] keycloakManagementPorts = { Ports.free(), Ports.free() };
    final int haproxyStatsPort = Ports.free();

    volatile PostgresServer postgres;
    S3Server s3;
    MailServer mail;
    final Process[] keycloaks = new Process[2];
    final Process[] apps = new Process[2];
    Process haproxy;

    private Cluster(Path work) {
        this.work = work;
    }

    /** The cluster, started on first use and stopped when the JVM ends. */
    public static synchronized Cluster get() {
        if (instance == null) {
            Cluster cluster = new Cluster(KeycloakServer.projectDir().resolve("target/cluster"));
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
            try {
                cluster.start();
            } catch (RuntimeException | Error e) {
                cluster.close();
                throw e;
            }
            instance = cluster;
        }
        return instance;
    }

    private void start() {
        long t0 = System.nanoTime();
        try {
            deleteTree(work);
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = PostgresServer.persistent(work.resolve("postgres"), pgPort);
        sql("postgres", "create database keycloak encoding 'UTF8' template template0");
        s3 = S3Server.start(work.resolve("s3"), Ports.free());
        mail = MailServer.forTests(Ports.free());
        startHaproxy();
        // Keycloak's distribution is augmented once for PostgreSQL, then copied for each node. The second
        // node starts once the first answers: started together on the empty database, both created
        // Liquibase's changelog table and the loser exited ("relation databasechangelog already exists",
        // the cluster tests' first-start failures). The apps start meanwhile: they reach Keycloak only
        // when a request needs it.
        CompletableFuture<Void> keycloak = CompletableFuture.runAsync(() -> {
            buildKeycloak();
            log("Keycloak built after %d s", seconds(t0));
            for (int i = 0; i < 2; i++) {
                keycloaks[i] = startKeycloak(i, i == 0);
                awaitHttp(keycloakUrl(i) + "/realms/" + KeycloakServer.REALM, keycloaks[i], Duration.ofMinutes(6),
                        "keycloak-" + (i + 1));
            }
            awaitKeycloakCluster();
            log("Keycloak nodes ready after %d s", seconds(t0));
        });
        apps[0] = startApp(0);
        awaitHttp(appUrl(0) + "/q/health/ready", apps[0], Duration.ofMinutes(4), "app-1");
        apps[1] = startApp(1);
        awaitHttp(appUrl(1) + "/q/health/ready", apps[1], Duration.ofMinutes(4), "app-2");
        log("app instances ready after %d s", seconds(t0));
        keycloak.join();
        // Both servers of each backend up in HAProxy's eyes (health checks every second).
        sleep(3000);
        log("cluster ready in %d s: app LB %s, Keycloak LB %s", seconds(t0), lbUrl(), keycloakLbUrl());
    }

    // ---------------------------------------------------------------- addresses

    public String lbUrl() {
        return "http://127.0.0.1:" + lbAppPort;
    }

    public String keycloakLbUrl() {
        return "http://127.0.0.1:" + lbKeycloakPort;
    }

    public String issuer() {
        return keycloakLbUrl() + "/realms/" + KeycloakServer.REALM;
    }

    public String appUrl(int i) {
        return "http://127.0.0.1:" + appPorts[i];
    }

    public String keycloakUrl(int i) {
        return "http://127.0.0.1:" + keycloakPorts[i];
    }

    public MailServer mail() {
        return mail;
    }

    public S3Server s3() {
        return s3;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + PostgresServer.DATABASE;
    }

    public Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), PostgresServer.USER, "postgres");
    }

    // ---------------------------------------------------------------- faults

    /** kill -9 of an app instance. */
    public void killApp(int i) {
        apps[i].toHandle().destroyForcibly();
        waitExit(apps[i]);
        log("app-%d killed (kill -9)", i + 1);
    }

    public boolean appAlive(int i) {
        return apps[i] != null && apps[i].isAlive();
    }

    /** Starts a killed app instance again and waits until it is ready and HAProxy sends it requests. */
    public void restartApp(int i) {
        if (appAlive(i)) {
            return;
        }
        apps[i] = startApp(i);
        awaitHttp(appUrl(i) + "/q/health/ready", apps[i], Duration.ofMinutes(3), "app-" + (i + 1));
        sleep(3000);
    }

    public void killKeycloak(int i) {
        keycloaks[i].toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        keycloaks[i].toHandle().destroyForcibly();
        waitExit(keycloaks[i]);
        log("keycloak-%d killed (kill -9)", i + 1);
    }

    public boolean keycloakAlive(int i) {
        return keycloaks[i] != null && keycloaks[i].isAlive();
    }

    public void restartKeycloak(int i) {
        if (keycloakAlive(i)) {
            return;
        }
        keycloaks[i] = startKeycloak(i, false);
        awaitHttp(keycloakUrl(i) + "/realms/" + KeycloakServer.REALM, keycloaks[i], Duration.ofMinutes(5),
                "keycloak-" + (i + 1));
        sleep(3000);
    }

    /** Stops PostgreSQL (fast shutdown: open connections are cut), then starts it on the same port and data. */
    public synchronized Duration restartPostgres() {
        long t0 = System.nanoTime();
        postgres.close();
        postgres = PostgresServer.persistent(work.resolve("postgres"), pgPort);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        log("PostgreSQL restarted in %d ms", took.toMillis());
        return took;
    }

    // ---------------------------------------------------------------- HAProxy

    private void startHaproxy() {
        String config = """
                global
                    maxconn 2000
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    timeout http-request 30s
                    option redispatch
                    retries 2
                    retry-on conn-failure empty-response
                frontend app
                    bind 127.0.0.1:%1$d
                    default_backend apps
                backend apps
                    balance roundrobin
                    option forwardfor
                    option httpchk GET /q/health/ready
                    default-server inter 1s fall 2 rise 2
                    server app1 127.0.0.1:%2$d check
                    server app2 127.0.0.1:%3$d check
                frontend keycloak
                    bind 127.0.0.1:%4$d
                    default_backend keycloaks
                backend keycloaks
                    balance roundrobin
                    option forwardfor
                    default-server inter 1s fall 2 rise 2
                    server kc1 127.0.0.1:%5$d check
                    server kc2 127.0.0.1:%6$d check
                frontend stats
                    bind 127.0.0.1:%7$d
                    stats enable
                    stats uri /stats
                """.formatted(lbAppPort, appPorts[0], appPorts[1], lbKeycloakPort, keycloakPorts[0], keycloakPorts[1],
                haproxyStatsPort);
        try {
            Path file = work.resolve("haproxy.cfg");
            Files.writeString(file, config);
            String binary = Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";
            haproxy = new ProcessBuilder(binary, "-db", "-f", file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("haproxy.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("HAProxy is needed (Debian: apt-get install -y haproxy)", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Ports.isFree(lbAppPort)) {
            if (!haproxy.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("HAProxy did not start: " + tail(work.resolve("haproxy.log")));
            }
            sleep(50);
        }
    }

    // ---------------------------------------------------------------- Keycloak

    private Path keycloakHome(int i) {
        return work.resolve("keycloak-" + (i + 1));
    }

    private void buildKeycloak() {
        Path dist = Path.of(System.getProperty("comunidad.keycloak.home",
                KeycloakServer.projectDir().resolve("target/keycloak/keycloak-26.7.3").toString()));
        // Built once per distribution and kept in target/: `-Pcluster` starts the build in the background
        // while Maven packages the app (src/test/resources/cluster/build-keycloak.sh); wait for it, or build here.
        Path built = KeycloakServer.projectDir().resolve("target/cluster-keycloak");
        Path building = KeycloakServer.projectDir().resolve("target/cluster-keycloak.tmp");
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
            while (!Files.exists(built.resolve(".built")) && Files.exists(building) && System.nanoTime() < deadline) {
                sleep(1000);
            }
            if (!Files.exists(built.resolve(".built"))) {
                run(List.of("sh", KeycloakServer.projectDir().resolve("src/test/resources/cluster/build-keycloak.sh")
                        .toString(), dist.toString(), built.toString()));
            }
            for (int i = 0; i < 2; i++) {
                run(List.of("cp", "-a", built.toString(), keycloakHome(i).toString()));
            }
            writeRealmImport(keycloakHome(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The project's realm, the demo users and the test clients; the app's direct addresses may sign in too. */
    private void writeRealmImport(Path home) throws IOException {
        Path project = KeycloakServer.projectDir();
        ObjectMapper json = new ObjectMapper();
        ObjectNode realm = (ObjectNode) json.readTree(project.resolve("keycloak-realm.json").toFile());
        append(realm, "users", json.readTree(project.resolve("deploy/local/keycloak-demo-users.json").toFile()));
        JsonNode tests = json.readTree(project.resolve("src/test/resources/keycloak/test-clients.json").toFile());
        tests.fieldNames().forEachRemaining(field -> append(realm, field, tests));
        for (JsonNode client : realm.get("clients")) {
            if ("comunidad-web".equals(client.path("clientId").asText())) {
                ArrayNode uris = (ArrayNode) client.get("redirectUris");
                for (int i = 0; i < 2; i++) {
                    uris.add(appUrl(i) + "/auth/callback");
                }
            }
        }
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Files.write(importDir.resolve("comunidad-realm.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(realm));
    }

    private static void append(ObjectNode realm, String field, JsonNode extra) {
        ArrayNode target = realm.has(field) ? (ArrayNode) realm.get(field) : realm.putArray(field);
        extra.get(field).forEach(target::add);
    }

    private Process startKeycloak(int i, boolean importRealm) {
        Path home = keycloakHome(i);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--db-url=jdbc:postgresql://127.0.0.1:" + pgPort + "/keycloak",
                "--db-username=" + PostgresServer.USER, "--db-password=postgres",
                "--db-pool-max-size=10",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + keycloakPorts[i],
                "--http-management-port=" + keycloakManagementPorts[i],
                // One issuer for both nodes: the address of their load balancer.
                "--hostname=" + keycloakLbUrl(), "--hostname-backchannel-dynamic=false",
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + JGROUPS_PORTS[i],
                "--log-console-output=default"));
        if (importRealm) {
            command.add("--import-realm");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("keycloak-" + (i + 1) + ".log").toFile()));
        Map<String, String> env = builder.environment();
        KeycloakServer.realmEnvironment(env, keycloakAdminPassword, lbUrl(), webSecret, apiSecret, adminSecret,
                mail.port());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1 -Djava.net.preferIPv4Stack=true");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Both nodes in one Infinispan cluster: the second node's log says the view has two members. */
    private void awaitKeycloakCluster() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                for (int i = 0; i < 2; i++) {
                    String log = Files.readString(work.resolve("keycloak-" + (i + 1) + ".log"));
                    if (log.matches("(?s).*ISPN000094: Received new cluster view.*\\(2\\).*")) {
                        log("Keycloak nodes clustered");
                        return;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("the two Keycloak nodes did not form one cluster; see " + work);
    }

    // ---------------------------------------------------------------- the app

    private Process startApp(int i) {
        Path jar = KeycloakServer.projectDir().resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: -Pcluster packages the app before its tests");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dquarkus.http.port=" + appPorts[i]);
        command.add("-Dquarkus.http.host=127.0.0.1");
        // The demo forum (members, groups, documents) is loaded by the first instance into the empty database.
        command.add("-Dcomunidad.demo.enabled=" + (i == 0));
        jobSettings().forEach((k, v) -> command.add("-D" + k + "=" + v));
        // The load tests send many requests at once with one member's token: no fair-share limit applies.
        command.add("-Dcomunidad.limits.pages-per-member=1000");
        command.add("-Dcomunidad.limits.posting.requests=100000");
        command.add("-Dcomunidad.limits.uploads.requests=100000");
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("app-" + (i + 1) + ".log").toFile()));
        builder.environment().putAll(appEnvironment());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jobs run often, so that the tests see several due times within seconds. */
    static Map<String, String> jobSettings() {
        Map<String, String> jobs = new LinkedHashMap<>();
        jobs.put("comunidad.mail.immediate-every", "2s");
        jobs.put("comunidad.meetings.calendar.reminder-every", "2s");
        jobs.put("comunidad.tasks.reminder-every", "2s");
        // The first run's delay after start too: the jobs test may run a minute after the cluster started.
        jobs.put("comunidad.jobs.task-reminders.delay", "2s");
        jobs.put("comunidad.jobs.meeting-reminders.delay", "2s");
        // The jobs' schedules and due-time slots (comunidad.jobs.<job>.*, platform.jobs.Jobs):
        // hourly jobs every few seconds, each firing its own due time.
        jobs.put("comunidad.jobs.document-sweep.every", "5s");
        jobs.put("comunidad.jobs.document-sweep.delay", "5s");
        jobs.put("comunidad.jobs.document-text.every", "2s");
        jobs.put("comunidad.jobs.email-digest.cron", "0/5 * * * * ?");
        jobs.put("comunidad.jobs.email-digest.slot", "5s");
        // Objects younger than this are uploads in flight, left alone by the sweeper.
        jobs.put("comunidad.documents.sweep-grace", "PT20S");
        return jobs;
    }

    /** The production profile's settings, as deploy/ gives them (COMUNIDAD_* variables). */
    private Map<String, String> appEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("COMUNIDAD_BASE_URL", lbUrl());
        env.put("COMUNIDAD_TRUSTED_PROXIES", "127.0.0.1");
        env.put("COMUNIDAD_DB_URL", jdbcUrl());
        env.put("COMUNIDAD_DB_USER", PostgresServer.USER);
        env.put("COMUNIDAD_DB_PASSWORD", "postgres");
        env.put("COMUNIDAD_OIDC_URL", issuer());
        env.put("COMUNIDAD_OIDC_CLIENT_SECRET", webSecret);
        env.put("COMUNIDAD_SESSION_SECRET", sessionSecret);
        env.put("COMUNIDAD_CSRF_SECRET", csrfSecret);
        env.put("COMUNIDAD_MAIL_LINK_SECRET", linkSecret);
        env.put("COMUNIDAD_KEYCLOAK_URL", keycloakLbUrl());
        env.put("COMUNIDAD_ADMIN_CLIENT_SECRET", adminSecret);
        env.put("COMUNIDAD_S3_ENDPOINT", s3.endpoint());
        env.put("COMUNIDAD_S3_ACCESS_KEY", S3Server.ACCESS_KEY);
        env.put("COMUNIDAD_S3_SECRET_KEY", S3Server.SECRET_KEY);
        env.put("COMUNIDAD_SMTP_HOST", "127.0.0.1");
        env.put("COMUNIDAD_SMTP_PORT", String.valueOf(mail.port()));
        env.put("COMUNIDAD_MAIL_FROM", MailServer.FROM);
        env.put("COMUNIDAD_SMTP_STARTTLS_MODE", "DISABLED");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    // ---------------------------------------------------------------- helpers

    void sql(String database, String statement) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database,
                PostgresServer.USER, "postgres"); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    /** A number from the app's database (the first column of the first row). */
    public long count(String query, Object... args) {
        try (Connection c = db(); var s = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    private void awaitHttp(String url, Process process, Duration timeout, String name) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + work.resolve(name + ".log") + "\n"
                        + tail(work.resolve(name + ".log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "\n" + tail(work.resolve(name + ".log")));
    }

    /**
     * The app instances' log lines at level ERROR since the cluster started (at most {@code max}
     * characters): what an assertion on a status prints, so that a failure in CI names its cause.
     */
    String appErrors(int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < apps.length; i++) {
            try {
                for (String line : Files.readAllLines(work.resolve("app-" + (i + 1) + ".log"))) {
                    if ((line.contains("\"level\":\"ERROR\"") || line.contains(" ERROR ")) && out.length() < max) {
                        out.append("app-").append(i + 1).append(": ")
                                .append(line, 0, Math.min(line.length(), max - out.length())).append('\n');
                    }
                }
            } catch (IOException e) {
                out.append("app-").append(i + 1).append(": log unreadable: ").append(e.getMessage()).append('\n');
            }
        }
        return out.toString();
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public synchronized void close() {
        for (Process app : apps) {
            stop(app);
        }
        for (Process keycloak : keycloaks) {
            stop(keycloak);
        }
        stop(haproxy);
        if (mail != null) {
            mail.close();
            mail = null;
        }
        if (s3 != null) {
            s3.close();
            s3 = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (RuntimeException ignored) {
                // already stopped
            }
            postgres = null;
        }
    }

    private static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static void waitExit(Process process) {
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long seconds(long t0) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
    }

    static void log(String format, Object... args) {
        System.out.printf("[cluster] " + format + "%n", args);
    }

    private static String token() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
