package org.comunidad.ops.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.comunidad.testsupport.Ports;
import org.junit.jupiter.api.Test;

/**
 * Point-in-time recovery with PostgreSQL 15's own tools, as CloudNativePG does it with its
 * object store (deploy/README.md, "Backup and restore"): WAL archiving to a folder, a base
 * backup (pg_basebackup), writes before and after an instant T; the base backup restored into
 * a new data folder replays the archive up to T, and holds every row committed before T and
 * none committed after.
 */
class PointInTimeRecoveryIT {

    @Test
    void aBaseBackupAndTheArchivedWalRecoverTheDatabaseAsItWasAtT() throws Exception {
        assertNull(Pg15.missing(), "PostgreSQL 15's programs");
        long started = System.nanoTime();
        Path work = Pg15.workDir(AppProcess.projectDir(), "pitr");
        Shell.deleteTree(work);
        Files.createDirectories(work);
        Path archive = work.resolve("wal-archive");
        Path base = work.resolve("base-backup");
        Files.createDirectories(archive);

        String target;
        try (Pg15 primary = Pg15.init(work.resolve("primary"), Ports.free())) {
            Files.createDirectories(base);
            primary.own(archive);
            primary.own(base);
            primary.configure("wal_level = replica", "archive_mode = on",
                    "archive_command = 'test ! -f " + archive + "/%f && cp %p " + archive + "/%f'");
            primary.start(Duration.ofMinutes(1));
            try (Connection c = primary.connect("postgres"); Statement s = c.createStatement()) {
                s.execute("create table ledger (id bigint generated always as identity primary key, note text not null, "
                        + "at timestamptz not null default clock_timestamp())");
                insert(s, "before the base backup", 100);
            }
            primary.runAsServer(List.of(Pg15.BIN.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p",
                    String.valueOf(primary.port()), "-U", "postgres", "-D", base.toString(), "-X", "stream",
                    "--checkpoint=fast", "--no-sync"), Duration.ofMinutes(2));
            try (Connection c = primary.connect("postgres"); Statement s = c.createStatement()) {
                insert(s, "after the base backup, before T", 50);
                Thread.sleep(1100);
                target = single(s, "select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'");
                Thread.sleep(1100);
                insert(s, "after T", 30);
                s.execute("update ledger set note = note || ' (changed after T)' where id <= 10");
                s.execute("delete from ledger where id between 11 and 20");
                // Close the WAL segment of these writes, and wait until it is archived.
                String last = single(s, "select pg_walfile_name(pg_switch_wal())");
                long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (!Files.exists(archive.resolve(last))) {
                    assertTrue(System.nanoTime() < deadline, "segment " + last + " archived");
                    Thread.sleep(200);
                }
            }
        }
        // The primary is gone; only the base backup and the archive remain.

        Path restored = work.resolve("restored");
        Shell.run(List.of("cp", "-a", base.toString(), restored.toString()), java.util.Map.of(), Duration.ofMinutes(1));
        Files.createFile(restored.resolve("recovery.signal"));
        try (Pg15 recovered = Pg15.existing(restored, Ports.free())) {
            recovered.configure("restore_command = 'cp " + archive + "/%f %p'",
                    "recovery_target_time = '" + target + "'", "recovery_target_action = 'promote'");
            recovered.start(Duration.ofMinutes(2));
            try (Connection c = recovered.connect("postgres"); Statement s = c.createStatement()) {
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while ("t".equals(single(s, "select pg_is_in_recovery()"))) {
                    assertTrue(System.nanoTime() < deadline, "recovery ends at T and the server is promoted");
                    Thread.sleep(200);
                }
                assertEquals(List.of("after the base backup, before T=50", "before the base backup=100"),
                        rows(s, "select note || '=' || count(*) from ledger group by note order by note"));
                assertEquals("0", single(s, "select count(*) from ledger where at > '" + target + "'"));
                assertEquals("150", single(s, "select count(*) from ledger"));
                assertFalse(single(s, "select string_agg(note, ',') from ledger").contains("changed after T"));
                // The recovered server is a primary again: it takes writes.
                insert(s, "after the recovery", 1);
            }
            // Recovery stopped at T, at the first transaction committed after it (the 30 inserts).
            assertTrue(recovered.tail().contains("recovery stopping before commit"), recovered.tail());
            System.out.printf("PITR to %s: 150 rows before T kept, 30 inserted + 10 updated + 10 deleted after T undone; %d s%n",
                    target, (System.nanoTime() - started) / 1_000_000_000L);
        }
    }

    private static void insert(Statement s, String note, int rows) throws SQLException {
        s.execute("insert into ledger (note) select '" + note + "' from generate_series(1, " + rows + ")");
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
