package org.comunidad.platform.health;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the app watches the database and the object store (comunidad.health.*): a probe of each
 * every {@link #probeEvery()}, a verdict within {@link #probeTimeout()} (no answer is "down"),
 * and what a request does while one of them is down.
 */
@ConfigMapping(prefix = "comunidad.health")
public interface HealthConfig {

    /** How often each dependency is probed (a tiny round trip on a connection of its own). */
    @WithDefault("1s")
    Duration probeEvery();

    /** A probe without an answer within this time counts as "down" (a blackholed server never answers). */
    @WithDefault("2s")
    Duration probeTimeout();

    /**
     * While a dependency is down, a request that needs it waits at most this long for a fresh
     * probe (so that a server that has just come back serves it) before it is refused with 503.
     */
    @WithDefault("300ms")
    Duration awaitVerdict();

    /** The Retry-After of the 503 answers given while a dependency is down. */
    @WithDefault("5s")
    Duration retryAfter();
}
