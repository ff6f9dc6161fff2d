package org.comunidad.meeting;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The calendars of meetings, read by an independent parser (biweekly): one meeting's .ics and the
 * personal feed parse cleanly, carry local times with their zone's TZID and a VTIMEZONE that
 * gives back the exact instants (in the five zones of the forum's capitals, and on the days
 * Santiago changes its clocks), keep their UID and raise their SEQUENCE on a change, and say
 * where to join first. The feed lists only what its owner sees, and a replaced token gets 404.
 */
@QuarkusTest
class MeetingCalendarTest extends WithAccessMatrix {

    static final String SUBGROUP = "seguridad-asistencia-victimas";

    static AccessMatrix matrix() {
        return AccessMatrix.of("meeting calendars")
                .get("/c/" + SUBGROUP + "/meetings/{meeting}/calendar.ics")
                        .given("meeting", () -> TestMeetings.in(SUBGROUP).by("lider.victimas").save())
                        .expect(200, 200, 200, 200, 200, 404, SIGN_IN)
                // A meeting of Energy asked for through Security: not found, whoever asks.
                .get("/c/seguridad/meetings/{meeting}/calendar.ics").named("another community's meeting")
                        .given("meeting", () -> TestMeetings.in("energia").by("admin.prosur").save())
                        .expect(404, 404, 404, 404, 404, 404, SIGN_IN)
                .get("/meetings/calendar").expect(200, 200, 200, 200, 200, 200, SIGN_IN)
                .form("/meetings/calendar", Map.of()).expect(200, 200, 200, 200, 200, 200, SIGN_IN)
                // No sign-in: the token is the key. Each persona asks with their own; anonymous has none.
                .request("GET", "/calendar/{token}.ics", (persona, path) -> RestAssured.given().redirects()
                        .follow(false).get("/calendar/" + tokenOf(persona) + ".ics"))
                        .given("token", () -> "own").expect(200, 200, 200, 200, 200, 200, 404);
    }

    /** A fresh feed token of the persona's (anonymous: a well-formed token nobody has). */
    static String tokenOf(Persona persona) {
        byte[] random = new byte[32];
        ThreadLocalRandom.current().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (persona.signedIn()) {
            Db.update("""
                    insert into meeting_feed_token (member_id, token_hash) values (?1, ?2)
                    on conflict (member_id) do update set token_hash = excluded.token_hash""",
                    Db.member(persona.username), CalendarFeeds.hash(token));
        }
        return token;
    }

    static String ics(Persona persona, String slug, long meeting) {
        Response response = persona.request().get("/c/" + slug + "/meetings/" + meeting + "/calendar.ics");
        assertEquals(200, response.statusCode(), response.body().asString());
        assertTrue(response.contentType().startsWith("text/calendar"), response.contentType());
        return response.body().asString();
    }

