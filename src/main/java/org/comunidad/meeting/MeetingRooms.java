package org.comunidad.meeting;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.member.Member;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.Links;

/**
 * Each community's own virtual room: created the first time it is needed, with a random name
 * nobody can guess (24 letters and digits), rotated by the group's coordinator when it leaks
 * (audited); and the way into it for one meeting, only while {@link MeetingAccess#joinOpen} says
 * so, with the provider's signed token. Only members of the community's group see any of it.
 */
@ApplicationScoped
public class MeetingRooms {

    /** Room names: letters and digits only, which every provider and the schema (16 to 80 of [A-Za-z0-9-]) accept. */
    static final int NAME_LENGTH = 24;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How many meetings in the room its page lists. */
    static final int UPCOMING = 5;

    /** A meeting in the room, as the room's page lists it. */
    public record Upcoming(long id, String title, String link, MeetingTimes.When when, boolean joinOpen,
            String joinLink) {
    }

    /** The room's page: its address, who rotated it last, the next meetings held in it. */
    public record RoomPage(Community community, String roomUrl, String provider, boolean canRotate,
            String rotatedAt, List<Upcoming> upcoming) {
    }

    /** Why "Join" is not open now. */
    public enum Closed {
        NOT_YET, ENDED, CANCELLED, IN_PLACE
    }

    /** The answer to "Join": the address to go to, or why not now (and when it opens). */
    public record Join(String url, Closed closed, Community community, long meetingId, String title,
            MeetingTimes.When when, MeetingTimes.When opens, String place) {
        public boolean open() {
            return url != null;
        }
    }

    @Inject
    Meetings meetings;

    @Inject
    MeetingRoomConfig config;

    @Inject
    Instance<RoomProvider> providers;

    @Inject
    EntityManager em;

    /** The room's page, for members of the community's group. */
    @Transactional
    public Optional<RoomPage> page(Viewer viewer, CommunityRef ref, ZoneId zone, Locale locale) {
        return meetings.community(viewer, ref).map(community -> {
            MeetingRoom room = roomOf(community);
            OffsetDateTime now = OffsetDateTime.now();
            List<Meeting> next = em.createQuery("""
                    select m from Meeting m where m.community.id = :community and m.venue = :room
                    and m.status <> :cancelled and m.endsAt > :now order by m.startsAt, m.id""", Meeting.class)
                    .setParameter("community", community.id).setParameter("room", Meeting.Venue.ROOM)
                    .setParameter("cancelled", Meeting.Status.CANCELLED).setParameter("now", now)
                    .setMaxResults(UPCOMING).getResultList();
            List<Upcoming> upcoming = next.stream().map(m -> new Upcoming(m.id, m.title,
                    Links.community(community.slug, "meetings", m.id),
                    MeetingTimes.of(m.startsAt, m.endsAt, m.zone(), zone, locale), MeetingAccess.joinOpen(m, now),
                    Links.community(community.slug, "meetings", m.id, "join"))).toList();
            String rotatedAt = room.rotatedAt == null ? null
                    : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                            .format(room.rotatedAt.atZoneSameInstant(zone));
            return new RoomPage(community, provider().roomUrl(room.roomName), provider().label(),
                    MeetingAccess.rotatesRoom(viewer, community), rotatedAt, upcoming);
        });
    }

    /** A new name for the room: the old address stops leading to it. The group's coordinator (or the admin) only. */
    @Transactional
    public Optional<Community> rotate(Viewer viewer, CommunityRef ref) {
        return meetings.community(viewer, ref).map(community -> {
            if (!MeetingAccess.rotatesRoom(viewer, community)) {
                throw new Refused(Refused.Reason.NOT_COORDINATOR);
            }
            MeetingRoom room = roomOf(community);
            room.roomName = newName();
            room.rotatedAt = OffsetDateTime.now();
            room.rotatedBy = viewer.memberId();
            AuditLog.record(viewer.memberId(), community.groupId(), MeetingRoomAudit.Action.MEETING_ROOM_ROTATE.name(),
                    "community", community.id, community.slug);
            return community;
        });
    }

    /** "Join" for one meeting: where to go if it is open now, else why not and when it opens. */
    @Transactional
    public Optional<Join> join(Viewer viewer, CommunityRef ref, long meetingId, ZoneId zone, Locale locale) {
        return meetings.visible(viewer, ref, meetingId).map(found -> {
            Meeting meeting = found.meeting();
            Community community = found.community();
            OffsetDateTime now = OffsetDateTime.now();
            MeetingTimes.When when = MeetingTimes.of(meeting.startsAt, meeting.endsAt, meeting.zone(), zone, locale);
            OffsetDateTime opensAt = meeting.startsAt.minus(MeetingAccess.JOIN_OPENS);
            MeetingTimes.When opens = MeetingTimes.of(opensAt, meeting.startsAt, meeting.zone(), zone, locale);
            if (!MeetingAccess.joinOpen(meeting, now)) {
                Closed why = meeting.venue == Meeting.Venue.PLACE ? Closed.IN_PLACE
                        : meeting.isCancelled() ? Closed.CANCELLED
                        : now.isBefore(opensAt) ? Closed.NOT_YET : Closed.ENDED;
                return new Join(null, why, community, meeting.id, meeting.title, when, opens, meeting.place);
            }
            // Another platform's meeting goes to its own link; without one, to the community's room.
            String url;
            if (meeting.venue == Meeting.Venue.LINK && meeting.externalUrl != null && !meeting.externalUrl.isBlank()) {
                url = meeting.externalUrl;
            } else {
                Member member = em.find(Member.class, viewer.memberId());
                url = provider().joinUrl(roomOf(community).roomName, new RoomProvider.Entrant(viewer.memberId(),
                        member.displayName, member.verifiedEmail(), MeetingAccess.moderatesRoom(viewer, community),
                        opensAt.toInstant(), meeting.endsAt.plus(config.expMargin()).toInstant()));
            }
            return new Join(url, null, community, meeting.id, meeting.title, when, opens, meeting.place);
        });
    }

    /** The community's room, created now if it has none yet (two requests at once create one). */
    @Transactional(Transactional.TxType.MANDATORY)
    MeetingRoom roomOf(Community community) {
        MeetingRoom room = MeetingRoom.findById(community.id);
        if (room != null) {
            return room;
        }
        em.createNativeQuery("insert into meeting_room (community_id, room_name) values (?1, ?2) on conflict do nothing")
                .setParameter(1, community.id).setParameter(2, newName()).executeUpdate();
        return MeetingRoom.findById(community.id);
    }

    /** An unknown provider fails the start, not the first "Join". */
    void check(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        provider();
    }

    /** The provider the configuration names. */
    RoomProvider provider() {
        String name = config.provider().strip();
        return providers.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no videoconference provider named '" + name
                        + "' (comunidad.meetings.room.provider)"));
    }

    static String newName() {
        StringBuilder name = new StringBuilder(NAME_LENGTH);
        for (int i = 0; i < NAME_LENGTH; i++) {
            name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }
}
