package org.comunidad.testsupport;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;

import io.agroal.api.AgroalPoolInterceptor;

/**
 * Counts the app's database transactions two ways: the JTA transactions begun (Narayana's
 * {@code @Initialized(TransactionScoped.class)} event) and the connections taken from the pool
 * (Agroal), which also counts statements run outside any JTA transaction (each its own
 * transaction in PostgreSQL, autocommit). A page that runs in one transaction shows 1 and 1.
 */
@ApplicationScoped
public class Transactions implements AgroalPoolInterceptor {

    /** What one action did. */
    public record Count(long begun, long connections) {
    }

    private final AtomicLong begun = new AtomicLong();
    private final AtomicLong acquired = new AtomicLong();

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        begun.incrementAndGet();
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        acquired.incrementAndGet();
    }

    /** The transactions while the action runs (the whole app's: background work can add to one run). */
    public Count during(Runnable action) {
        long b = begun.get();
        long a = acquired.get();
        action.run();
        return new Count(begun.get() - b, acquired.get() - a);
    }

    /** As {@link #during}, the fewest of up to three runs of an idempotent request (see SqlStatements#steady). */
    public Count steady(Runnable action) {
        Count first = during(action);
        Count second = during(action);
        if (first.equals(second)) {
            return first;
        }
        Count third = during(action);
        return new Count(Math.min(first.begun(), Math.min(second.begun(), third.begun())),
                Math.min(first.connections(), Math.min(second.connections(), third.connections())));
    }
}
