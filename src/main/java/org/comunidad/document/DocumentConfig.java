package org.comunidad.document;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and housekeeping of the document repository (comunidad.documents.*). */
@ConfigMapping(prefix = "comunidad.documents")
public interface DocumentConfig {

    /** The largest file accepted, in bytes; a larger upload is refused before its body is stored. */
    @WithDefault("2147483648")
    long maxBytes();

    /** A working group's storage when the community has no quota of its own, in bytes. */
    @WithDefault("21474836480")
    long defaultQuotaBytes();

    /** How long deleted documents stay in the trash, restorable, before they are purged. */
    @WithDefault("30")
    int trashDays();

    /** Objects and multipart uploads younger than this are left alone by the sweeper (uploads in flight). */
    @WithDefault("PT1H")
    Duration sweepGrace();

    /** The most text kept from one file for search, in characters. */
    @WithDefault("2000000")
    int maxTextChars();

    /** Extraction attempts before a file is marked as not searchable. */
    @WithDefault("3")
    int textAttempts();
}
