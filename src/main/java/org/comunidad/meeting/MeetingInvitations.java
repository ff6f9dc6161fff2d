package org.comunidad.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.comunidad.platform.notice.NoticeAttachment;
import org.comunidad.platform.notice.NoticeKind;

/**
 * What the meeting notices carry: the .ics attached to the email of an invitation, a change or a
 * cancellation, built when the email goes out from the meeting as it is then (METHOD:REQUEST
 * with the UID and the SEQUENCE it has now, or METHOD:CANCEL if it is cancelled by then), with the
 * recipient as ATTENDEE and its texts in their language; and the notices' excerpt, the meeting's
 * title and time in the recipient's language and zone beside the meeting's own. The reminder
 * carries no file: the event is in the calendar already.
 */
@ApplicationScoped
public class MeetingInvitations implements NoticeAttachment {

    /** The event keys of {@link MeetingNotice} that carry the event: {@code meeting:{id}:seq:{n}}, {@code meeting:{id}:cancel:{n}}. */
    private static final Pattern KEY = Pattern.compile("meeting:(\\d{1,18}):(?:seq|cancel):\\d+");

    @Inject
    EntityManager em;

    @Inject
    MeetingCalendar calendar;

    @Override
    public Optional<File> attachment(NoticeKind kind, String eventKey, long recipientId, String language,
            ZoneId zone) {
        if (!(kind instanceof MeetingNotice) || kind == MeetingNotice.MEETING_REMINDER) {
            return Optional.empty();
        }
        Matcher key = KEY.matcher(eventKey);
        if (!key.matches()) {
            return Optional.empty();
        }
        Meeting meeting = em.find(Meeting.class, Long.parseLong(key.group(1)));
        if (meeting == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Tuple> recipient = em.createNativeQuery(
                "select display_name as name, email from member where id = ?1", Tuple.class)
                .setParameter(1, recipientId).getResultList();
        MeetingCalendar.Attendee attendee = recipient.isEmpty() ? null
                : new MeetingCalendar.Attendee(recipient.get(0).get("name", String.class),
                        recipient.get(0).get("email", String.class));
        MeetingCalendar.Entry entry = MeetingCalendar.Entry.of(meeting);
        return Optional.of(new File(entry.status() == Meeting.Status.CANCELLED ? "cancel.ics" : "invite.ics",
                MeetingCalendar.contentType(entry), calendar.invitation(entry, language, attendee, Instant.now())));
    }

    /**
     * A meeting notice's excerpt for one recipient: "Title · Thursday, 3 December 2026, 10:00
     * Santiago (09:00 your time)", in their language and zone.
     */
    public static String excerpt(String title, OffsetDateTime startsAt, OffsetDateTime endsAt, ZoneId meetingZone,
            String language, ZoneId recipientZone) {
        String lang = language == null ? "es" : language;
        MeetingTimes.When when = MeetingTimes.of(startsAt, endsAt, meetingZone, recipientZone,
                Locale.forLanguageTag(lang));
        CalendarMessages messages = MeetingCalendar.messages(lang);
        return when.sameZone() ? messages.excerpt(title, when.date(), when.start(), when.city())
                : messages.excerpt_local(title, when.date(), when.start(), when.city(), when.viewerStart());
    }
}