    @ParameterizedTest(name = "{0} {1} for {2} min")
    @CsvSource({
            "America/Santiago, 2026-12-03T10:00, 90",
            "America/Sao_Paulo, 2026-12-03T10:00, 90",
            "America/Bogota, 2026-12-03T10:00, 90",
            "America/Asuncion, 2026-12-03T10:00, 90",
            "America/Guyana, 2026-12-03T10:00, 90",
            "America/Asuncion, 2026-07-15T09:30, 45",
            // Santiago turns its clocks back at 00:00 on Sunday 5 April 2026 (to 23:00 on the 4th):
            // this meeting ends in the hour that happens twice (its second time).
            "America/Santiago, 2026-04-04T22:30, 120",
            // ... and this one starts in that hour's first time.
            "America/Santiago, 2026-04-04T23:30, 60",
            // Santiago skips 00:00-01:00 on Sunday 6 September 2026: this one spans the jump.
            "America/Santiago, 2026-09-05T23:00, 120",
            "America/Santiago, 2026-09-06T09:00, 60" })
    void oneMeetingsIcsRoundTripsItsTimesExactly(String zone, String localStart, int minutes) {
        ZonedDateTime start = LocalDateTime.parse(localStart).atZone(ZoneId.of(zone));
        long id = TestMeetings.in(SUBGROUP).by("lider.victimas").titled("Videoconferencia, zona " + zone)
                .zone(zone).at(start.toOffsetDateTime()).lasting(minutes).save();
        String text = ics(Persona.MEMBER, SUBGROUP, id);

        ICalendar calendar = Ics.parse(text);
        assertEquals("PUBLISH", calendar.getMethod().getValue());
        assertNotNull(calendar.getProductId());
        assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"), "CRLF line endings");
        assertTrue(text.contains("\r\nVERSION:2.0\r\n"), text);
        VEvent event = Ics.only(calendar);
        assertEquals(start.toInstant(), Ics.instant(calendar, event.getDateStart(), zone), text);
        assertEquals(start.toInstant().plus(Duration.ofMinutes(minutes)), Ics.instant(calendar, event.getDateEnd(), zone),
                text);
        assertTrue(text.contains("DTSTART;TZID=" + zone + ":"), "the start in the meeting's local time: " + text);
        assertTrue(calendar.getTimezoneInfo().getComponents().stream()
                .anyMatch(tz -> tz.getTimezoneId().getValue().equals(zone)), "a VTIMEZONE for " + zone);
        assertEquals(Db.value("select uid from meeting where id = ?1", id), event.getUid().getValue());
    }

    @Test
    void theJoinLinkComesFirstThenTheRecord() {
        long id = TestMeetings.in(SUBGROUP).by("lider.victimas").titled("Reunión con sala").save();
        String join = "http://localhost:8080/c/" + SUBGROUP + "/meetings/" + id + "/join";
        String record = "http://localhost:8080/c/" + SUBGROUP + "/meetings/" + id;
        VEvent event = Ics.only(Ics.parse(ics(Persona.MEMBER, SUBGROUP, id)));
        assertTrue(event.getLocation().getValue().endsWith("/c/" + SUBGROUP + "/meetings/" + id + "/join"),
                event.getLocation().getValue());
        String description = event.getDescription().getValue();
        String[] lines = description.split("\n");
        assertTrue(lines[0].endsWith(event.getLocation().getValue()), description);
        assertTrue(lines[0].startsWith("Unirse a la reunión: "), description);
        assertTrue(lines[1].startsWith("Ficha de la reunión: ") && lines[1].endsWith("/c/" + SUBGROUP + "/meetings/" + id),
                description);
        assertTrue(event.getUrl().getValue().endsWith("/c/" + SUBGROUP + "/meetings/" + id));
        assertEquals("Reunión con sala", event.getSummary().getValue());
        assertEquals("CONFIRMED", event.getStatus().getValue());
        assertNotNull(event.getDateTimeStamp());
        assertTrue(event.getOrganizer().getEmail() != null && event.getOrganizer().getCommonName() != null,
                "ORGANIZER with a name and an address");
        assertFalse(join.isEmpty() || record.isEmpty());

        // In the reader's language.
        Db.update("update member set language = 'en' where username = 'pf.colombia'");
        try {
            VEvent english = Ics.only(Ics.parse(ics(Persona.GROUP_MEMBER, SUBGROUP, id)));
            assertTrue(english.getDescription().getValue().startsWith("Join the meeting: "));
        } finally {
            Db.update("update member set language = null where username = 'pf.colombia'");
        }
    }

    @Test
    void aMeetingInAPlaceHasThePlaceAsLocationAndTheRecordFirst() {
        long id = TestMeetings.in(SUBGROUP).by("lider.victimas").inPlace("Ministerio del Interior, Asunción").save();
        VEvent event = Ics.only(Ics.parse(ics(Persona.MEMBER, SUBGROUP, id)));
        assertEquals("Ministerio del Interior, Asunción", event.getLocation().getValue());
        assertTrue(event.getDescription().getValue().startsWith("Lugar: Ministerio del Interior, Asunción\nFicha"),
                event.getDescription().getValue());
    }

