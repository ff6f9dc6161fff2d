package org.comunidad.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The community's room and "Join": the join token is decoded here without the library that
 * wrote it (its HMAC recomputed with the configured secret, its claims read as plain JSON), every
 * claim checked, moderator included; "Join" is refused (409, saying when it opens) outside its
 * window; the coordinator's rotation changes the room's address and is audited.
 */
@QuarkusTest
class RoomJoinTest {

    static final String SUBGROUP = "seguridad-asistencia-victimas";

    @ConfigProperty(name = "comunidad.meetings.room.secret")
    String secret;

    @ConfigProperty(name = "comunidad.meetings.room.app-id")
    String appId;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A subgroup meeting in its room that started 5 minutes ago and lasts 90 minutes. */
    static long openMeeting() {
        return TestMeetings.in(SUBGROUP).by("lider.victimas").titled("Sala abierta")
                .at(OffsetDateTime.now().minusMinutes(5).truncatedTo(ChronoUnit.SECONDS)).lasting(90).save();
    }

    static String roomName(String slug) {
        return (String) Db.value("select room_name from meeting_room where community_id = ?1", Db.community(slug));
    }

    @Test
    void theJoinTokenIsSignedWithTheSecretAndCarriesEveryClaim() throws Exception {
        long id = openMeeting();
        long start = Db.number("select extract(epoch from starts_at)::bigint from meeting where id = ?1", id);
        long end = Db.number("select extract(epoch from ends_at)::bigint from meeting where id = ?1", id);

        Map<Persona, String> moderator = Map.of(Persona.LEADER, "true", Persona.COORDINATOR, "true",
                Persona.ADMIN, "true", Persona.MEMBER, "false", Persona.GROUP_MEMBER, "false");
        for (Map.Entry<Persona, String> expected : moderator.entrySet()) {
            Persona persona = expected.getKey();
            Response response = persona.request().get("/c/" + SUBGROUP + "/meetings/" + id + "/join");
            assertEquals(303, response.statusCode(), persona + ": " + response.body().asString());
            assertEquals("no-store", response.header("Cache-Control"));
            URI location = URI.create(response.header("Location"));
            String room = roomName(SUBGROUP);
            assertTrue(room.matches("[A-Za-z0-9-]{16,80}"), room);
            assertEquals("https", location.getScheme());
            assertEquals("meet.example.org", location.getHost());
            assertEquals("/" + room, location.getPath());
            assertTrue(location.getRawQuery().startsWith("jwt="), location.toString());
            String token = location.getRawQuery().substring(4);

            String[] parts = token.split("\\.");
            assertEquals(3, parts.length);
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            assertEquals("HS256", header.get("alg").asText());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expectedSignature = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            assertTrue(MessageDigest.isEqual(expectedSignature, Base64.getUrlDecoder().decode(parts[2])),
                    "the signature verifies with the configured secret");
            Mac wrong = Mac.getInstance("HmacSHA256");
            wrong.init(new SecretKeySpec((secret + "x").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertFalse(MessageDigest.isEqual(wrong.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)),
                    Base64.getUrlDecoder().decode(parts[2])), "and not with another one");

            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            assertEquals(appId, claims.get("iss").asText());
            JsonNode aud = claims.get("aud");
            assertEquals("jitsi", aud.isArray() ? aud.get(0).asText() : aud.asText());
            assertEquals("meet.example.org", claims.get("sub").asText());
            assertEquals(room, claims.get("room").asText());
            assertEquals(start - 15 * 60, claims.get("nbf").asLong(), "from 15 minutes before the start");
            assertEquals(end + 3600, claims.get("exp").asLong(), "the end plus the margin (1 hour)");
            JsonNode user = claims.get("context").get("user");
            long memberId = Db.member(persona.username);
            assertTrue(user.get("id").isTextual());
            assertEquals(String.valueOf(memberId), user.get("id").asText());
            assertTrue(user.get("name").isTextual());
            assertEquals(Db.value("select display_name from member where id = ?1", memberId), user.get("name").asText());
            assertTrue(user.get("email").isTextual());
            assertEquals(Db.value("select case when email_verified then email else '' end from member where id = ?1", memberId), user.get("email").asText());
            assertTrue(user.get("moderator").isTextual(), "moderator is the string form 8x8 reads");
            assertEquals(expected.getValue(), user.get("moderator").asText(), persona + " moderator");
        }
    }

