package org.comunidad.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import org.comunidad.notification.Emails;
import org.comunidad.platform.notice.Notice;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.MailServer;
import org.comunidad.testsupport.Members;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Meeting notices by email: the invitation, each change and the cancellation carry the meeting's
 * .ics (METHOD:REQUEST with the same UID and a higher SEQUENCE, then METHOD:CANCEL with
 * STATUS:CANCELLED), addressed to the recipient, in their language; the excerpt gives the time in
 * their zone beside the meeting's. The reminder goes out once before the meeting to those who
 * have not declined, again only if the meeting moves, and not to whoever switched it off.
 */
@QuarkusTest
class MeetingEmailTest {

    static final String SUBGROUP = "seguridad-asistencia-victimas";

    @Inject
    Emails emails;

    @Inject
    MeetingReminders reminders;

    @Inject
    Event<Notice> notices;

    MailServer mail;

    @BeforeEach
    void start() {
        mail = ComunidadTestResource.services().mail();
        // Only this test's notices are pending.
        Db.update("update notification set emailed_at = now(), email_via = 'SKIPPED' where emailed_at is null");
    }

    /** A verified official of Brazil in the subgroup, reading Portuguese in Bogotá's zone. */
    long official(String name) {
        String subject = name + "-" + System.nanoTime();
        long id = Members.create(subject).email(subject + "@example.org").country("BR").verifiedEmail()
                .in(SUBGROUP).save();
        Db.update("update member set language = 'pt', time_zone = 'America/Bogota' where id = ?1", id);
        return id;
    }

    static String email(long member) {
        return (String) Db.value("select email from member where id = ?1", member);
    }

    void fire(long recipient, MeetingNotice kind, String key, long meeting) {
        long community = Db.community(SUBGROUP);
        long organizer = Db.member("lider.victimas");
        Object[] row = Db.call(em -> (Object[]) em.createNativeQuery(
                "select title, starts_at, ends_at, time_zone from meeting where id = ?1").setParameter(1, meeting)
                .getSingleResult());
        String excerpt = MeetingInvitations.excerpt((String) row[0], org.comunidad.platform.persistence.SqlValues
                .timestamp(row[1]), org.comunidad.platform.persistence.SqlValues.timestamp(row[2]),
                ZoneId.of((String) row[3]), "pt", ZoneId.of("America/Bogota"));
        QuarkusTransaction.requiringNew().run(() -> notices.fire(new Notice(recipient, kind, key, community, organizer,
                "/c/" + SUBGROUP + "/meetings/" + meeting, excerpt)));
    }

    /** The one calendar attached to the newest email to this address, with its content type. */
    record Attached(String contentType, String text) {
    }

    Attached sendAndRead(String address, int count) throws Exception {
        emails.sendImmediate();
        mail.await(m -> mail.to(address).size() >= count, Duration.ofSeconds(10));
        List<MailServer.Mail> received = mail.to(address);
        assertEquals(count, received.size());
        return calendarOf(received.get(count - 1).message());
    }