    @Test
    void aChangedMeetingKeepsItsUidWithAHigherSequenceAndACancelledOneSaysSo() {
        long id = TestMeetings.in(SUBGROUP).by("lider.victimas").titled("Antes del cambio").save();
        VEvent before = Ics.only(Ics.parse(ics(Persona.MEMBER, SUBGROUP, id)));
        // What the edit does: the new time and title, the SEQUENCE raised.
        Db.update("update meeting set title = 'Después del cambio', starts_at = starts_at + interval '1 hour', "
                + "ends_at = ends_at + interval '1 hour', sequence = sequence + 1, updated_at = now() where id = ?1", id);
        VEvent after = Ics.only(Ics.parse(ics(Persona.MEMBER, SUBGROUP, id)));
        assertEquals(before.getUid().getValue(), after.getUid().getValue());
        assertTrue(after.getSequence().getValue() > before.getSequence().getValue());
        assertEquals("Después del cambio", after.getSummary().getValue());
        assertEquals(before.getDateStart().getValue().toInstant().plus(Duration.ofHours(1)),
                after.getDateStart().getValue().toInstant());

        Db.update("update meeting set status = 'CANCELLED', sequence = sequence + 1 where id = ?1", id);
        VEvent cancelled = Ics.only(Ics.parse(ics(Persona.MEMBER, SUBGROUP, id)));
        assertEquals("CANCELLED", cancelled.getStatus().getValue());
        assertEquals(before.getUid().getValue(), cancelled.getUid().getValue());
        assertTrue(cancelled.getSequence().getValue() > after.getSequence().getValue());
    }

    @Test
    void theFeedListsWhatItsOwnerSeesAndAReplacedTokenGets404() {
        long security = TestMeetings.in(SUBGROUP).by("lider.victimas").titled("Seguridad, próxima").save();
        long old = TestMeetings.in("seguridad").titled("Seguridad, hace un mes")
                .at(OffsetDateTime.now().minusMonths(1)).save();
        long ancient = TestMeetings.in("seguridad").titled("Seguridad, hace un año")
                .at(OffsetDateTime.now().minusYears(1)).save();
        long energy = TestMeetings.in("energia").by("admin.prosur").titled("Energía, próxima").save();
        Set<String> peru = uids(feed(Persona.MEMBER, "/calendar/" + generate(Persona.MEMBER) + ".ics"));
        assertTrue(peru.containsAll(Set.of(uid(security), uid(old))), "upcoming and recent meetings of Security");
        assertFalse(peru.contains(uid(ancient)), "not older than six months");
        assertFalse(peru.contains(uid(energy)), "never a meeting of a group the member is not in");
        Set<String> argentina = uids(feed(Persona.OTHER_GROUP,
                "/calendar/" + generate(Persona.OTHER_GROUP) + ".ics"));
        assertTrue(argentina.contains(uid(energy)));
        assertFalse(argentina.contains(uid(security)) || argentina.contains(uid(old)),
                "a member of Energy only sees no meeting of Security");
        // Every meeting of the feed is of a group where the member has a role.
        @SuppressWarnings("unchecked")
        List<Object> rows = Db.call(em -> (List<Object>) em.createNativeQuery("""
                select m.uid from meeting m join community c on c.id = m.community_id
                where coalesce(c.parent_id, c.id) in (select coalesce(g.parent_id, g.id) from membership ms
                    join community g on g.id = ms.community_id join member p on p.id = ms.member_id
                    where p.username = 'pf.argentina')""").getResultList());
        Set<String> visible = rows.stream().map(Object::toString).collect(Collectors.toSet());
        assertTrue(visible.containsAll(argentina));

        String first = generate(Persona.MEMBER);
        assertEquals(200, RestAssured.get("/calendar/" + first + ".ics").statusCode());
        String second = generate(Persona.MEMBER);
        assertEquals(404, RestAssured.get("/calendar/" + first + ".ics").statusCode(), "the old link is revoked");
        assertEquals(200, RestAssured.get("/calendar/" + second + ".ics").statusCode());
        assertEquals(404, RestAssured.get("/calendar/nonsense.ics").statusCode());
        assertEquals(404, RestAssured.get("/calendar/" + "A".repeat(43) + ".ics").statusCode());

        Db.update("update member set disabled_at = now() where username = 'pf.peru'");
        try {
            assertEquals(404, RestAssured.get("/calendar/" + second + ".ics").statusCode(), "a disabled account");
        } finally {
            Db.update("update member set disabled_at = null where username = 'pf.peru'");
        }
    }

