package org.comunidad.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.MailServer;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Emails of notifications: immediate ones and the daily digest never carry the same event
 * twice, each goes in the recipient's language, preferences decide the channel, something
 * read in the app before the digest is not emailed, and every email has a working
 * unsubscribe link.
 */
@QuarkusTest
class EmailDigestTest {

    @Inject
    Emails emails;

    @Inject
    EntityManager em;

    MailServer mail;
    long brasil;
    long peru;
    long actor;

    @BeforeEach
    void start() {
        mail = ComunidadTestResource.services().mail();
        QuarkusTransaction.requiringNew().run(() -> {
            // Only this test's events: whatever other tests published is out of the way.
            em.createNativeQuery("update notification set emailed_at = now(), email_via = 'SKIPPED' where emailed_at is null")
                    .executeUpdate();
            em.createNativeQuery("update member set digest_sent_at = null, email_opt_out = false").executeUpdate();
            em.createNativeQuery("delete from notification_setting").executeUpdate();
        });
        brasil = id("pf.brasil");
        peru = id("pf.peru");
        actor = id("coord.seguridad");
        mail.purge();
    }

    @AfterEach
    void cleanUp() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from notification where event_key like 'digest-test:%'").executeUpdate();
            em.createNativeQuery("delete from notification_setting").executeUpdate();
            em.createNativeQuery("update member set email_opt_out = false").executeUpdate();
        });
    }

    @Test
    void everyEventIsEmailedOnceAcrossImmediateEmailsAndDigestsInTheRecipientsLanguage() {
        setting(brasil, "JOIN_APPROVED", "DIGEST");
        setting(brasil, "JOIN_DECLINED", "DIGEST");
        setting(brasil, "ROLE_ASSIGNED", "DIGEST");
        setting(peru, "MENTION", "DIGEST");
        publish(brasil, "MENTION", "e1", "/c/salud/news/900001", false);
        publish(brasil, "JOIN_APPROVED", "e2", "/c/salud/news/900002", false);
        publish(brasil, "ROLE_ASSIGNED", "e3", "/c/salud/news/900003", false);
        publish(brasil, "JOIN_DECLINED", "e4", "/c/salud/news/900004", true);
        publish(peru, "MENTION", "e5", "/c/seguridad/news/900005", false);

        assertEquals(1, emails.sendImmediate(), "only the mention of pf.brasil goes at once");
        assertEquals(0, emails.sendImmediate(), "and never again");
        String brasilEmail = email(brasil);
        List<MailServer.Mail> atOnce = mail.to(brasilEmail);
        assertEquals(1, atOnce.size());
        assertEquals(name(actor) + " mencionou você", atOnce.get(0).subject(), "in Portuguese for pf.brasil");
        assertTrue(atOnce.get(0).text().contains("/c/salud/news/900001"));
        assertNotNull(atOnce.get(0).header("List-Unsubscribe"));

        Instant now = Instant.now();
        assertEquals(2, emails.sendDigests(now, true), "one digest for each of the two members");
        MailServer.Mail digest = mail.to(brasilEmail).get(1);
        assertEquals("Comunidad: resumo do dia (2 avisos)", digest.subject(), "in Portuguese for pf.brasil");
        assertTrue(digest.text().contains("Isto é o que há de novo"), digest.text());
        assertTrue(digest.text().contains("/c/salud/news/900002") && digest.text().contains("/c/salud/news/900003"));
        assertFalse(digest.text().contains("/c/salud/news/900001"), "already emailed at once");
        assertFalse(digest.text().contains("/c/salud/news/900004"), "read in the app before the digest");
        MailServer.Mail peruDigest = mail.to(email(peru)).get(0);
        assertEquals("Comunidad: resumen del día (1 avisos)", peruDigest.subject(), "in Spanish for pf.peru");
        assertTrue(peruDigest.text().contains("/c/seguridad/news/900005"));

        assertEquals(0, emails.sendDigests(now.plus(1, ChronoUnit.HOURS), true), "nothing new: no digest");
        publish(brasil, "ROLE_ASSIGNED", "e6", "/c/salud/news/900006", false);
        assertEquals(0, emails.sendDigests(now.plus(2, ChronoUnit.HOURS), true), "one digest a day at most");
        assertEquals(1, emails.sendDigests(now.plus(21, ChronoUnit.HOURS), true));
        MailServer.Mail next = mail.to(brasilEmail).get(2);
        assertTrue(next.text().contains("/c/salud/news/900006"));

        // Across every email to pf.brasil, each event appears exactly once (e4 never).
        List<MailServer.Mail> all = mail.to(brasilEmail);
        for (String event : List.of("900001", "900002", "900003", "900006")) {
            long times = all.stream().filter(m -> m.text().contains("/c/salud/news/" + event)).count();
            assertEquals(1, times, "event " + event + " emailed once");
        }
        assertEquals(0, all.stream().filter(m -> m.text().contains("/c/salud/news/900004")).count());
        assertEquals(3, all.size());
    }

    @Test
    void theUnsubscribeLinkShowsAConfirmationAndOnlyThePostUnsubscribes() {
        publish(brasil, "MENTION", "u1", "/c/salud/news/900011", false);
        assertEquals(1, emails.sendImmediate());
        MailServer.Mail sent = mail.to(email(brasil)).get(0);
        String link = sent.link("http://localhost:" + ComunidadTestResource.APP_PORT + "/unsubscribe?t=");
        assertEquals("<" + link + ">", sent.header("List-Unsubscribe"));
        String path = link.substring(link.indexOf("/unsubscribe"));
        String token = path.substring(path.indexOf("t=") + 2);

        var page = RestAssured.given().redirects().follow(false).header("Accept-Language", "pt-BR").get(path);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().asString().contains("Quando alguém me menciona"), "names the kind, in the reader's language");
        assertEquals(null, channel(brasil, "MENTION"), "opening the link changes nothing");

        assertEquals(200, Web.form((String) null, "/unsubscribe", Map.of("t", token)).statusCode());
        assertEquals("NONE", channel(brasil, "MENTION"));
        publish(brasil, "MENTION", "u2", "/c/salud/news/900012", false);
        assertEquals(0, emails.sendImmediate(), "no more mentions by email");

        String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
        assertEquals(404, RestAssured.given().get("/unsubscribe?t=" + forged).statusCode(), "a forged link");
        assertEquals(404, Web.form((String) null, "/unsubscribe", Map.of("t", "12:ALL.x")).statusCode());
    }

    @Test
    void noEmailAtAllMeansNone() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update member set email_opt_out = true where id = ?1").setParameter(1, brasil).executeUpdate());
        publish(brasil, "MENTION", "o1", "/c/salud/news/900021", false);
        publish(brasil, "SOMETHING_ELSE_LATER", "o2", "/c/salud/news/900022", false);
        assertEquals(0, emails.sendImmediate());
        assertEquals(0, emails.sendDigests(Instant.now(), true));
        assertTrue(mail.to(email(brasil)).isEmpty());
    }

    private void publish(long member, String kind, String key, String link, boolean read) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into notification (member_id, kind, event_key, community_id, actor_id, link, excerpt, read_at)
                values (?1, ?2, ?3, (select id from community where slug = 'salud'), ?4, ?5, 'Texto del aviso', ?6)""")
                .setParameter(1, member).setParameter(2, kind).setParameter(3, "digest-test:" + key)
                .setParameter(4, actor).setParameter(5, link)
                .setParameter(6, read ? java.time.OffsetDateTime.now() : null).executeUpdate());
    }

    private void setting(long member, String kind, String channel) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into notification_setting (member_id, kind, channel) values (?1, ?2, ?3)")
                .setParameter(1, member).setParameter(2, kind).setParameter(3, channel).executeUpdate());
    }

    private String channel(long member, String kind) {
        @SuppressWarnings("unchecked")
        List<String> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select channel from notification_setting where member_id = ?1 and kind = ?2")
                .setParameter(1, member).setParameter(2, kind).getResultList());
        return rows.isEmpty() ? null : rows.get(0);
    }

    private long id(String username) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from member where username = ?1").setParameter(1, username).getSingleResult()).longValue());
    }

    private String email(long member) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select email from member where id = ?1").setParameter(1, member).getSingleResult());
    }

    private String name(long member) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select display_name from member where id = ?1").setParameter(1, member).getSingleResult());
    }
}
