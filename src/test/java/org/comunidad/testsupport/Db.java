package org.comunidad.testsupport;

import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * SQL from tests, each call in a transaction of its own (committed before the next HTTP request
 * reads it). Static, so that fixtures of the access matrices and the data builders reach the
 * database without a test instance; only inside a running {@code @QuarkusTest}.
 */
public final class Db {

    private Db() {
    }

    public static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }

    public static void run(Consumer<EntityManager> work) {
        QuarkusTransaction.requiringNew().run(() -> work.accept(em()));
    }

    public static <T> T call(Function<EntityManager, T> work) {
        return QuarkusTransaction.requiringNew().call(() -> work.apply(em()));
    }

    /** Runs an insert, update or delete with positional parameters ?1, ?2...; returns the rows changed. */
    public static int update(String sql, Object... params) {
        return call(em -> bind(em.createNativeQuery(sql), params).executeUpdate());
    }

    /** The single number a query returns (a count, an id, {@code insert ... returning id}). */
    public static long number(String sql, Object... params) {
        return call(em -> ((Number) bind(em.createNativeQuery(sql), params).getSingleResult()).longValue());
    }

    /** The single value a query returns. */
    public static Object value(String sql, Object... params) {
        return call(em -> bind(em.createNativeQuery(sql), params).getSingleResult());
    }

    /** The id of a community. */
    public static long community(String slug) {
        return number("select id from community where slug = ?1", slug);
    }

    /** The id of a member. */
    public static long member(String username) {
        return number("select id from member where username = ?1", username);
    }

    /** Sets positional parameters ?1, ?2... in order. */
    public static Query bind(Query query, Object... params) {
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }
}
