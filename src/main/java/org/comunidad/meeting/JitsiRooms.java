package org.comunidad.meeting;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Jitsi Meet (a self-hosted server, meet.jit.si or 8x8's JaaS): the room is {@code base-url/room-name};
 * when an app id and a secret are configured, the join link carries {@code ?jwt=} a token in the form
 * Jitsi's token authentication (prosody's token plugin, the token-affiliation plugins, JaaS) reads:
 * {@code iss} = app id, {@code aud}, {@code sub} = domain or tenant, {@code room}, {@code nbf},
 * {@code exp}, and {@code context.user} with {@code id}, {@code name}, {@code email} and
 * {@code moderator} ("true"/"false"), all strings.
 */
@ApplicationScoped
public class JitsiRooms implements RoomProvider {

    @Inject
    MeetingRoomConfig config;

    /**
     * A half-made configuration fails the start, not the first "Join": an app id without a secret
     * (or the reverse), an unknown algorithm, or a secret too short for it (RFC 7518: at least as
     * many bytes as the hash, 32 for HS256).
     */
    void check(@Observes StartupEvent event) {
        if (!name().equalsIgnoreCase(config.provider().strip())) {
            return;
        }
        URI base = URI.create(base());
        if (base.getHost() == null || !"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
            throw new IllegalStateException("comunidad.meetings.room.base-url must be an http(s) address: " + base);
        }
        if (config.appId().isPresent() != config.secret().isPresent()) {
            throw new IllegalStateException(
                    "comunidad.meetings.room.app-id and comunidad.meetings.room.secret go together: set both or neither");
        }
        SignatureAlgorithm algorithm = algorithm();
        int minimum = switch (algorithm) {
            case HS384 -> 48;
            case HS512 -> 64;
            default -> 32;
        };
        if (config.secret().isPresent() && config.secret().get().getBytes(StandardCharsets.UTF_8).length < minimum) {
            throw new IllegalStateException("comunidad.meetings.room.secret must be at least " + minimum
                    + " bytes for " + algorithm);
        }
    }

    @Override
    public String name() {
        return "jitsi";
    }

    @Override
    public String label() {
        return "Jitsi Meet";
    }

    @Override
    public String roomUrl(String roomName) {
        return base() + "/" + URLEncoder.encode(roomName, StandardCharsets.UTF_8);
    }

    @Override
    public String joinUrl(String roomName, Entrant entrant) {
        String room = roomUrl(roomName);
        if (config.appId().isEmpty() || config.secret().isEmpty()) {
            return room;
        }
        return room + "?jwt=" + token(roomName, entrant);
    }

    /** The signed token (package-visible for its test). */
    String token(String roomName, Entrant entrant) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", String.valueOf(entrant.memberId()));
        user.put("name", entrant.name() == null ? "" : entrant.name());
        user.put("email", entrant.email() == null ? "" : entrant.email());
        user.put("moderator", String.valueOf(entrant.moderator()));
        return Jwt.issuer(config.appId().orElseThrow())
                .audience(config.audience())
                .subject(subject())
                .claim("room", roomName)
                .claim("nbf", entrant.notBefore().getEpochSecond())
                .expiresAt(entrant.expires())
                .claim("context", Map.of("user", user))
                .jws().algorithm(algorithm())
                .signWithSecret(config.secret().orElseThrow());
    }

    private String subject() {
        return config.subject().filter(s -> !s.isBlank()).orElseGet(() -> URI.create(base()).getHost());
    }

    private SignatureAlgorithm algorithm() {
        SignatureAlgorithm algorithm;
        try {
            algorithm = SignatureAlgorithm.fromAlgorithm(config.algorithm().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            algorithm = null;
        }
        if (algorithm != SignatureAlgorithm.HS256 && algorithm != SignatureAlgorithm.HS384
                && algorithm != SignatureAlgorithm.HS512) {
            throw new IllegalStateException("comunidad.meetings.room.algorithm must be HS256, HS384 or HS512");
        }
        return algorithm;
    }

    private String base() {
        String base = config.baseUrl().strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
