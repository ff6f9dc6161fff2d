package org.comunidad.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.comunidad.platform.demo.DemoContent;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the demo forum (PROSUR's working groups, subgroups, countries, demo officials and
 * what they wrote) into an empty database: every feature's {@link DemoContent}, scripts in
 * order in one transaction, then what scripts cannot load once the object store is ready.
 * Only the local run and the tests enable it; production never does. Runs after Flyway.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    DemoConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Instance<DemoContent> parts;

    private List<DemoContent> ordered() {
        return parts.stream().sorted(Comparator.comparingInt(DemoContent::order)).toList();
    }

    void onStart(@Observes StartupEvent event) throws SQLException, IOException {
        if (!config.enabled()) {
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
                for (DemoContent part : ordered()) {
                    if (part.script() != null) {
                        statement.execute(script(part.script()));
                    }
                }
                connection.commit();
                LOG.info("Demo data loaded: PROSUR working groups, subgroups and demo officials");
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** After the demo forum itself and the bucket exist (StorageStartup). */
    void afterStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (config.enabled()) {
            ordered().forEach(DemoContent::loadAfterScripts);
        }
    }

    private static String script(String name) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
