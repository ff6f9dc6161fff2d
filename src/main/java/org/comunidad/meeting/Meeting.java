package org.comunidad.meeting;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.comunidad.community.Community;
import org.comunidad.member.Member;
import org.comunidad.platform.persistence.BaseEntity;

/**
 * The record ("ficha") of one meeting of a working group or a subgroup. Its times are instants
 * with the meeting's own zone beside them: calendars write local times with that zone's TZID,
 * pages show them in the viewer's zone and in the meeting's. {@link #uid} never changes and
 * {@link #sequence} rises with every change a calendar must see, so that Outlook, Google and
 * Thunderbird update the event they have instead of adding a second one.
 */
@Entity
@Table(name = "meeting")
public class Meeting extends BaseEntity {

    public static final int TITLE_MAX = 200;
    public static final int PLACE_MAX = 300;
    public static final int URL_MAX = 1000;
    public static final int DESCRIPTION_MAX = 4000;
    public static final int MINUTES_MAX = 100_000;

    public enum Kind {
        VIDEOCONFERENCE, WORKSHOP, IN_PERSON, HYBRID
    }

    public enum Status {
        SCHEDULED, HELD, POSTPONED, CANCELLED
    }

    /** Where the meeting takes place: the community's own room, a place, or another platform's link. */
    public enum Venue {
        ROOM, PLACE, LINK
    }

    @Column(nullable = false, updatable = false, length = 120)
    public String uid;

    @Column(nullable = false)
    public int sequence;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id")
    public Community community;

    @Column(nullable = false, length = TITLE_MAX)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status = Status.SCHEDULED;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Venue venue = Venue.ROOM;

    @Column(length = PLACE_MAX)
    public String place;

    @Column(name = "external_url", length = URL_MAX)
    public String externalUrl;

    @Column(length = DESCRIPTION_MAX)
    public String description;

    /** The description rendered when written, with the renderer's version (see {@code StoredText}). */
    @Column(name = "description_html")
    public String descriptionHtml;

    @Column(name = "description_html_version")
    public Integer descriptionHtmlVersion;

    /** Markdown, rendered by the platform's safe renderer when written (minutes_html). */
    public String minutes;

    @Column(name = "minutes_html")
    public String minutesHtml;

    @Column(name = "minutes_html_version")
    public Integer minutesHtmlVersion;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "minutes_by")
    public Member minutesBy;

    @Column(name = "minutes_at")
    public OffsetDateTime minutesAt;

    /** When attendance was recorded; null while only the answers are known. */
    @Column(name = "attendance_at")
    public OffsetDateTime attendanceAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organizer_id")
    public Member organizer;

    @OneToMany(mappedBy = "meeting", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<MeetingAgendaItem> agenda = new ArrayList<>();

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public ZonedDateTime localStart() {
        return startsAt.atZoneSameInstant(zone());
    }

    public ZonedDateTime localEnd() {
        return endsAt.atZoneSameInstant(zone());
    }

    public boolean isCancelled() {
        return status == Status.CANCELLED;
    }

    /** A change that calendars must see: the SEQUENCE rises. */
    public void changed() {
        sequence++;
    }
}
