package org.comunidad.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.ValidationWarnings;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.io.TimezoneAssignment;
import biweekly.property.DateOrDateTimeProperty;
import biweekly.util.DateTimeComponents;

/**
 * Reads our .ics files with biweekly, an iCalendar parser independent of ical4j (which writes
 * them): a file that does not parse cleanly, or that biweekly's RFC 5545 validation finds fault
 * with, fails the test.
 */
final class Ics {

    private Ics() {
    }

    /** Parses one calendar, failing on any parse warning. */
    static ICalendar parse(String text) {
        List<List<ParseWarning>> warnings = new ArrayList<>();
        // Floating times would be read in this zone: none of ours is floating, so any would show.
        ICalendar calendar = Biweekly.parse(text).defaultTimezone(TimeZone.getTimeZone("Pacific/Kiritimati"))
                .warnings(warnings).first();
        assertNotNull(calendar, text);
        assertTrue(warnings.stream().allMatch(List::isEmpty), () -> warnings + "\n" + text);
        ValidationWarnings invalid = calendar.validate(ICalVersion.V2_0);
        assertTrue(invalid.isEmpty(), () -> invalid + "\n" + text);
        return calendar;
    }

    /**
     * The instant of a DTSTART or DTEND as biweekly reads it. A local time must be defined by the
     * calendar's own VTIMEZONE of that zone; its offset is the one biweekly's zone built from that
     * VTIMEZONE gives for the wall-clock time written (ICalTimeZone.getOffset(era, year, month,
     * day, dayOfWeek, millis)). Not the instant of biweekly's own Date: that one goes through
     * java.util.Calendar, which asks the zone about the UTC fields as if they were wall-clock time
     * (ICalTimeZone.getObservanceBoundary(Date)), and is an hour or more off in the hours before a
     * change of clocks whatever VTIMEZONE it reads (the tzurl.org definitions included).
     */
    static Instant instant(ICalendar calendar, DateOrDateTimeProperty property, String zone) {
        DateTimeComponents written = property.getValue().getRawComponents();
        assertTrue(written.hasTime(), property.toString());
        LocalDateTime local = LocalDateTime.of(written.getYear(), written.getMonth(), written.getDate(),
                written.getHour(), written.getMinute(), written.getSecond());
        if (written.isUtc()) {
            return local.toInstant(ZoneOffset.UTC);
        }
        TimezoneAssignment assignment = calendar.getTimezoneInfo().getTimezone(property);
        assertNotNull(assignment, "a TZID, never a floating time: " + property);
        assertNotNull(assignment.getComponent(), "the VTIMEZONE in the file defines " + zone);
        assertEquals(zone, assignment.getComponent().getTimezoneId().getValue());
        TimeZone fromFile = assignment.getTimeZone();
        int offset = fromFile.getOffset(GregorianCalendar.AD, local.getYear(), local.getMonthValue() - 1,
                local.getDayOfMonth(), local.getDayOfWeek().getValue() % 7 + 1, local.toLocalTime().toSecondOfDay() * 1000);
        return local.toInstant(ZoneOffset.ofTotalSeconds(offset / 1000));
    }

    static VEvent only(ICalendar calendar) {
        assertEquals(1, calendar.getEvents().size());
        return calendar.getEvents().get(0);
    }
}
