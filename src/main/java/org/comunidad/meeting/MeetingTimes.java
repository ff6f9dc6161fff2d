package org.comunidad.meeting;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/**
 * A meeting's time as its pages show it: in the meeting's own zone, named by its city
 * ("10:00 Santiago"), and in the viewer's zone beside it ("09:00 your time") when the two differ
 * at that instant.
 */
public final class MeetingTimes {

    private MeetingTimes() {
    }

    /**
     * date: the day in the meeting's zone (long form, the reader's language); start and end: the
     * hours there; city: the zone's city ("Santiago", "Sao Paulo"); viewerStart, viewerEnd: the
     * hours in the viewer's zone, with the date when it differs; sameZone: both zones have the
     * same offset then (the page shows one time); iso: the start, for {@code <time datetime>}.
     */
    public record When(String date, String start, String end, String city, String viewerStart, String viewerEnd,
            boolean sameZone, String iso) {
    }

    public static When of(OffsetDateTime startsAt, OffsetDateTime endsAt, ZoneId meetingZone, ZoneId viewerZone,
            Locale locale) {
        ZonedDateTime start = startsAt.atZoneSameInstant(meetingZone);
        ZonedDateTime end = endsAt.atZoneSameInstant(meetingZone);
        ZonedDateTime viewerStart = startsAt.atZoneSameInstant(viewerZone);
        ZonedDateTime viewerEnd = endsAt.atZoneSameInstant(viewerZone);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        DateTimeFormatter hour = DateTimeFormatter.ofPattern("HH:mm", locale);
        DateTimeFormatter dayHour = DateTimeFormatter.ofPattern("d MMM HH:mm", locale);
        boolean same = start.getOffset().equals(viewerStart.getOffset()) && end.getOffset().equals(viewerEnd.getOffset());
        return new When(day.format(start), hour.format(start),
                (end.toLocalDate().equals(start.toLocalDate()) ? hour : dayHour).format(end), city(meetingZone),
                (viewerStart.toLocalDate().equals(start.toLocalDate()) ? hour : dayHour).format(viewerStart),
                (viewerEnd.toLocalDate().equals(viewerStart.toLocalDate()) ? hour : dayHour).format(viewerEnd), same,
                startsAt.toInstant().toString());
    }

    /**
     * The region's zone cities whose IANA names drop their accents, as they are written (CLDR's
     * exemplar cities); java.time does not expose those names.
     */
    private static final Map<String, String> WRITTEN = Map.of("America/Asuncion", "Asunción",
            "America/Sao_Paulo", "São Paulo", "America/Bogota", "Bogotá", "America/Cuiaba", "Cuiabá",
            "America/Belem", "Belém", "America/Maceio", "Maceió", "America/Araguaina", "Araguaína",
            "America/Santarem", "Santarém");

    /** The city of an IANA zone as people write it: "America/Sao_Paulo" is "São Paulo". */
    public static String city(ZoneId zone) {
        String id = zone.getId();
        String written = WRITTEN.get(id);
        if (written != null) {
            return written;
        }
        int slash = id.lastIndexOf('/');
        return (slash < 0 ? id : id.substring(slash + 1)).replace('_', ' ');
    }
}