    @Test
    void joinIsClosedOutsideItsWindowAndSaysWhenItOpens() {
        long later = TestMeetings.in(SUBGROUP).by("lider.victimas").titled("Más adelante")
                .at(OffsetDateTime.now().plusDays(3).withNano(0)).save();
        Response response = Persona.MEMBER.request().get("/c/" + SUBGROUP + "/meetings/" + later + "/join");
        assertEquals(409, response.statusCode());
        Document page = Html.parse(response.body().asString());
        assertNotNull(page.selectFirst("#join-closed"));
        assertTrue(page.selectFirst("#join-closed").text().contains("15"), page.text());
        assertNotNull(page.selectFirst("#join-closed a[href=/c/" + SUBGROUP + "/meetings/" + later + "]"));

        // Opens exactly 15 minutes before: 16 minutes before it is still closed, 14 minutes before it is open.
        long soon = TestMeetings.in(SUBGROUP).by("lider.victimas").at(OffsetDateTime.now().plusMinutes(16)).save();
        assertEquals(409, Persona.MEMBER.request().get("/c/" + SUBGROUP + "/meetings/" + soon + "/join").statusCode());
        long almost = TestMeetings.in(SUBGROUP).by("lider.victimas").at(OffsetDateTime.now().plusMinutes(14)).save();
        assertEquals(303, Persona.MEMBER.request().get("/c/" + SUBGROUP + "/meetings/" + almost + "/join").statusCode());

        long ended = TestMeetings.in(SUBGROUP).by("lider.victimas").at(OffsetDateTime.now().minusHours(3)).lasting(60).save();
        assertEquals(409, Persona.MEMBER.request().get("/c/" + SUBGROUP + "/meetings/" + ended + "/join").statusCode());
        long cancelled = TestMeetings.in(SUBGROUP).by("lider.victimas").status("CANCELLED")
                .at(OffsetDateTime.now().minusMinutes(5)).save();
        assertEquals(409, Persona.MEMBER.request().get("/c/" + SUBGROUP + "/meetings/" + cancelled + "/join").statusCode());
        long inPlace = TestMeetings.in(SUBGROUP).by("lider.victimas").inPlace("Cancillería, Asunción")
                .at(OffsetDateTime.now().minusMinutes(5)).save();
        Response place = Persona.MEMBER.request().get("/c/" + SUBGROUP + "/meetings/" + inPlace + "/join");
        assertEquals(409, place.statusCode());
        assertTrue(place.body().asString().contains("Cancillería, Asunción"));
    }

    @Test
    void aMeetingOnAnotherPlatformJoinsThroughItsOwnLink() {
        long id = openMeeting();
        Db.update("update meeting set venue = 'LINK', external_url = 'https://zoom.example.com/j/123' where id = ?1", id);
        Response response = Persona.GROUP_MEMBER.request().get("/c/" + SUBGROUP + "/meetings/" + id + "/join");
        assertEquals(303, response.statusCode());
        assertEquals("https://zoom.example.com/j/123", response.header("Location"));
    }

    @Test
    void aMeetingIsJoinedOnlyThroughItsOwnCommunity() {
        long id = openMeeting();
        assertEquals(404, Persona.ADMIN.request().get("/c/seguridad/meetings/" + id + "/join").statusCode());
        assertEquals(404, Persona.OTHER_GROUP.request().get("/c/" + SUBGROUP + "/meetings/" + id + "/join").statusCode());
        assertEquals(404, Persona.MEMBER.request().get("/c/" + SUBGROUP + "/meetings/999999999/join").statusCode());
    }

    @Test
    void theRoomPageShowsTheAddressToMembersAndTheRotationToTheCoordinator() {
        long id = openMeeting();
        Response member = Persona.MEMBER.request().get("/c/" + SUBGROUP + "/room");
        assertEquals(200, member.statusCode());
        Document page = Html.parse(member.body().asString());
        assertEquals("https://meet.example.org/" + roomName(SUBGROUP), page.selectFirst("#room-url").text());
        // Other tests leave meetings in this room: the page lists the next five, an open one with its Join.
        int rows = page.select("#room-upcoming tbody tr").size();
        assertTrue(rows >= 1 && rows <= MeetingRooms.UPCOMING, "rows: " + rows);
        assertFalse(page.select("#room-upcoming a.button[href$=/join]").isEmpty(), "an open meeting has its Join");
        assertTrue(page.select("#room-rotate").isEmpty(), "only the coordinator rotates");
        assertEquals(1, Html.parse(Persona.COORDINATOR.request().get("/c/" + SUBGROUP + "/room").body().asString())
                .select("#room-rotate form").size());
        assertTrue(Html.parse(Persona.LEADER.request().get("/c/" + SUBGROUP + "/room").body().asString())
                .select("#room-rotate").isEmpty(), "the leader runs meetings but does not rotate the room");
    }

    @Test
    void rotatingGivesTheRoomANewNameAndIsAudited() {
        Persona.MEMBER.request().get("/c/" + SUBGROUP + "/room").then().statusCode(200);
        String before = roomName(SUBGROUP);
        long audited = Db.number("select count(*) from audit_log where action = 'MEETING_ROOM_ROTATE'");
        Response response = Web.form(Persona.COORDINATOR, "/c/" + SUBGROUP + "/room/rotate", Map.of());
        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/c/" + SUBGROUP + "/room?rotated=true"));
        String after = roomName(SUBGROUP);
        assertNotEquals(before, after);
        assertTrue(after.matches("[A-Za-z0-9]{24}"), after);
        assertEquals(audited + 1, Db.number("select count(*) from audit_log where action = 'MEETING_ROOM_ROTATE'"));
        assertEquals(Db.member("coord.seguridad"),
                Db.number("select rotated_by from meeting_room where community_id = ?1", Db.community(SUBGROUP)));

        long id = openMeeting();
        String location = Persona.MEMBER.request().get("/c/" + SUBGROUP + "/meetings/" + id + "/join").header("Location");
        assertTrue(location.startsWith("https://meet.example.org/" + after + "?jwt="), "Join uses the new name");

        assertEquals(403, Web.form(Persona.LEADER, "/c/" + SUBGROUP + "/room/rotate", Map.of()).statusCode());
        assertEquals(after, roomName(SUBGROUP));
    }

    @Test
    void eachCommunityHasItsOwnRoom() {
        Persona.COORDINATOR.request().get("/c/seguridad/room").then().statusCode(200);
        Persona.COORDINATOR.request().get("/c/" + SUBGROUP + "/room").then().statusCode(200);
        assertNotEquals(roomName("seguridad"), roomName(SUBGROUP));
    }
}
