package org.comunidad.platform.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * One dependency's state, kept by a probe: "up" is a volatile read, so the checks on the happy
 * path cost nothing. A probe runs on its own thread with a deadline; no answer within the
 * deadline is "down" (a server that accepts connections and never answers hangs a client for
 * as long as its own timeouts allow; the verdict does not wait for them).
 */
final class Probe {

    private static final Logger LOG = Logger.getLogger(Probe.class);

    private final String name;
    private final BooleanSupplier check;
    private final Executor executor;
    private final Duration timeout;
    private final Consumer<Boolean> onChange;

    private volatile boolean up = true;
    private volatile long verdictAt = System.nanoTime();
    private volatile long downSince;
    private CompletableFuture<Boolean> inFlight;
    private long inFlightSince;

    /** A probe running longer than this is hanging (a blackholed server): a request does not wait for it. */
    private static final long HANGING_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    Probe(String name, BooleanSupplier check, Executor executor, Duration timeout, Consumer<Boolean> onChange) {
        this.name = name;
        this.check = check;
        this.executor = executor;
        this.timeout = timeout;
        this.onChange = onChange;
    }

    String name() {
        return name;
    }

    boolean up() {
        return up;
    }

    /** When the dependency was last found down (System.nanoTime), 0 if it never was. */
    long downSince() {
        return downSince;
    }

    /** Starts a probe unless one is running; the running or new probe's verdict. */
    synchronized CompletableFuture<Boolean> probe() {
        if (inFlight != null && !inFlight.isDone()) {
            return inFlight;
        }
        CompletableFuture<Boolean> started = CompletableFuture.supplyAsync(() -> {
            try {
                return check.getAsBoolean();
            } catch (RuntimeException e) {
                LOG.debugf(e, "%s probe failed", name);
                return false;
            }
        }, executor).completeOnTimeout(false, timeout.toNanos(), TimeUnit.NANOSECONDS);
        started.thenAccept(this::verdict);
        inFlight = started;
        inFlightSince = System.nanoTime();
        return started;
    }

    /**
     * Whether the dependency may be used now. Up: at once. Down: the verdict of a probe newer than
     * {@code minAge}, waited for at most {@code wait} (never on an I/O thread), so that a server that
     * has come back serves the request; otherwise false. A probe already hanging is not waited for.
     */
    boolean usable(Duration wait, Duration minAge, boolean mayBlock) {
        if (up) {
            return true;
        }
        if (!mayBlock) {
            return false;
        }
        CompletableFuture<Boolean> verdict;
        synchronized (this) {
            boolean running = inFlight != null && !inFlight.isDone();
            if (running && System.nanoTime() - inFlightSince > HANGING_NANOS) {
                // The server is not answering the probe: it would not answer this request either.
                return false;
            }
            if (!running && System.nanoTime() - verdictAt < minAge.toNanos()) {
                return up;
            }
            verdict = probe();
        }
        try {
            return verdict.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A request found the dependency broken: down at once, and a probe decides when it is back. */
    void failed() {
        verdict(false);
        probe();
    }

    private void verdict(boolean reachable) {
        boolean was;
        synchronized (this) {
            was = up;
            up = reachable;
            verdictAt = System.nanoTime();
            if (was && !reachable) {
                downSince = verdictAt;
            }
        }
        if (was != reachable) {
            if (reachable) {
                LOG.infof("%s reachable again after %d ms", name,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSince));
            } else {
                LOG.warnf("%s unreachable: requests that need it are answered 503 until it is back", name);
            }
            onChange.accept(reachable);
        }
    }
}
