package org.comunidad.platform.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Hears, on a connection of its own, the changes other instances (and plain SQL) make to
 * members, their roles and the communities ({@code LISTEN comunidad_member}; the triggers of
 * migration V17 send the member's id, or {@code *} when any member may be concerned), and evicts
 * them from this instance's {@link AccountCache}. A daemon thread waits on the PostgreSQL driver's
 * {@link PGConnection#getNotifications(int)}; when the connection is lost it reconnects and then
 * empties the whole cache, since notifications sent meanwhile were missed.
 */
@ApplicationScoped
public class AccountChangeListener {

    public static final String CHANNEL = "comunidad_member";

    private static final Logger LOG = Logger.getLogger(AccountChangeListener.class);
    private static final int WAIT_MS = 5_000;

    @Inject
    AccountCache cache;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @ConfigProperty(name = "comunidad.accounts.listen", defaultValue = "true")
    boolean enabled;

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        if (!enabled || url.isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "account-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // shutting down
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the connection is up and listening (until it is, the cache is not used: see {@link #isListening}). */
    public boolean isListening() {
        return listening;
    }

    /** Notifications received so far. */
    public long received() {
        return received.get();
    }

    /** Connections made so far (1 after the start, more after outages). */
    public long connections() {
        return connections.get();
    }

    private void run() {
        long backoff = 200;
        while (running) {
            try (Connection open = connect()) {
                connection = open;
                try (Statement statement = open.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // Whatever changed while nobody listened is unknown: start again from the database.
                cache.trust(true);
                listening = true;
                connections.incrementAndGet();
                backoff = 200;
                PGConnection pg = open.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MS);
                    if (notifications == null || notifications.length == 0) {
                        // Quiet for a while: make sure the connection still answers (a dead peer
                        // otherwise goes unnoticed until the operating system gives up on it).
                        try (Statement ping = open.createStatement()) {
                            ping.setQueryTimeout(5);
                            ping.execute("select 1");
                        }
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        received.incrementAndGet();
                        apply(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                cache.trust(false);
                if (running) {
                    LOG.warnf("account change notifications interrupted (%s); reconnecting", e.getMessage());
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 5_000);
                }
            } finally {
                listening = false;
                cache.trust(false);
                connection = null;
            }
        }
    }

    void apply(String payload) {
        if (payload == null || payload.isBlank() || payload.equals("*")) {
            cache.clear();
            return;
        }
        try {
            cache.evict(Long.parseLong(payload.trim()));
        } catch (NumberFormatException e) {
            cache.clear();
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", String.valueOf(Duration.ofMillis(WAIT_MS).toSeconds() + 10));
        properties.setProperty("ApplicationName", "comunidad-account-listener");
        return DriverManager.getConnection(url.get(), properties);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
