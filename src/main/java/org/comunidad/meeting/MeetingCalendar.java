package org.comunidad.meeting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.SiteConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.FoldingWriter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * Writes meetings as iCalendar (RFC 5545) with ical4j, never by concatenating text: the .ics of
 * one meeting, the personal feed, and the invitations and cancellations attached to emails
 * (RFC 5546 METHOD:REQUEST / CANCEL). Each event carries its stable UID and its SEQUENCE, so a
 * client updates the event it has; its times are local times with the meeting zone's TZID, and a
 * VTIMEZONE for that zone is built from the JDK's zone rules (the very rules that turned the
 * stored instants into those local times) over the span of the calendar's meetings, so that
 * clients which read the VTIMEZONE (Outlook) and those which read the TZID name (Google,
 * Thunderbird) agree to the minute. A local time that occurs twice (the hour repeated when the
 * clocks go back) is read by every client as its first occurrence: a time in the second one is
 * written in UTC instead. The join link is the LOCATION and the first line of the DESCRIPTION,
 * then the record's link, because clients ignore URL.
 */
@ApplicationScoped
public class MeetingCalendar {

    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8";
    static final String PRODID = "-//Comunidad//Meetings//ES";
    /** Events kept written for the feeds: every meeting of a large forum in its three languages. */
    private static final int FEED_EVENTS = 30_000;

    /** The kind of calendar: a download or feed, an invitation (or its update), a cancellation. */
    public enum Kind {
        PUBLISH, REQUEST, CANCEL
    }

    /**
     * One meeting as a calendar needs it, read from the entity or from one row of the feed's query.
     * {@code organizerEmail} may be null (then the site's sender address stands in).
     */
    public record Entry(long id, String uid, int sequence, String title, Meeting.Status status,
            OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, Meeting.Venue venue, String place,
            String externalUrl, String description, String slug, String organizerName, String organizerEmail,
            OffsetDateTime updatedAt) {

        /** Touches the meeting's community and organizer (lazy: a query each if not loaded). */
        public static Entry of(Meeting m) {
            return new Entry(m.id, m.uid, m.sequence, m.title, m.status, m.startsAt, m.endsAt, m.timeZone, m.venue,
                    m.place, m.externalUrl, m.description, m.community.slug, m.organizer.displayName,
                    m.organizer.email, m.updatedAt);
        }
    }

    /** Who an invitation is addressed to (the ATTENDEE of METHOD:REQUEST and CANCEL). */
    public record Attendee(String name, String email) {
    }

    /** A meeting's event as a feed has it, in one language. */
    private record FeedEvent(Entry entry, String language) {
    }

    /** The events of the feeds, written once (about 1 KB each). */
    private final Cache<FeedEvent, String> feedEvents = Caffeine.newBuilder().maximumSize(FEED_EVENTS).build();

    @Inject
    SiteConfig site;

    @ConfigProperty(name = "quarkus.mailer.from", defaultValue = "comunidad@localhost")
    String mailFrom;

    /** The .ics of one meeting ("add to my calendar"), in the reader's language. */
    public byte[] single(Entry entry, String language) {
        Calendar calendar = calendar(Kind.PUBLISH);
        add(calendar, List.of(entry), language, null, null);
        return write(calendar);
    }

    /**
     * The personal feed: every entry, the calendar named in the owner's language, with the hint
     * to fetch it again after {@code refresh}. Each event is written by ical4j once per version of
     * the meeting and language (the text is the same in every member's feed, DTSTAMP included:
     * the meeting's last change), and kept; the calendar around them (its properties and
     * VTIMEZONEs) is written for each feed, and the events go in before its END.
     */
    public byte[] feed(List<Entry> entries, String language, Duration refresh) {
        Calendar calendar = calendar(Kind.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", messages(language).feed_name()));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), refresh));
        calendar.add(new XProperty("X-PUBLISHED-TTL", refresh.toString()));
        timeZones(calendar, entries);
        String shell = new String(write(calendar), StandardCharsets.UTF_8);
        int end = shell.lastIndexOf("END:VCALENDAR");
        StringBuilder out = new StringBuilder(shell.length() + entries.size() * 900);
        out.append(shell, 0, end);
        CalendarMessages messages = messages(language);
        for (Entry entry : entries) {
            out.append(feedEvents.get(new FeedEvent(entry, language),
                    key -> folded(event(entry, messages, null, null))));
        }
        out.append(shell, end, shell.length());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The invitation attached to an email: METHOD:REQUEST (the first one and every change: same
     * UID, the SEQUENCE the meeting has now), or METHOD:CANCEL when the meeting is cancelled.
     */
    public byte[] invitation(Entry entry, String language, Attendee attendee, Instant now) {
        Kind kind = entry.status() == Meeting.Status.CANCELLED ? Kind.CANCEL : Kind.REQUEST;
        Calendar calendar = calendar(kind);
        add(calendar, List.of(entry), language, attendee, now);
        return write(calendar);
    }

    /** The content type of an invitation's attachment, with its method (what mail clients look for). */
    public static String contentType(Entry entry) {
        return CONTENT_TYPE + "; method=" + (entry.status() == Meeting.Status.CANCELLED ? Kind.CANCEL : Kind.REQUEST);
    }

    /** The absolute link that joins the meeting: the community's room, the other platform's link, or null (a place). */
    public String joinLink(Entry entry) {
        return switch (entry.venue()) {
            case ROOM -> site.baseUrl() + Links.community(entry.slug(), "meetings", entry.id(), "join");
            case LINK -> entry.externalUrl();
            case PLACE -> null;
        };
    }

    /** The absolute link of the meeting's record. */
    public String recordLink(Entry entry) {
        return site.baseUrl() + Links.community(entry.slug(), "meetings", entry.id());
    }

    private Calendar calendar(Kind kind) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new Method(kind.name()));
        return calendar;
    }

