package org.comunidad.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.comunidad.platform.notice.NoticeAttachment;
import org.comunidad.platform.notice.NoticeKind;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.platform.web.Languages;
import org.comunidad.platform.web.SiteConfig;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.scheduler.Scheduled;

/**
 * Notifications by email, from the notification rows (an outbox: a row is the truth, the
 * email follows). Each row is emailed at most once: at once (mentions, join decisions,
 * assignments and accepted invitations by default) or in the daily digest (everything
 * else), as each member chose; a row read in the app before its digest is skipped. Rows
 * are claimed with {@code for update skip locked}, so replicas never send the same one.
 * Only an address Keycloak verified is written to (email_verified in the member's token):
 * until then the rows wait, and the bell shows them.
 */
@ApplicationScoped
public class Emails {

    private static final Logger LOG = Logger.getLogger(Emails.class);
    private static final int BATCH = 50;
    /** A notification older than this is not emailed at once any more (it waits for no one). */
    private static final String IMMEDIATE_WINDOW = "2 days";
    private static final String DIGEST_WINDOW = "8 days";
    /** The columns of a {@link Line}, from the notification {@code n}, its actor {@code a} and community {@code c}. */
    private static final String LINE = """
            n.id as id, n.kind as kind, a.display_name as actor, c.name_es as name_es, c.name_pt as name_pt,
                   c.name_en as name_en, n.link as link, n.excerpt as excerpt, n.created_at as created_at""";

    public enum Channel {
        IMMEDIATE, DIGEST, NONE
    }

    /** One notification as an email shows it ({@code kind} null: a kind no feature sends any more). */
    public record Line(long id, NoticeKind kind, String actor, Localized community, String link,
            String excerpt, OffsetDateTime at) {
    }

    /** A recipient with what the email needs to know about them. */
    public record Recipient(long memberId, String email, String name, String language, ZoneId zone) {
        public Locale locale() {
            return Locale.forLanguageTag(language);
        }
    }

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance notificationText(Recipient recipient, Line line, String title, String baseUrl,
                String unsubscribe, String preferences);

        static native TemplateInstance notificationHtml(Recipient recipient, Line line, String title,
                String baseUrl, String unsubscribe, String preferences);

        static native TemplateInstance digestText(Recipient recipient, List<Line> lines, Map<Line, String> titles,
                String baseUrl, String unsubscribe, String preferences);

