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

    /**
     * Extraction attempts before a file is marked as not searchable. Only a missed time
     * limit or a crashed process is tried again ({@link TextFailure#worthRetrying()}).
     */
    @WithDefault("3")
    int textAttempts();

    /** How the text of files is read for search (docs/text-extraction.md). */
    Extraction extraction();

    /**
     * Text extraction runs Tika in a separate JVM (the app's own java, started on the first
     * file and kept for the next ones), so that a hostile or broken file costs that process
     * and never the app's memory or threads.
     */
    interface Extraction {

        /** The longest one file may take; past it the process is stopped and the file marked TIMEOUT. */
        @WithDefault("PT60S")
        Duration timeout();

        /** The extraction process's heap (its -Xmx): the memory bound per file, since files are read one at a time. */
        @WithDefault("512m")
        String maxHeap();

        /**
         * Larger files are not read for search at all (TOO_LARGE): reading a file of up to 2 GB
         * would hold the only process for long, and mostly end at the time limit anyway.
         */
        @WithDefault("104857600")
        long maxFileBytes();

        /** How long an idle process waits for the next file before it exits (a new one starts when needed). */
        @WithDefault("PT5M")
        Duration idle();

        /** A process is replaced after this many files, so that a slow leak in a parser cannot build up. */
        @WithDefault("200")
        int filesPerProcess();

        /** The wait before a file is tried again (times the attempts so far). */
        @WithDefault("PT10M")
        Duration retryAfter();
    }
}
