package org.comunidad.meeting;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The meetings' calendars: the personal feed, and the reminder emailed before each meeting. */
@ConfigMapping(prefix = "comunidad.meetings.calendar")
public interface MeetingCalendarConfig {

    /**
     * How long before a meeting's start the reminder goes out (to the invited officials who have
     * not declined, and who keep the reminder on in their notification preferences).
     */
    @WithDefault("24h")
    Duration reminderBefore();

    /** How often the reminder job looks for meetings entering that window ("off" in the tests, which run it). */
    @WithDefault("5m")
    String reminderEvery();

    /** How far back the personal feed lists meetings (it lists every upcoming one). */
    @WithDefault("183d")
    Duration feedPast();

    /**
     * How often calendar clients should fetch the personal feed again (REFRESH-INTERVAL and
     * X-PUBLISHED-TTL). Google fetches at its own pace whatever this says.
     */
    @WithDefault("1h")
    Duration feedRefresh();
}
