package org.comunidad.platform.web;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many pages render at once, and how long a page waits for its turn ({@link PageAdmission}). */
@ConfigMapping(prefix = "comunidad.pages")
public interface PagesConfig {

    /** Pages rendering at once; unset: twice the cores (measured on 2 cores in docs/benchmarks.md). */
    Optional<Integer> maxConcurrent();

    /** How long a page waits for a place before the 503 "very busy" page. */
    @WithDefault("PT10S")
    Duration maxWait();
}
