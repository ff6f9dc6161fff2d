package org.comunidad.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (the zonky binaries), started from Java with no Docker and
 * no installation. With a data directory its files are kept between runs.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "comunidad";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away server on a free port, for tests. */
    public static PostgresServer ephemeral() {
        return start(EmbeddedPostgres.builder());
    }

    /** A server whose data survive restarts, for the local run. */
    public static PostgresServer persistent(Path dataDirectory, int port) {
        return start(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port));
    }

    private static PostgresServer start(EmbeddedPostgres.Builder builder) {
        if (Boolean.getBoolean("comunidad.benchmark")) {
            // The benchmark reports where PostgreSQL's time goes, per statement.
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        try {
            EmbeddedPostgres postgres = builder
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .start();
            PostgresServer server = new PostgresServer(postgres);
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
