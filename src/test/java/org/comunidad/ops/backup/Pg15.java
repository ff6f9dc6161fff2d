package org.comunidad.ops.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 server from Debian's postgresql-15 package (the embedded PostgreSQL of the
 * suite ships no pg_dump or pg_basebackup): initdb into a folder, the server on a loopback
 * port, trust authentication. PostgreSQL refuses to run as root, so when the tests run as root
 * the server and initdb run as the package's user "postgres" (setpriv, no shell in between);
 * the clients (pg_dump, psql...) run as whoever runs the tests, over TCP.
 */
final class Pg15 implements AutoCloseable {

    static final Path BIN = Path.of(System.getProperty("comunidad.pg15.bin", "/usr/lib/postgresql/15/bin"));
    static final String SERVER_USER = "postgres";

    private final Path data;
    private final int port;
    private final Path log;
    private Process process;

    private Pg15(Path data, int port) {
        this.data = data;
        this.port = port;
        this.log = data.resolveSibling(data.getFileName() + ".log");
    }

    /** Why this machine cannot run these tests, or null. */
    static String missing() {
        for (String tool : List.of("initdb", "postgres", "pg_dump", "pg_restore", "psql", "createdb", "pg_basebackup")) {
            if (!Files.isExecutable(BIN.resolve(tool))) {
                return BIN.resolve(tool) + " is missing: apt-get install -y postgresql-15";
            }
        }
        return null;
    }

    /**
     * The ITs' working folder, {@code target/ops-backup/<name>}, when the server's user can reach it;
     * else (a checkout inside a folder only its owner may enter, such as /root or a {@code mktemp -d})
     * a folder of the same name under the system's temporary folder: run as root, initdb and the
     * server run as "postgres", which must be able to enter every folder above its data.
     */
    static Path workDir(Path projectDir, String name) {
        Path preferred = projectDir.resolve("target/ops-backup").resolve(name);
        if (!asRoot() || reachableByOthers(projectDir)) {
            return preferred;
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "comunidad-ops-backup", name);
    }

    private static boolean reachableByOthers(Path dir) {
        try {
            for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A new cluster in this (absent or empty) folder. */
    static Pg15 init(Path data, int port) {
        Pg15 server = new Pg15(data, port);
        try {
            Files.createDirectories(data);
            server.own(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.runAsServer(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), Duration.ofMinutes(2));
        return server;
    }

    /** An existing data folder (a restored base backup). */
    static Pg15 existing(Path data, int port) {
        Pg15 server = new Pg15(data, port);
        server.ownTree(data);
        try {
            // The server refuses a data folder others can read.
            Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    /** Lines appended to postgresql.conf (before start). */
    Pg15 configure(String... lines) {
        try {
            Files.writeString(data.resolve("postgresql.conf"), "\n" + String.join("\n", lines) + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server and waits until it answers (or until a recovery has finished). */
    Pg15 start(Duration timeout) {
        List<String> command = serverCommand(List.of(BIN.resolve("postgres").toString(), "-D", data.toString(),
                "-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "fsync=off", "-c", "max_connections=50"));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostgreSQL 15 exited: " + tail());
            }
            try (Connection c = connect("postgres")) {
                return this;
            } catch (SQLException e) {
                last = e;
            }
            sleep(200);
        }
        throw new IllegalStateException("PostgreSQL 15 did not answer in " + timeout + ": " + last + "\n" + tail());
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    int port() {
        return port;
    }

    Path data() {
        return data;
    }

    /** libpq's variables for the clients (pg_dump, psql, the backup scripts). */
    Map<String, String> clientEnvironment() {
        return Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(port), "PGUSER", "postgres");
    }

    /** A clean stop (fast shutdown: SIGINT to the postmaster). */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        ProcessHandle postmaster = process.toHandle();
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid())).start().waitFor();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    String tail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Runs a command as the server's user (initdb, a restore_command...) and waits for it. */
    void runAsServer(List<String> command, Duration timeout) {
        Shell.run(serverCommand(command), Map.of(), timeout);
    }

    private static List<String> serverCommand(List<String> command) {
        if (!asRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + SERVER_USER, "--regid=" + SERVER_USER,
                "--init-groups", "--reset-env"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives a folder to the server's user when running as root (the server wants to own its data). */
    void own(Path path) {
        if (!asRoot()) {
            return;
        }
        try {
            UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            view.setOwner(users.lookupPrincipalByName(SERVER_USER));
            GroupPrincipal group = users.lookupPrincipalByGroupName(SERVER_USER);
            view.setGroup(group);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void ownTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(this::own);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
