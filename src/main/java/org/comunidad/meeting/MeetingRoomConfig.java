package org.comunidad.meeting;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Each community's virtual room: which videoconference service hosts it and, when that service
 * checks who comes in, how the join link's token is signed. Without an app id and a secret the
 * link carries no token (a public Jitsi Meet server such as meet.jit.si).
 */
@ConfigMapping(prefix = "comunidad.meetings.room")
public interface MeetingRoomConfig {

    /** The videoconference service: {@code jitsi} (Jitsi Meet, self-hosted or 8x8's JaaS). */
    @WithDefault("jitsi")
    String provider();

    /**
     * The server's address, without a trailing slash; the room's URL is this followed by
     * {@code /room-name} (for JaaS, include the tenant: {@code https://8x8.vc/vpaas-magic-cookie-...}).
     */
    @WithDefault("https://meet.jit.si")
    String baseUrl();

    /** The token's issuer ({@code iss}), as the server's token authentication knows this application. */
    Optional<String> appId();

    /** The shared secret that signs the token (HS256: at least 32 bytes). With the app id, links carry a token. */
    Optional<String> secret();

    /** The token's audience ({@code aud}). */
    @WithDefault("jitsi")
    String audience();

    /**
     * The token's subject ({@code sub}): the server's domain or the JaaS tenant; {@code *} lets any of
     * the server's domains accept it. Default: the base URL's host.
     */
    Optional<String> subject();

    /** The signature algorithm: HS256, HS384 or HS512. */
    @WithDefault("HS256")
    String algorithm();

    /** How long after the meeting's end the token still lets people in (meetings run late). */
    @WithDefault("PT1H")
    Duration expMargin();
}
