package org.comunidad.platform.resilience;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.sql.SQLException;

import org.comunidad.platform.web.UnavailablePages;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Which failures mean "the database is out of reach" (503, try again) and which are a fault of the
 * request or of ours (not hidden behind a 503): the classification the error mapper uses.
 */
class DatabaseFailuresTest {

    @Test
    void anUnreachableDatabaseIsRecognisedHoweverItIsWrapped() {
        assertTrue(UnavailablePages.databaseUnreachable(
                new JDBCConnectionException("could not open", new SQLException("Connection refused", "08001"))));
        // Agroal's pool, no connection within the acquisition timeout, as Hibernate wraps it.
        assertTrue(UnavailablePages.databaseUnreachable(new jakarta.persistence.PersistenceException(
                new GenericJDBCException("Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!")))));
        // A connection lost in the middle of a statement (the driver's I/O error, 08006).
        assertTrue(UnavailablePages.databaseUnreachable(new GenericJDBCException("could not execute",
                new SQLException("An I/O error occurred while sending to the backend.", "08006",
                        new SocketTimeoutException("Read timed out")))));
        // The server shutting down under the request.
        assertTrue(UnavailablePages.databaseUnreachable(
                new GenericJDBCException("x", new SQLException("terminating connection due to administrator command", "57P01"))));
        // The server going away at the commit: Narayana's RollbackException carries the reason as suppressed
        // (what A7's PostgreSQL restart answered 500 for).
        jakarta.transaction.RollbackException commit = new jakarta.transaction.RollbackException(
                "ARJUNA016053: Could not commit transaction.");
        javax.transaction.xa.XAException xa = new javax.transaction.xa.XAException("Error trying to transactionCommit");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        commit.addSuppressed(xa);
        assertTrue(UnavailablePages.databaseUnreachable(new RuntimeException("Error invoking subclass method", commit)));
        assertTrue(UnavailablePages.databaseUnreachable(new io.quarkus.arc.ArcUndeclaredThrowableException(commit)));
    }

    /**
     * Every wrapper a failed commit reaches the routes in has an exception mapper that classifies it:
     * without one, the exception went straight to a 500 (A7: a page's commit during a PostgreSQL restart,
     * a RollbackException wrapped by Arc's interceptor chain).
     */
    @Test
    void everyWrapperOfAFailedCommitIsMapped() {
        java.util.Set<Class<?>> mapped = new java.util.HashSet<>();
        for (java.lang.reflect.Method m : UnavailablePages.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(org.jboss.resteasy.reactive.server.ServerExceptionMapper.class)) {
                mapped.add(m.getParameterTypes()[0]);
            }
        }
        for (Class<?> wrapper : java.util.List.of(jakarta.persistence.PersistenceException.class,
                jakarta.transaction.TransactionalException.class, io.quarkus.arc.ArcUndeclaredThrowableException.class)) {
            assertTrue(mapped.contains(wrapper), wrapper.getName() + " has a mapper: " + mapped);
        }
    }

    @Test
    void faultsOfTheRequestOrOfOursAreNot() {
        assertFalse(UnavailablePages.databaseUnreachable(new ConstraintViolationException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505"), "uk")));
        assertFalse(UnavailablePages.databaseUnreachable(new GenericJDBCException("syntax",
                new SQLException("syntax error at or near", "42601"))));
        assertFalse(UnavailablePages.databaseUnreachable(new jakarta.persistence.PersistenceException("no cause")));
        // A commit refused for a reason of ours (a constraint at flush) is not an outage.
        jakarta.transaction.RollbackException refused = new jakarta.transaction.RollbackException("rolled back");
        refused.addSuppressed(new ConstraintViolationException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505"), "uk"));
        assertFalse(UnavailablePages.databaseUnreachable(refused));
    }
}