    @Test
    void theFeedIsNamedInTheOwnersLanguageWithARefreshHint() {
        TestMeetings.in(SUBGROUP).by("lider.victimas").zone("America/Sao_Paulo").save();
        TestMeetings.in("seguridad").zone("America/Bogota").save();
        Db.update("update member set language = 'pt' where username = 'pf.peru'");
        try {
            String text = feed(Persona.MEMBER, "/calendar/" + generate(Persona.MEMBER) + ".ics");
            ICalendar calendar = Ics.parse(text);
            assertEquals("Minhas reuniões (Comunidad)", calendar.getExperimentalProperty("X-WR-CALNAME").getValue());
            assertEquals("PT1H", calendar.getExperimentalProperty("X-PUBLISHED-TTL").getValue());
            assertNotNull(calendar.getRefreshInterval(), text);
            assertEquals(1L, calendar.getRefreshInterval().getValue().getHours().longValue());
            for (VEvent event : calendar.getEvents()) {
                String zone = event.getDateStart().getParameters().getTimezoneId();
                if (zone != null) {
                    Ics.instant(calendar, event.getDateStart(), zone);
                }
            }
            // One VTIMEZONE per zone.
            List<String> zones = calendar.getTimezoneInfo().getComponents().stream()
                    .map(tz -> tz.getTimezoneId().getValue()).toList();
            assertEquals(Set.copyOf(zones).size(), zones.size(), zones.toString());
        } finally {
            Db.update("update member set language = null where username = 'pf.peru'");
        }
    }

    @Test
    void theSubscriptionPageShowsTheLinksOnceAndOneLinePerClient() {
        String none = Persona.GROUP_MEMBER.request().get("/meetings/calendar").body().asString();
        assertTrue(Html.all(none, "#webcal-link").isEmpty(), "no link to show before one is made");
        String page = Web.form(Persona.GROUP_MEMBER, "/meetings/calendar", Map.of()).body().asString();
        String https = Html.one(page, "#https-link").attr("value");
        String webcal = Html.one(page, "#webcal-link").attr("href");
        assertTrue(https.matches("https?://.+/calendar/[A-Za-z0-9_-]{43}\\.ics"), https);
        assertEquals(https.replaceFirst("^https?:", "webcal:"), webcal);
        assertEquals(4, Html.all(page, "#clients li").size());
        assertEquals("https-link", Html.one(page, "label[for=https-link]").attr("for"));
        String path = https.replaceFirst("^https?://[^/]+", "");
        assertEquals(200, RestAssured.get(path).statusCode());
        String later = Persona.GROUP_MEMBER.request().get("/meetings/calendar").body().asString();
        assertTrue(Html.all(later, "#https-link").isEmpty(), "shown once: only its hash is kept");
        assertFalse(Html.one(later, "#feed-token").text().isEmpty());
        assertFalse(later.contains(path), later);
    }

    static String generate(Persona persona) {
        String page = Web.form(persona, "/meetings/calendar", Map.of()).body().asString();
        String https = Html.one(page, "#https-link").attr("value");
        return https.substring(https.lastIndexOf('/') + 1, https.length() - ".ics".length());
    }

    static String feed(Persona persona, String path) {
        Response response = RestAssured.given().redirects().follow(false).get(path);
        assertEquals(200, response.statusCode(), persona + ": " + response.body().asString());
        assertTrue(response.contentType().startsWith("text/calendar"));
        return response.body().asString();
    }

    static Set<String> uids(String feed) {
        return Ics.parse(feed).getEvents().stream().map(e -> e.getUid().getValue()).collect(Collectors.toSet());
    }

    static String uid(long meeting) {
        return (String) Db.value("select uid from meeting where id = ?1", meeting);
    }
}
