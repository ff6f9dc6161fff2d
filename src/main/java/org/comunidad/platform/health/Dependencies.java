package org.comunidad.platform.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.comunidad.platform.storage.ObjectStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Whether the database and the object store can be reached now, as readiness, the fail-fast
 * request filter and the object store client see it. Each is probed every
 * comunidad.health.probe-every on its own thread: the database on one connection of its own (not
 * the pool's, so that a pool exhausted by a busy minute is not taken for an outage), the object
 * store by asking whether the bucket exists. A request that finds either broken marks it down at
 * once. Reading the state is a volatile read: nothing is added to a request while both are up.
 * <p>
 * When the database goes down, every pooled connection is dropped (those in use too: a request
 * blocked on a connection whose server no longer answers gets an error instead of waiting for the
 * socket timeout); the pool opens new ones when it is back, so service resumes without a restart.
 */
@ApplicationScoped
public class Dependencies {

    private static final Logger LOG = Logger.getLogger(Dependencies.class);

    /** While a part is down, a verdict younger than this is reused by a request (a burst does not wait for a probe each). */
    private static final Duration FRESH = Duration.ofMillis(100);

    @Inject
    HealthConfig config;

    @Inject
    ObjectStore store;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    java.util.Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> password;

    private ScheduledExecutorService timer;
    private ExecutorService probes;
    private Probe database;
    private Probe objectStore;

    private final ReentrantLock probeConnectionLock = new ReentrantLock();
    private Connection probeConnection;

    /** The probes run from the start (observing the event creates the bean). */
    void onStart(@Observes StartupEvent event) {
        LOG.debugf("probing the database and the object store every %s", config.probeEvery());
    }

    @PostConstruct
    void start() {
        probes = Executors.newCachedThreadPool(daemons("comunidad-probe"));
        database = new Probe("database", this::databaseAnswers, probes, config.probeTimeout(), this::databaseChanged);
        objectStore = new Probe("object store", store::probe, probes, config.probeTimeout(), up -> {
        });
        store.gate(new ObjectStore.Gate() {
            @Override
            public boolean up() {
                return objectStore.up();
            }

            @Override
            public boolean usable() {
                return objectStoreUsable();
            }

            @Override
            public void failed() {
                objectStoreFailed();
            }
        });
        timer = Executors.newSingleThreadScheduledExecutor(daemons("comunidad-probes"));
        long every = config.probeEvery().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            database.probe();
            objectStore.probe();
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        store.gate(null);
        timer.shutdownNow();
        probes.shutdownNow();
        closeProbeConnection();
    }

    /** Readiness: the database answered the last probe. */
    public boolean databaseUp() {
        return database.up();
    }

    /** Readiness: the object store answered the last probe. */
    public boolean objectStoreUp() {
        return objectStore.up();
    }

    /**
     * A request that needs the database may go on: at once while it is up; while it is down, after
     * waiting at most comunidad.health.await-verdict for a fresh probe.
     */
    public boolean databaseUsable() {
        return database.usable(config.awaitVerdict(), FRESH, mayBlock());
    }

    /** The same for the object store. */
    public boolean objectStoreUsable() {
        return objectStore.usable(config.awaitVerdict(), FRESH, mayBlock());
    }

    /** Asks for a probe of the database now (joins the running one), without waiting for it. */
    public void databaseProbe() {
        database.probe();
    }

    /** A request found the database unreachable: down now, until a probe finds it back. */
    public void databaseFailed() {
        database.failed();
    }

    /** A request found the object store unreachable. */
    public void objectStoreFailed() {
        objectStore.failed();
    }

    /** The Retry-After of the answers given while a dependency is down, in seconds. */
    public long retryAfterSeconds() {
        return Math.max(1, config.retryAfter().toSeconds());
    }

    private static boolean mayBlock() {
        return !io.vertx.core.Context.isOnEventLoopThread();
    }

    private void databaseChanged(boolean up) {
        if (!up) {
            // Drop every pooled connection now (in use too): none of them can answer.
            probes.execute(() -> {
                try {
                    dataSource.flush(AgroalDataSource.FlushMode.ALL);
                } catch (RuntimeException e) {
                    LOG.debugf(e, "flushing the pool");
                }
            });
        }
    }

    /** The database probe: an empty round trip on a connection of its own, opened again after a failure. */
    private boolean databaseAnswers() {
        // A probe still stuck on the previous connection means no answer: not another one beside it.
        if (!probeConnectionLock.tryLock()) {
            return false;
        }
        try {
            int seconds = (int) Math.max(1, config.probeTimeout().toSeconds());
            if (probeConnection == null || probeConnection.isClosed()) {
                probeConnection = connect(seconds);
            }
            if (probeConnection.isValid(seconds)) {
                return true;
            }
            closeProbeConnection();
            return false;
        } catch (SQLException e) {
            closeProbeConnection();
            return false;
        } finally {
            probeConnectionLock.unlock();
        }
    }

    private Connection connect(int seconds) throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("connectTimeout", String.valueOf(seconds));
        properties.setProperty("loginTimeout", String.valueOf(seconds));
        properties.setProperty("socketTimeout", String.valueOf(seconds + 1));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "comunidad-probe");
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL address: " + jdbcUrl);
        }
        return connection;
    }

    private void closeProbeConnection() {
        Connection connection = probeConnection;
        probeConnection = null;
        if (connection != null) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                // Already broken.
            }
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
