package org.comunidad.meeting;

import java.time.Instant;

/**
 * A videoconference service that hosts the communities' rooms. The one in use is chosen by
 * {@code comunidad.meetings.room.provider} ({@link MeetingRoomConfig#provider()}); another service
 * plugs in as one more bean of this type with its own {@link #name()}.
 */
public interface RoomProvider {

    /** Who is let in, for how long, and with which powers in the room. */
    record Entrant(long memberId, String name, String email, boolean moderator, Instant notBefore,
            Instant expires) {
    }

    /** The value of {@code comunidad.meetings.room.provider} that selects this service. */
    String name();

    /** The service's name as people know it ("Jitsi Meet"). */
    String label();

    /** The room's address as its page shows it: nothing in it lets anyone in by itself. */
    String roomUrl(String roomName);

    /** The address that takes this member into the room (with a signed token when the service checks one). */
    String joinUrl(String roomName, Entrant entrant);
}
