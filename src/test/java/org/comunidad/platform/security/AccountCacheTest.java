package org.comunidad.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The member and their grants are cached per instance (issue 16) and every change reaches the
 * next request at once: made by another instance or by hand in plain SQL (another connection,
 * PostgreSQL's NOTIFY from the V17 triggers), or by this instance (evicted at the commit).
 */
@QuarkusTest
class AccountCacheTest {

    static final String GROUP = "/c/seguridad";

    @Inject
    AccountCache cache;

    @Inject
    AccountChangeListener listener;

    @Inject
    @PersistenceUnitExtension
    AccountWrites writes;

    @Inject
    SqlStatements sql;

    /** A connection of its own, as another instance of the app (or an operator with psql) has. */
    static Connection otherConnection() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    static int execute(Connection connection, String statement, Object... params) throws SQLException {
        try (PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                prepared.setObject(i + 1, params[i]);
            }
            return prepared.execute() ? 0 : prepared.getUpdateCount();
        }
    }

    /** Asks until the answer is the expected one; returns how long that took (ms), failing after 1 s. */
    static long within1s(int expected, IntSupplier status, String what) {
        long start = System.nanoTime();
        int last;
        do {
            last = status.getAsInt();
            if (last == expected) {
                return (System.nanoTime() - start) / 1_000_000;
            }
        } while (System.nanoTime() - start < 1_000_000_000L);
        throw new AssertionError(what + ": still " + last + " after 1 s, expected " + expected);
    }

    @Test
    void aWarmRequestReadsNoMemberAndNoGrants() {
        waitListening();
        Persona.GROUP_MEMBER.request().get("/api/communities").then().statusCode(200);
        assertNotNull(cache.member(subject("pf.colombia")), "cached after the first request");
        long me = sql.steady(() -> Persona.GROUP_MEMBER.request().get("/api/me").then().statusCode(200));
        System.out.printf("GET /api/me with a warm cache: %d SQL statements%n", me);
        assertEquals(1, me, "only the profile /api/me shows: neither the member nor the grants are read again");
    }

    @Test
    void aRoleRemovedFromAnotherConnectionIsRefusedOnTheNextRequest() throws SQLException {
        waitListening();
        long colombia = Db.member("pf.colombia");
        assertEquals(200, Persona.GROUP_MEMBER.request().get(GROUP).statusCode());
        assertNotNull(cache.grants(colombia), "the grants are cached");
        List<Object[]> saved = new ArrayList<>();
        try (Connection other = otherConnection()) {
            try (PreparedStatement select = other.prepareStatement(
                    "select community_id, role, country_code from membership where member_id = ?")) {
                select.setLong(1, colombia);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        saved.add(new Object[] { rows.getLong(1), rows.getString(2), rows.getString(3) });
                    }
                }
            }
            assertFalse(saved.isEmpty());
            long notifications = listener.received();
            try {
                execute(other, "delete from membership where member_id = ?", colombia);
                long took = within1s(404, () -> Persona.GROUP_MEMBER.request().get(GROUP).statusCode(),
                        "a member removed by another instance");
                System.out.printf("removed from another connection: refused after %d ms%n", took);
                assertTrue(listener.received() > notifications, "heard through NOTIFY");
            } finally {
                for (Object[] row : saved) {
                    execute(other, "insert into membership (community_id, member_id, role, country_code) values (?, ?, ?, ?)",
                            row[0], colombia, row[1], row[2]);
                }
            }
            within1s(200, () -> Persona.GROUP_MEMBER.request().get(GROUP).statusCode(), "the role given back");
        }
    }

    @Test
    void anAccountDisabledFromAnotherConnectionIsRefusedOnTheNextRequest() throws SQLException {
        waitListening();
        long colombia = Db.member("pf.colombia");
        assertEquals(200, Persona.GROUP_MEMBER.request().get(GROUP).statusCode());
        try (Connection other = otherConnection()) {
            try {
                execute(other, "update member set disabled_at = now() where id = ?", colombia);
                within1s(403, () -> Persona.GROUP_MEMBER.request().get(GROUP).statusCode(), "a disabled account");
            } finally {
                execute(other, "update member set disabled_at = null where id = ?", colombia);
            }
            within1s(200, () -> Persona.GROUP_MEMBER.request().get(GROUP).statusCode(), "enabled again");
        }
    }

    @Test
    void aLanguageChosenElsewhereShowsOnTheNextRequest() throws SQLException {
        waitListening();
        long peru = Db.member("pf.peru");
        Object before = Db.value("select language from member where id = ?1", peru);
        Persona.MEMBER.request().get("/api/me").then().statusCode(200);
        try (Connection other = otherConnection()) {
            try {
                execute(other, "update member set language = 'pt' where id = ?", peru);
                within1s(1, () -> Persona.MEMBER.request().get("/api/me").jsonPath().getString("language").equals("pt")
                        ? 1 : 0, "the language chosen in another instance");
            } finally {
                execute(other, "update member set language = ? where id = ?", before, peru);
            }
        }
    }

    @Test
    void thisInstancesWritesEvictAtTheCommitNotBefore() {
        waitListening();
        Persona.GROUP_MEMBER.request().get("/api/me").then().statusCode(200);
        String colombia = subject("pf.colombia");
        assertNotNull(cache.member(colombia));
        long clears = writes.clears();
        QuarkusTransaction.requiringNew().run(() -> {
            Db.em().createNativeQuery("update membership set country_code = country_code where member_id = ?1")
                    .setParameter(1, Db.member("pf.colombia")).executeUpdate();
            assertNotNull(cache.member(colombia), "not before the commit: other requests still see the old state");
            assertEquals(clears, writes.clears());
        });
        assertEquals(clears + 1, writes.clears(), "evicted by the commit itself, not only by the NOTIFY that follows");
        assertNull(cache.member(colombia));
    }

    @Test
    void aRolledBackWriteEvictsNothingHere() {
        waitListening();
        Persona.GROUP_MEMBER.request().get("/api/me").then().statusCode(200);
        long clears = writes.clears();
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Db.em().createNativeQuery("update member set display_name = display_name where username = 'pf.colombia'")
                    .executeUpdate();
            QuarkusTransaction.setRollbackOnly();
        }));
        assertEquals(clears, writes.clears());
    }

    @Test
    void afterALostConnectionTheListenerComesBackAndForgetsEverything() throws SQLException {
        waitListening();
        Persona.GROUP_MEMBER.request().get("/api/me").then().statusCode(200);
        assertTrue(cache.size() > 0);
        long connections = listener.connections();
        try (Connection other = otherConnection()) {
            execute(other, "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?",
                    "comunidad-account-listener");
        }
        long start = System.nanoTime();
        while (listener.connections() == connections && System.nanoTime() - start < 10_000_000_000L) {
            Thread.onSpinWait();
        }
        assertEquals(connections + 1, listener.connections(), "reconnected");
        assertEquals(0, cache.size(), "what was cached before the outage is gone: notifications may have been missed");
        Persona.GROUP_MEMBER.request().get("/api/me").then().statusCode(200);
        assertTrue(cache.size() > 0, "and it caches again");
    }

    @Test
    void whatCountsAsAWriteToAccounts() {
        assertTrue(AccountWrites.touchesAccounts("delete from membership where community_id=? and member_id=?"));
        assertTrue(AccountWrites.touchesAccounts("insert into membership (community_id,member_id,role) values (?,?,?)"));
        assertTrue(AccountWrites.touchesAccounts("update member m1_0 set disabled_at=? where m1_0.id=?"));
        assertTrue(AccountWrites.touchesAccounts(
                "update member set display_name=?,email=?,last_seen_at=? where id=?"));
        assertTrue(AccountWrites.touchesAccounts("update community set parent_id=? where id=?"));
        assertFalse(AccountWrites.touchesAccounts("update member set digest_sent_at = ?2 where id = ?1"));
        assertFalse(AccountWrites.touchesAccounts("update member set email_opt_out = true where id = ?1"));
        assertFalse(AccountWrites.touchesAccounts("select m.id from member m join membership ms on ms.member_id=m.id"));
        assertFalse(AccountWrites.touchesAccounts("insert into community_tab_visit (member_id) values (?)"));
        assertFalse(AccountWrites.touchesAccounts("update member_note set text=? where id=?"));
    }

    private void waitListening() {
        long start = System.nanoTime();
        while (!listener.isListening() && System.nanoTime() - start < 10_000_000_000L) {
            Thread.onSpinWait();
        }
        assertTrue(listener.isListening(), "the listener is connected");
    }

    private static String subject(String username) {
        return (String) Db.value("select subject from member where username = ?1", username);
    }
}