    static Attached calendarOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            Attached found = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Attached inner = calendarOf(child);
                if (inner != null) {
                    assertNull(found, "one calendar per email");
                    found = inner;
                }
            }
            return found;
        }
        if (part.isMimeType("text/calendar")) {
            return new Attached(part.getContentType(),
                    new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return null;
    }

    @Test
    void invitationsAndChangesUpdateTheSameEventAndACancellationCancelsIt() throws Exception {
        long official = official("cal.convite");
        String address = email(official);
        long meeting = TestMeetings.in(SUBGROUP).by("lider.victimas").titled("Videoconferência de dezembro")
                .zone("America/Santiago").at(LocalDateTime.parse("2026-12-03T10:00")
                        .atZone(ZoneId.of("America/Santiago")).toOffsetDateTime()).noInvitees().save();
        Db.update("insert into meeting_invitee (meeting_id, member_id, country_code) values (?1, ?2, 'BR')", meeting,
                official);
        String uid = (String) Db.value("select uid from meeting where id = ?1", meeting);

        fire(official, MeetingNotice.MEETING_INVITED, "meeting:" + meeting + ":seq:0", meeting);
        Attached invitation = sendAndRead(address, 1);
        assertTrue(invitation.contentType().toLowerCase().contains("method=request"), invitation.contentType());
        ICalendar first = Ics.parse(invitation.text());
        assertEquals("REQUEST", first.getMethod().getValue());
        VEvent event = Ics.only(first);
        assertEquals(uid, event.getUid().getValue());
        assertEquals(0, event.getSequence().getValue());
        assertEquals(address, event.getAttendees().get(0).getEmail());
        assertTrue(event.getDescription().getValue().startsWith("Entrar na reunião: "), "in the recipient's language");
        assertEquals(Instant.parse("2026-12-03T13:00:00Z"), Ics.instant(first, event.getDateStart(), "America/Santiago"));
        MailServer.Mail email = mail.to(address).get(0);
        assertTrue(email.text().contains("Videoconferência de dezembro · quinta-feira, 3 de dezembro de 2026, 10:00 Santiago "
                + "(08:00 no seu horário)"), "title and time in the recipient's zone and language: " + email.text());

        // The leader moves it an hour later: the same event, a higher SEQUENCE.
        Db.update("update meeting set starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour', "
                + "sequence = 1, updated_at = now() where id = ?1", meeting);
        fire(official, MeetingNotice.MEETING_CHANGED, "meeting:" + meeting + ":seq:1", meeting);
        Attached change = sendAndRead(address, 2);
        assertTrue(change.contentType().toLowerCase().contains("method=request"));
        ICalendar second = Ics.parse(change.text());
        VEvent changed = Ics.only(second);
        assertEquals(uid, changed.getUid().getValue());
        assertEquals(1, changed.getSequence().getValue());
        assertEquals(Instant.parse("2026-12-03T14:00:00Z"),
                Ics.instant(second, changed.getDateStart(), "America/Santiago"));

        Db.update("update meeting set status = 'CANCELLED', sequence = 2, updated_at = now() where id = ?1", meeting);
        fire(official, MeetingNotice.MEETING_CANCELLED, "meeting:" + meeting + ":cancel:2", meeting);
        Attached cancel = sendAndRead(address, 3);
        assertTrue(cancel.contentType().toLowerCase().contains("method=cancel"), cancel.contentType());
        ICalendar third = Ics.parse(cancel.text());
        assertEquals("CANCEL", third.getMethod().getValue());
        VEvent cancelled = Ics.only(third);
        assertEquals(uid, cancelled.getUid().getValue());
        assertEquals("CANCELLED", cancelled.getStatus().getValue());
        assertEquals(2, cancelled.getSequence().getValue());
    }

    @Test
    void theReminderGoesOnceToThoseWhoHaveNotDeclinedAndFollowsThePreference() throws Exception {
        long undecided = official("cal.lembrete");
        long declined = official("cal.recusa");
        long attending = official("cal.presente");
        long switchedOff = official("cal.sem.lembrete");
        Db.update("insert into notification_setting (member_id, kind, channel) values (?1, 'MEETING_REMINDER', 'NONE')",
                switchedOff);
        OffsetDateTime start = OffsetDateTime.now().plusHours(3).truncatedTo(ChronoUnit.MINUTES);
        long meeting = TestMeetings.in(SUBGROUP).by("lider.victimas").titled("Reunião de amanhã").at(start)
                .noInvitees().save();
        long later = TestMeetings.in(SUBGROUP).by("lider.victimas").titled("Reunião de depois")
                .at(OffsetDateTime.now().plusHours(30)).noInvitees().save();
        long cancelled = TestMeetings.in(SUBGROUP).by("lider.victimas").titled("Reunião cancelada")
                .at(OffsetDateTime.now().plusHours(2)).status("CANCELLED").noInvitees().save();
        for (long m : List.of(meeting, later, cancelled)) {
            Db.update("""
                    insert into meeting_invitee (meeting_id, member_id, country_code, answer)
                    values (?1, ?2, 'BR', null), (?1, ?3, 'BR', 'NOT_ATTENDING'), (?1, ?4, 'BR', 'ATTENDING'),
                           (?1, ?5, 'BR', null)""", m, undecided, declined, attending, switchedOff);
        }

        reminders.remind(Instant.now());
        assertEquals(List.of(undecided, attending, switchedOff), reminded(meeting));
        assertEquals(List.of(), reminded(later), "not yet within the 24 hours");
        assertEquals(List.of(), reminded(cancelled));
        reminders.remind(Instant.now());
        assertEquals(3, reminded(meeting).size(), "once");

        emails.sendImmediate();
        MailServer.Mail email = mail.await(m -> m.to().equalsIgnoreCase(email(undecided)), Duration.ofSeconds(10));
        assertTrue(email.subject().startsWith("Lembrete"), email.subject());
        assertTrue(email.text().contains("Reunião de amanhã"), email.text());
        assertNull(calendarOf(email.message()), "the reminder carries no calendar");
        assertTrue(mail.to(email(switchedOff)).isEmpty(), "whoever switched reminders off gets no email");
        assertFalse(mail.to(email(attending)).isEmpty());

        // Moved: reminded again, for the new start.
        Db.update("update meeting set starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour' "
                + "where id = ?1", meeting);
        reminders.remind(Instant.now());
        assertEquals(6, reminded(meeting).size());
    }

    /** The members reminded of a meeting, one row per reminder. */
    static List<Long> reminded(long meeting) {
        @SuppressWarnings("unchecked")
        List<Number> rows = Db.call(em -> em.createNativeQuery("""
                select member_id from notification where kind = 'MEETING_REMINDER' and event_key like ?1
                order by member_id""").setParameter(1, "meeting:" + meeting + ":reminder:%").getResultList());
        return rows.stream().map(Number::longValue).toList();
    }
}
