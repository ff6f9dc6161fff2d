package org.comunidad.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Jitsi provider's settings, without a server: no app id and secret, no token (meet.jit.si);
 * the subject defaults to the base URL's host and may be a JaaS tenant; a half-made or weak
 * configuration fails the start.
 */
class JitsiRoomsTest {

    private static final RoomProvider.Entrant ENTRANT = new RoomProvider.Entrant(7, "Ana Pérez", "ana@example.org",
            false, Instant.parse("2026-12-01T12:45:00Z"), Instant.parse("2026-12-01T15:30:00Z"));

    static JitsiRooms rooms(String baseUrl, String appId, String secret, String subject, String algorithm) {
        JitsiRooms rooms = new JitsiRooms();
        rooms.config = new MeetingRoomConfig() {
            public String provider() {
                return "jitsi";
            }

            public String baseUrl() {
                return baseUrl;
            }

            public Optional<String> appId() {
                return Optional.ofNullable(appId);
            }

            public Optional<String> secret() {
                return Optional.ofNullable(secret);
            }

            public String audience() {
                return "jitsi";
            }

            public Optional<String> subject() {
                return Optional.ofNullable(subject);
            }

            public String algorithm() {
                return algorithm;
            }

            public Duration expMargin() {
                return Duration.ofHours(1);
            }
        };
        return rooms;
    }

    @Test
    void withoutAppIdAndSecretTheLinkCarriesNoToken() {
        JitsiRooms rooms = rooms("https://meet.jit.si/", null, null, null, "HS256");
        rooms.check(null);
        assertEquals("https://meet.jit.si/AbCdEfGhIjKlMnOpQrSt", rooms.joinUrl("AbCdEfGhIjKlMnOpQrSt", ENTRANT));
        assertEquals("https://meet.jit.si/AbCdEfGhIjKlMnOpQrSt", rooms.roomUrl("AbCdEfGhIjKlMnOpQrSt"));
    }

    @Test
    void aJaasTenantIsTheSubjectAndTheAlgorithmIsConfigurable() throws Exception {
        String secret = "a-secret-long-enough-for-hs384-which-needs-48-bytes!";
        JitsiRooms rooms = rooms("https://8x8.vc/vpaas-magic-cookie-abc", "comunidad", secret,
                "vpaas-magic-cookie-abc", "HS384");
        rooms.check(null);
        String url = rooms.joinUrl("AbCdEfGhIjKlMnOpQrSt", ENTRANT);
        assertTrue(url.startsWith("https://8x8.vc/vpaas-magic-cookie-abc/AbCdEfGhIjKlMnOpQrSt?jwt="), url);
        String[] parts = url.substring(url.indexOf("jwt=") + 4).split("\\.");
        ObjectMapper json = new ObjectMapper();
        assertEquals("HS384", json.readTree(Base64.getUrlDecoder().decode(parts[0])).get("alg").asText());
        JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertEquals("vpaas-magic-cookie-abc", claims.get("sub").asText());
        assertEquals(ENTRANT.notBefore().getEpochSecond(), claims.get("nbf").asLong());
        assertEquals(ENTRANT.expires().getEpochSecond(), claims.get("exp").asLong());
        assertEquals("Ana Pérez", claims.get("context").get("user").get("name").asText());
        assertEquals("false", claims.get("context").get("user").get("moderator").asText());
    }

    @Test
    void theSubjectDefaultsToTheServersHost() throws Exception {
        JitsiRooms rooms = rooms("https://meet.prosur.example", "comunidad",
                "0123456789abcdef0123456789abcdef", null, "HS256");
        String token = rooms.token("AbCdEfGhIjKlMnOpQrSt", ENTRANT);
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertEquals("meet.prosur.example", claims.get("sub").asText());
    }

    @Test
    void aHalfMadeOrWeakConfigurationFailsTheStart() {
        assertThrows(IllegalStateException.class, () -> rooms("https://meet.example.org", "app", null, null, "HS256").check(null));
        assertThrows(IllegalStateException.class, () -> rooms("https://meet.example.org", null, "s".repeat(40), null, "HS256").check(null));
        assertThrows(IllegalStateException.class, () -> rooms("https://meet.example.org", "app", "too-short", null, "HS256").check(null));
        assertThrows(IllegalStateException.class, () -> rooms("https://meet.example.org", "app", "s".repeat(40), null, "RS256").check(null));
        assertThrows(IllegalStateException.class, () -> rooms("https://meet.example.org", "app", "s".repeat(40), null, "HS512").check(null));
        assertThrows(IllegalStateException.class, () -> rooms("meet.example.org", null, null, null, "HS256").check(null));
    }
}