        static native TemplateInstance digestHtml(Recipient recipient, List<Line> lines, Map<Line, String> titles,
                String baseUrl, String unsubscribe, String preferences);
    }

    @Inject
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    UnsubscribeLinks links;

    @Inject
    Notifications notifications;

    @Inject
    KnownKinds kinds;

    @Inject
    SiteConfig site;

    @Inject
    MailConfig mail;

    @Inject
    Instance<NoticeAttachment> attachments;

    @Scheduled(every = "${comunidad.mail.immediate-every}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void immediateScheduled() {
        sendImmediate();
    }

    @Scheduled(cron = "${comunidad.schedule.digest}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DigestSwitch.class)
    void digestScheduled() {
        sendDigests(Instant.now(), false);
    }

    /** Off in the tests, which run the digest themselves. */
    @ApplicationScoped
    public static class DigestSwitch implements Scheduled.SkipPredicate {
        @Inject
        MailConfig mail;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return "off".equals(mail.immediateEvery());
        }
    }

    /**
     * The email channel of the notification row {@code n}: the member's choice, else the kind's
     * default (names of kinds are declared in code, never typed by users).
     */
    String channelSql() {
        String atOnce = kinds.atOnce().stream().map(k -> "'" + k.replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        return "coalesce((select s.channel from notification_setting s where s.member_id = n.member_id "
                + "and s.kind = n.kind), case when n.kind in (" + atOnce + ") then 'IMMEDIATE' else 'DIGEST' end)";
    }

    /** Sends every pending immediate email; returns how many went out. */
    public int sendImmediate() {
        int sent = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(this::immediateBatch);
            sent += batch;
            if (batch < BATCH) {
                return sent;
            }
        }
    }

    private int immediateBatch() {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                with claimed as (
                    update notification n set emailed_at = now(), email_via = 'IMMEDIATE'
                    where n.id in (
                        select n.id from notification n
                        join member m on m.id = n.member_id
                        where n.emailed_at is null and n.created_at > now() - interval '%s'
                          and m.email is not null and m.email_verified and not m.email_opt_out and m.disabled_at is null
                          and %s = 'IMMEDIATE'
                        order by n.id limit %d
                        for update of n skip locked)
                    returning n.*)
                select %s, n.event_key as event_key,
                       m.id as member_id, m.email as email, m.display_name as name, m.language as language,
                       m.time_zone as time_zone
                from claimed n join member m on m.id = n.member_id
                left join member a on a.id = n.actor_id left join community c on c.id = n.community_id
                order by n.id""".formatted(IMMEDIATE_WINDOW, channelSql(), BATCH, LINE), Tuple.class).getResultList();
        for (Tuple row : rows) {
            Recipient recipient = recipient(row);
            Line line = line(row);
            String title = NotificationTexts.title(recipient.language(), line.kind(), line.actor());
            String unsubscribe = links.unsubscribe(recipient.memberId(), line.kind());
            String preferences = base() + "/profile#email";
            Mail mail = Mail.withText(recipient.email(), title,
                    Templates.notificationText(recipient, line, title, base(), unsubscribe, preferences)
                            .setLocale(recipient.locale()).render())
                    .setHtml(Templates.notificationHtml(recipient, line, title, base(), unsubscribe, preferences)
                            .setLocale(recipient.locale()).render());
            attach(mail, line, row.get("event_key", String.class), recipient);
            send(mail, unsubscribe);
        }
        return rows.size();
    }

    /**
     * Sends the daily digest to every member whose local time is the digest hour (or to
     * everyone due, with {@code anyHour}) and who has something not yet emailed. Returns the
     * number of digests sent.
     */
    public int sendDigests(Instant now, boolean anyHour) {
        @SuppressWarnings("unchecked")
        List<Tuple> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select distinct m.id as member_id, m.time_zone as time_zone from notification n
                join member m on m.id = n.member_id
                where n.emailed_at is null and n.created_at > now() - interval '%s'
                  and m.email is not null and m.email_verified and not m.email_opt_out and m.disabled_at is null
                  and (m.digest_sent_at is null or m.digest_sent_at < ?1)
                  and %s = 'DIGEST'""".formatted(DIGEST_WINDOW, channelSql()), Tuple.class)
                .setParameter(1, OffsetDateTime.ofInstant(now.minusSeconds(20 * 3600), ZoneId.of("UTC")))
                .getResultList());
        int sent = 0;
        for (Tuple row : due) {
            long memberId = row.get("member_id", Long.class);
            if (!anyHour && now.atZone(zone(row.get("time_zone", String.class))).getHour() != mail.digestHour()) {
                continue;
            }
            try {
                if (QuarkusTransaction.requiringNew().call(() -> digest(memberId, now))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("digest for member %d not sent (will retry): %s", memberId, e.getMessage());
            }
        }
        return sent;
    }

    private boolean digest(long memberId, Instant now) {
        // The member's row is the lock: two replicas never build the same digest.
        @SuppressWarnings("unchecked")
        List<Tuple> member = em.createNativeQuery("""
                select id as member_id, email, display_name as name, language, time_zone from member
                where id = ?1 and email is not null and email_verified and (digest_sent_at is null or digest_sent_at < ?2) for update skip locked""", Tuple.class)
                .setParameter(1, memberId)
                .setParameter(2, OffsetDateTime.ofInstant(now.minusSeconds(20 * 3600), ZoneId.of("UTC")))
                .getResultList();
        if (member.isEmpty()) {
            return false;
        }
        Recipient recipient = recipient(member.get(0));
        // Read in the app already: not worth an email.
        em.createNativeQuery("""
                update notification n set emailed_at = now(), email_via = 'SKIPPED'
                where n.member_id = ?1 and n.emailed_at is null and n.read_at is not null
                  and %s = 'DIGEST'""".formatted(channelSql()))
                .setParameter(1, memberId).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                with claimed as (
                    update notification n set emailed_at = now(), email_via = 'DIGEST'
                    where n.id in (
                        select n.id from notification n
                        where n.member_id = ?1 and n.emailed_at is null and n.created_at > now() - interval '%s'
                          and %s = 'DIGEST'
                        for update of n skip locked)
                    returning n.*)
                select %s
                from claimed n left join member a on a.id = n.actor_id left join community c on c.id = n.community_id
                order by n.id""".formatted(DIGEST_WINDOW, channelSql(), LINE), Tuple.class).setParameter(1, memberId)
                .getResultList();
        em.createNativeQuery("update member set digest_sent_at = ?2 where id = ?1").setParameter(1, memberId)
                .setParameter(2, OffsetDateTime.ofInstant(now, ZoneId.of("UTC"))).executeUpdate();
        if (rows.isEmpty()) {
            return false;
        }
        List<Line> lines = new ArrayList<>();
        Map<Line, String> titles = new LinkedHashMap<>();
        NotificationMessages messages = messages(recipient);
        for (Tuple row : rows) {
            Line line = line(row);
            lines.add(line);
            titles.put(line, NotificationTexts.title(recipient.language(), line.kind(), line.actor()));
        }
        String subject = messages.mail_digest_subject(lines.size());
        String unsubscribe = links.unsubscribe(recipient.memberId(), null);
        String preferences = base() + "/profile#email";
        send(Mail.withText(recipient.email(), subject,
                Templates.digestText(recipient, lines, titles, base(), unsubscribe, preferences)
                        .setLocale(recipient.locale()).render())
                .setHtml(Templates.digestHtml(recipient, lines, titles, base(), unsubscribe, preferences)
                        .setLocale(recipient.locale()).render()), unsubscribe);
        return true;
    }

    /** What the features attach to this notice's email (a meeting's .ics). */
    private void attach(Mail mail, Line line, String eventKey, Recipient recipient) {
        if (line.kind() == null || eventKey == null) {
            return;
        }
        for (NoticeAttachment feature : attachments) {
            feature.attachment(line.kind(), eventKey, recipient.memberId(), recipient.language(), recipient.zone())
                    .ifPresent(file -> mail.addAttachment(file.fileName(), file.bytes(), file.contentType()));
        }
    }

    private void send(Mail mail, String unsubscribe) {
        mail.addHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        mail.addHeader("Auto-Submitted", "auto-generated");
        // A failure throws: the transaction rolls back and the rows are emailed next time.
        mailer.send(mail);
    }

    private String base() {
        return site.baseUrl();
    }

    static NotificationMessages messages(Recipient recipient) {
        return MessageBundles.get(NotificationMessages.class,
                io.quarkus.qute.i18n.Localized.Literal.of(recipient.language()));
    }

    /** A row with the aliases member_id, email, name, language, time_zone. */
    private Recipient recipient(Tuple row) {
        String language = row.get("language", String.class);
        return new Recipient(row.get("member_id", Long.class), row.get("email", String.class),
                row.get("name", String.class), Languages.isSupported(language) ? language : "es",
                zone(row.get("time_zone", String.class)));
    }

    /** A row selected with {@link #LINE}. */
    private Line line(Tuple row) {
        return new Line(row.get("id", Long.class), notifications.kind(row), row.get("actor", String.class),
                Notifications.community(row), row.get("link", String.class), row.get("excerpt", String.class),
                SqlValues.timestamp(row.get("created_at")));
    }

    private ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            return site.timeZone();
        }
    }
}
