package org.comunidad.meeting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Recordings of meetings: video or audio files in the object store, counted in the group's quota. */
@ConfigMapping(prefix = "comunidad.meetings.recordings")
public interface MeetingRecordingConfig {

    /**
     * The largest recording accepted, in bytes; the group's storage quota applies as well. The
     * HTTP layer's own limit for the upload route (comunidad.http.body.families.recordings) must be
     * at least this.
     */
    @WithDefault("2147483648")
    long maxBytes();

    /**
     * Recordings' objects and multipart uploads younger than this are left alone by the sweeper
     * (uploads in flight: a 2 GiB file over a slow line takes hours).
     */
    @WithDefault("PT24H")
    java.time.Duration sweepGrace();
}