    private void add(Calendar calendar, List<Entry> entries, String language, Attendee attendee, Instant now) {
        CalendarMessages messages = messages(language);
        timeZones(calendar, entries);
        for (Entry entry : entries) {
            calendar.add(event(entry, messages, attendee, now));
        }
    }

    /** One VTIMEZONE per zone of the entries, over the span of that zone's meetings. */
    private static void timeZones(Calendar calendar, List<Entry> entries) {
        Map<String, Instant[]> spans = new LinkedHashMap<>();
        for (Entry entry : entries) {
            spans.merge(entry.timeZone(), new Instant[] { entry.startsAt().toInstant(), entry.endsAt().toInstant() },
                    (a, b) -> new Instant[] { a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1] });
        }
        spans.forEach((zone, span) -> calendar.add(timeZone(ZoneId.of(zone), span[0], span[1])));
    }

    private VEvent event(Entry entry, CalendarMessages messages, Attendee attendee, Instant now) {
        ZoneId zone = ZoneId.of(entry.timeZone());
        String join = joinLink(entry);
        String record = recordLink(entry);
        VEvent event = new VEvent(false);
        event.add(new Uid(entry.uid()));
        event.add(new DtStamp(now != null ? now : entry.updatedAt().toInstant()));
        event.add(new LastModified(entry.updatedAt().toInstant()));
        event.add(new Sequence(entry.sequence()));
        ZonedDateTime start = entry.startsAt().atZoneSameInstant(zone);
        ZonedDateTime end = entry.endsAt().atZoneSameInstant(zone);
        event.add(exact(start) ? new DtStart<>(tzid(zone), start.toLocalDateTime()) : new DtStart<>(start.toInstant()));
        event.add(exact(end) ? new DtEnd<>(tzid(zone), end.toLocalDateTime()) : new DtEnd<>(end.toInstant()));
        event.add(new Summary(entry.title()));
        event.add(new Status(switch (entry.status()) {
            case CANCELLED -> Status.VALUE_CANCELLED;
            case POSTPONED -> Status.VALUE_TENTATIVE;
            case SCHEDULED, HELD -> Status.VALUE_CONFIRMED;
        }));
        String where = entry.venue() == Meeting.Venue.PLACE ? entry.place() : join;
        if (where != null && !where.isBlank()) {
            event.add(new Location(where));
        }
        StringBuilder text = new StringBuilder();
        if (join != null) {
            text.append(messages.ics_join()).append(": ").append(join).append('\n');
        } else if (entry.place() != null) {
            text.append(messages.ics_place()).append(": ").append(entry.place()).append('\n');
        }
        text.append(messages.ics_record()).append(": ").append(record);
        if (entry.description() != null && !entry.description().isBlank()) {
            text.append("\n\n").append(entry.description().strip());
        }
        event.add(new Description(text.toString()));
        uri(record).ifPresent(u -> event.add(new Url(u)));
        String organizerEmail = entry.organizerEmail() != null ? entry.organizerEmail() : address(mailFrom);
        mailto(organizerEmail).ifPresent(u -> event.add(new Organizer(name(entry.organizerName()), u)));
        if (attendee != null && attendee.email() != null) {
            mailto(attendee.email()).ifPresent(u -> event.add(new net.fortuna.ical4j.model.property.Attendee(
                    name(attendee.name()), u)));
        }
        return event;
    }

    /**
     * Whether the local time with the zone's TZID says exactly this instant: not when that local
     * time occurs twice and this is its second occurrence, which clients read as the first
     * (RFC 5545 3.3.5); such a time is written in UTC instead.
     */
    static boolean exact(ZonedDateTime time) {
        List<ZoneOffset> valid = time.getZone().getRules().getValidOffsets(time.toLocalDateTime());
        return valid.size() <= 1 || valid.get(0).equals(time.getOffset());
    }

    /**
     * The TZID parameter, with the local time written as computed here: ical4j given a
     * ZonedDateTime re-zones it through its own bundled zone definitions, which put a meeting in
     * Asunción in July 2026 an hour early (ical4j 4.4.0).
     */
    private static ParameterList tzid(ZoneId zone) {
        return new ParameterList(List.of(new net.fortuna.ical4j.model.parameter.TzId(zone.getId())));
    }

    /**
     * The VTIMEZONE of a zone from the JDK's rules: the observance in force at {@code from}, then
     * one observance per transition until a year after {@code to} (each STANDARD or DAYLIGHT with
     * its DTSTART in the local time before the change, as RFC 5545 wants).
     */
    static VTimeZone timeZone(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        List<Observance> observances = new ArrayList<>();
        ZoneOffsetTransition current = rules.previousTransition(from.plusSeconds(1));
        if (current == null) {
            ZoneOffset offset = rules.getOffset(from);
            observances.add(observance(false, offset, offset, LocalDateTime.of(1970, 1, 1, 0, 0)));
        } else {
            observances.add(observance(current, rules));
        }
        Instant until = to.plus(Duration.ofDays(366));
        for (ZoneOffsetTransition next = rules.nextTransition(from); next != null
                && next.getInstant().isBefore(until); next = rules.nextTransition(next.getInstant())) {
            observances.add(observance(next, rules));
        }
        VTimeZone timeZone = new VTimeZone();
        timeZone.add(new TzId(zone.getId()));
        for (Observance observance : observances) {
            timeZone.add(observance);
        }
        return timeZone;
    }

    private static Observance observance(ZoneOffsetTransition transition, ZoneRules rules) {
        return observance(rules.isDaylightSavings(transition.getInstant()), transition.getOffsetBefore(),
                transition.getOffsetAfter(), transition.getDateTimeBefore());
    }

    private static Observance observance(boolean daylight, ZoneOffset before, ZoneOffset after, LocalDateTime start) {
        Observance observance = daylight ? new Daylight() : new Standard();
        observance.add(new TzName(tzName(after)));
        observance.add(new TzOffsetFrom(before));
        observance.add(new TzOffsetTo(after));
        observance.add(new DtStart<>(start));
        return observance;
    }

    /** "-03", "-0430": what the time zone database calls the zones of South America. */
    private static String tzName(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        String sign = seconds < 0 ? "-" : "+";
        return minutes % 60 == 0 ? String.format("%s%02d", sign, minutes / 60)
                : String.format("%s%02d%02d", sign, minutes / 60, minutes % 60);
    }

    private static ParameterList name(String name) {
        return name == null || name.isBlank() ? new ParameterList()
                // A parameter value may not hold a double quote (RFC 5545 3.1).
                : new ParameterList(List.of(new Cn(name.replace('"', '\''))));
    }

    private static java.util.Optional<URI> mailto(String email) {
        try {
            return java.util.Optional.of(new URI("mailto", email, null));
        } catch (URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<URI> uri(String link) {
        try {
            return java.util.Optional.of(new URI(link));
        } catch (URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }

    /** The address of a sender written "Name <address>". */
    private static String address(String from) {
        int open = from.indexOf('<');
        int close = from.lastIndexOf('>');
        return open >= 0 && close > open ? from.substring(open + 1, close).strip() : from.strip();
    }

    private static byte[] write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            // Built here from checked values: validation would only repeat what the types ensure.
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One event as the CalendarOutputter writes it: folded at 75 octets by ical4j's FoldingWriter. */
    private static String folded(VEvent event) {
        StringBuilder text = new StringBuilder(1024);
        Writer into = new Writer() {
            // Unsynchronized: the FoldingWriter writes a character at a time.
            @Override
            public void write(char[] chars, int offset, int length) {
                text.append(chars, offset, length);
            }

            @Override
            public void write(int c) {
                text.append((char) c);
            }

            @Override
            public void write(String string, int offset, int length) {
                text.append(string, offset, offset + length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        try (FoldingWriter writer = new FoldingWriter(into)) {
            writer.write(event.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    static CalendarMessages messages(String language) {
        return MessageBundles.get(CalendarMessages.class, Localized.Literal.of(language == null ? "es" : language));
    }
}
