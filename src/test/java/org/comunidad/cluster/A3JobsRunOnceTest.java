package org.comunidad.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.comunidad.testsupport.MailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every scheduled job runs once per due time across the two instances: both instances run every
 * job every few seconds (Cluster.jobSettings), and what users see of each job (an email, a
 * document's text, a removed object) happens exactly once.
 */
@ExtendWith(ClusterExtension.class)
class A3JobsRunOnceTest {

    /** Several due times of every job (2 s, the digest every 5 s, the sweeper every 5 s), on both instances. */
    private static final Duration WATCH = Duration.ofSeconds(30);

    @Test
    void eachJobDoesItsWorkOnceAcrossBothInstances() throws Exception {
        Cluster cluster = Cluster.get();
        long peru = Client.memberId("pf.peru");
        long brasil = Client.memberId("pf.brasil");
        long community = cluster.count("select id from community where slug = 'seguridad'");
        String peruMail = email(cluster, peru);
        String brasilMail = email(cluster, brasil);
        Instant t0 = dbNow(cluster);
        cluster.mail().purge();
        String tag = "cluster-" + System.nanoTime();

        // Both members read email at their verified address; Peru gets reminders and deadline notices at once.
        exec(cluster, "update member set email_verified = true, email_opt_out = false, digest_sent_at = null "
                + "where id in (?, ?)", peru, brasil);
        for (String kind : List.of("MEETING_REMINDER", "TASK_DUE_SOON", "MENTION")) {
            exec(cluster, "insert into notification_setting (member_id, kind, channel) values (?, ?, 'IMMEDIATE') "
                    + "on conflict (member_id, kind) do update set channel = 'IMMEDIATE'", peru, kind);
        }
        // Brasil's digest is due now: their zone is one where it is the digest hour (7:00).
        int offset = Math.floorMod(7 - t0.atOffset(ZoneOffset.UTC).getHour() + 12, 24) - 12;
        String zone = offset == 0 ? "UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
        exec(cluster, "update member set time_zone = ? where id = ?", zone, brasil);
        exec(cluster, "insert into notification_setting (member_id, kind, channel) values (?, 'MEETING_CHANGED', 'DIGEST') "
                + "on conflict (member_id, kind) do update set channel = 'DIGEST'", brasil);
        exec(cluster, "insert into notification (member_id, kind, event_key, community_id, link, excerpt) "
                + "values (?, 'MEETING_CHANGED', ?, ?, '/c/seguridad', ?)", brasil, tag + ":digest", community,
                "digest " + tag);
        // A pending immediate email: Peru was mentioned.
        exec(cluster, "insert into notification (member_id, kind, event_key, community_id, link, excerpt) "
                + "values (?, 'MENTION', ?, ?, '/c/seguridad', 'a mention')", peru, tag + ":mention", community);
        // A meeting starting in two hours, Peru invited: its reminder is due.
        // (The meeting and its invitee in one statement: the job, every 2 s, must not see one without the other.)
        long meeting = insert(cluster, "with m as (insert into meeting (uid, community_id, title, kind, starts_at, ends_at, "
                + "time_zone, organizer_id) values (?, ?, ?, 'VIDEOCONFERENCE', now() + interval '2 hours', "
                + "now() + interval '3 hours', 'America/Lima', ?) returning id) "
                + "insert into meeting_invitee (meeting_id, member_id, country_code) select id, ?, 'PE' from m "
                + "returning meeting_id", tag + "@comunidad", community, "Reunión " + tag, peru, peru);
        // A task of Peru's due in three days: its deadline notice is due.
        long task = insert(cluster, "insert into task (community_id, title, assignee_id, period_text, period_kind, "
                + "period_start, period_end, created_by) values (?, ?, ?, 'en tres días', 'DATE', current_date + 3, "
                + "current_date + 3, ?) returning id", community, "Tarea " + tag, peru, peru);
        // A document whose text is to be extracted, uploaded through the load balancer.
        long document = upload(cluster, tag);
        // An object no row references, older than the sweeper's grace.
        Path orphan = cluster.s3().directory().resolve("comunidad/documents/" + tag + "-orphan");
        Files.createDirectories(orphan.getParent());
        Files.writeString(orphan, "left behind by a crash");
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        long sweepsBefore = logLines(cluster, "sweeper removed");

        Thread.sleep(WATCH.toMillis());

        List<MailServer.Mail> toPeru = cluster.mail().to(peruMail);
        List<MailServer.Mail> toBrasil = cluster.mail().to(brasilMail);
        Cluster.log("emails to Peru: %s", toPeru.stream().map(MailServer.Mail::subject).toList());
        Cluster.log("emails to Brasil: %s", toBrasil.stream().map(MailServer.Mail::subject).toList());
        // The reminder, the deadline notice and the mention: one row each, and one email each.
        assertEquals(1, cluster.count("select count(*) from notification where member_id = ? and kind = 'MEETING_REMINDER' "
                + "and event_key like ?", peru, "%" + meeting + "%"), "one meeting reminder row");
        assertEquals(1, cluster.count("select count(*) from notification where member_id = ? and kind = 'TASK_DUE_SOON' "
                + "and event_key like ?", peru, "task:" + task + ":%"), "one deadline notice row");
        long emailedRows = cluster.count("select count(*) from notification where member_id = ? and emailed_at >= ?",
                peru, java.sql.Timestamp.from(t0));
        Map<String, Long> bySubject = toPeru.stream().collect(Collectors.groupingBy(MailServer.Mail::subject,
                Collectors.counting()));
        Cluster.log("Peru: %d rows emailed since the start, %d emails: %s", emailedRows, toPeru.size(), bySubject);
        assertTrue(emailedRows >= 3, "the mention, the reminder and the deadline notice were emailed: " + emailedRows);
        assertEquals(emailedRows, toPeru.size(), "one email per notification: " + bySubject);
        assertTrue(toPeru.stream().anyMatch(m -> m.text().contains(tag) || m.html().contains(tag)),
                "the meeting's or the task's email arrived");
        // The digest: one, though both instances looked six times.
        // (A digest, not the notification's own email: the channel is DIGEST, and the row says so.)
        assertEquals(1, cluster.count("select count(*) from notification where event_key = ? and email_via = 'DIGEST'",
                tag + ":digest"), "the row went out in a digest");
        List<MailServer.Mail> digests = toBrasil.stream().filter(m -> m.text().contains("digest " + tag)).toList();
        assertEquals(1, digests.size(), "one digest for Brasil: " + toBrasil.stream().map(MailServer.Mail::subject).toList());
        // The text extraction: done, in one attempt.
        assertEquals(1, cluster.count("select count(*) from document_version where document_id = ? "
                + "and text_status <> 'PENDING' and text_attempts = 1", document), "the text was extracted once");
        // The sweeper: the orphan object is gone, removed by one sweep on one instance.
        assertFalse(Files.exists(orphan), "the sweeper removed the orphan object");
        assertEquals(1, logLines(cluster, "sweeper removed") - sweepsBefore, "one sweep removed it");
    }

    private static long upload(Cluster cluster, String tag) {
        String[] csrf = Client.csrf(cluster.lbUrl(), "pf.peru");
        HttpResponse<String> answer = Client.send(HttpRequest.newBuilder(URI.create(cluster.lbUrl()
                + "/c/seguridad-asistencia-victimas/documents/upload?title=" + Client.enc("Informe " + tag)
                + "&type=REPORT&language=es&country=PE"))
                .header("Authorization", "Bearer " + Client.token("pf.peru"))
                .header("Cookie", "csrf-token=" + csrf[0]).header("X-CSRF-TOKEN", csrf[1])
                .header("X-File-Name", tag + ".txt").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("Informe de seguridad " + tag + ": texto para la búsqueda.")));
        assertEquals(201, answer.statusCode(), "upload: " + answer.body());
        return Client.json(answer.body()).get("id").asLong();
    }

    static long logLines(Cluster cluster, String text) throws IOException {
        long n = 0;
        for (int i = 1; i <= 2; i++) {
            try (var lines = Files.lines(cluster.work.resolve("app-" + i + ".log"))) {
                n += lines.filter(l -> l.contains(text)).count();
            }
        }
        return n;
    }

    private static String email(Cluster cluster, long member) throws SQLException {
        try (Connection c = cluster.db(); PreparedStatement s = c.prepareStatement("select email from member where id = ?")) {
            s.setLong(1, member);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static Instant dbNow(Cluster cluster) throws SQLException {
        try (Connection c = cluster.db(); PreparedStatement s = c.prepareStatement("select now()");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    static void exec(Cluster cluster, String sql, Object... args) throws SQLException {
        try (Connection c = cluster.db(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.execute();
        }
    }

    private static long insert(Cluster cluster, String sql, Object... args) throws SQLException {
        try (Connection c = cluster.db(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
