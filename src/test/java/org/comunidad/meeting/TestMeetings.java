package org.comunidad.meeting;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.comunidad.testsupport.Db;

/**
 * Builds meetings for tests, the way the schedule form stores them: the community's countries
 * invited by default, and their members as invited officials.
 * <pre>
 * long id = TestMeetings.in("seguridad-asistencia-victimas").by("lider.victimas")
 *         .at(OffsetDateTime.now().plusDays(7)).save();
 * </pre>
 */
public final class TestMeetings {

    private final String slug;
    private String organizer = "coord.seguridad";
    private String title = "Videoconferencia de prueba";
    private OffsetDateTime start = OffsetDateTime.now().plusDays(7).withNano(0);
    private int minutes = 90;
    private String zone = "America/Santiago";
    private String kind = "VIDEOCONFERENCE";
    private String status = "SCHEDULED";
    private String venue = "ROOM";
    private boolean inviteMembers = true;
    private final List<String> countries = new ArrayList<>();

    private TestMeetings(String slug) {
        this.slug = slug;
    }

    public static TestMeetings in(String slug) {
        return new TestMeetings(slug);
    }

    public TestMeetings by(String username) {
        this.organizer = username;
        return this;
    }

    public TestMeetings titled(String title) {
        this.title = title;
        return this;
    }

    public TestMeetings at(OffsetDateTime start) {
        this.start = start;
        return this;
    }

    public TestMeetings lasting(int minutes) {
        this.minutes = minutes;
        return this;
    }

    public TestMeetings zone(String zone) {
        this.zone = zone;
        return this;
    }

    public TestMeetings kind(String kind) {
        this.kind = kind;
        return this;
    }

    public TestMeetings status(String status) {
        this.status = status;
        return this;
    }

    /** Held in a place, not in the room. */
    public TestMeetings inPlace(String place) {
        this.venue = "PLACE:" + place;
        return this;
    }

    /** Only these countries (default: the community's). */
    public TestMeetings countries(String... codes) {
        countries.addAll(List.of(codes));
        return this;
    }

    /** No invited officials (only countries). */
    public TestMeetings noInvitees() {
        this.inviteMembers = false;
        return this;
    }

    /** Stores the meeting and returns its id. */
    public long save() {
        long community = Db.community(slug);
        long organizerId = Db.member(organizer);
        String place = venue.startsWith("PLACE:") ? venue.substring(6) : null;
        ZoneId.of(zone);
        long id = Db.number("""
                insert into meeting (uid, community_id, title, kind, status, starts_at, ends_at, time_zone, venue, place,
                                     organizer_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) returning id""",
                UUID.randomUUID() + "@test.comunidad", community, title, kind, status, start, start.plusMinutes(minutes),
                zone, place == null ? "ROOM" : "PLACE", place, organizerId);
        if (countries.isEmpty()) {
            Db.update("insert into meeting_country (meeting_id, country_code) select ?1, country_code "
                    + "from community_country where community_id = ?2 union select ?1, leader_country from community "
                    + "where id = ?2 and leader_country is not null", id, community);
        } else {
            for (String code : countries) {
                Db.update("insert into meeting_country (meeting_id, country_code) values (?1, ?2)", id, code);
            }
        }
        if (inviteMembers) {
            Db.update("""
                    insert into meeting_invitee (meeting_id, member_id, country_code)
                    select distinct on (m.id) ?1, m.id, coalesce(ms.country_code, m.country_code)
                    from membership ms join member m on m.id = ms.member_id
                    where ms.community_id = ?2 and m.disabled_at is null
                      and coalesce(ms.country_code, m.country_code) in (select country_code from meeting_country where meeting_id = ?1)
                    order by m.id, ms.country_code nulls last""", id, community);
        }
        return id;
    }
}
