package org.comunidad.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the demo forum (PROSUR's working groups, subgroups, countries and demo
 * officials) into an empty database. Only the local run and the tests enable it;
 * production never does. Runs after Flyway has migrated the schema.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String SCRIPT = "demo/prosur-demo.sql";

    @ConfigProperty(name = "comunidad.demo.enabled")
    boolean enabled;

    @Inject
    AgroalDataSource dataSource;

    void onStart(@Observes StartupEvent event) throws SQLException, IOException {
        if (!enabled) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // One loader at a time, even with several replicas starting together.
                statement.execute("select pg_advisory_xact_lock(7262001)");
                try (ResultSet rs = statement.executeQuery("select count(*) from forum where code = 'prosur'")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        connection.rollback();
                        return;
                    }
                }
                statement.execute(script());
                connection.commit();
                LOG.info("Demo data loaded: PROSUR working groups, subgroups and demo officials");
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static String script() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("missing " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
