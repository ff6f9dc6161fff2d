package org.comunidad.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** A meeting's time in its own zone and in the reader's, as every meeting page shows it. */
class MeetingTimesTest {

    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    @Test
    void theMeetingsZoneByItsCityAndTheReadersTimeBeside() {
        // 3 December 2026, 10:00 in Santiago (UTC-3) is 08:00 in Bogotá (UTC-5).
        OffsetDateTime start = OffsetDateTime.parse("2026-12-03T13:00:00Z");
        MeetingTimes.When when = MeetingTimes.of(start, start.plusMinutes(90), SANTIAGO, ZoneId.of("America/Bogota"),
                Locale.forLanguageTag("es"));
        assertEquals("10:00", when.start());
        assertEquals("11:30", when.end());
        assertEquals("Santiago", when.city());
        assertEquals("08:00", when.viewerStart());
        assertEquals("09:30", when.viewerEnd());
        assertFalse(when.sameZone());
        assertEquals("jueves, 3 de diciembre de 2026", when.date());
        assertEquals("2026-12-03T13:00:00Z", when.iso());
    }

    @Test
    void oneTimeWhenBothZonesAgreeThatDay() {
        // São Paulo and Santiago are both UTC-3 in December.
        OffsetDateTime start = OffsetDateTime.parse("2026-12-03T13:00:00Z");
        assertTrue(MeetingTimes.of(start, start.plusHours(1), SANTIAGO, ZoneId.of("America/Sao_Paulo"),
                Locale.ENGLISH).sameZone());
        // In July Santiago is UTC-4: the zones differ.
        OffsetDateTime july = OffsetDateTime.parse("2026-07-02T14:00:00Z");
        assertFalse(MeetingTimes.of(july, july.plusHours(1), SANTIAGO, ZoneId.of("America/Sao_Paulo"),
                Locale.ENGLISH).sameZone());
    }

    @Test
    void theReadersDateWhenTheirDayIsAnother() {
        // 23:00 in Guyana (UTC-4) is 03:00 the next day in UTC.
        OffsetDateTime start = OffsetDateTime.parse("2026-12-04T03:00:00Z");
        MeetingTimes.When when = MeetingTimes.of(start, start.plusHours(1), ZoneId.of("America/Guyana"),
                ZoneId.of("UTC"), Locale.ENGLISH);
        assertEquals("23:00", when.start());
        assertEquals("4 Dec 03:00", when.viewerStart());
    }

    @Test
    void citiesAreWrittenWithTheirAccents() {
        assertEquals("Asunción", MeetingTimes.city(ZoneId.of("America/Asuncion")));
        assertEquals("São Paulo", MeetingTimes.city(ZoneId.of("America/Sao_Paulo")));
        assertEquals("Bogotá", MeetingTimes.city(ZoneId.of("America/Bogota")));
        assertEquals("Guyana", MeetingTimes.city(ZoneId.of("America/Guyana")));
        assertEquals("Buenos Aires", MeetingTimes.city(ZoneId.of("America/Argentina/Buenos_Aires")));
    }
}
