package org.comunidad.platform.web;

import java.util.Map;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much of a request body each route may send (BodyLimits). The HTTP layer itself lets bodies
 * up to the document limit through (quarkus.http.limits.max-body-size), because document uploads
 * stream to the object store; every other route is held here to its own limit, counted as the
 * bytes arrive, whether or not the length is announced.
 */
@ConfigMapping(prefix = "comunidad.http.body")
public interface BodyLimitsConfig {

    /**
     * Paths (a regular expression over the whole path) whose bodies stream and are not read here:
     * the document uploads, which DocumentUploads holds to comunidad.documents.max-bytes itself.
     */
    String streamed();

    /** Every other route: forms and JSON hold text only (the longest is a 5,000-character post). */
    @WithDefault("1M")
    MemorySize defaultLimit();

    /** Route families with a limit of their own, by name. */
    Map<String, Family> families();

    interface Family {
        /** A regular expression over the whole path. */
        String path();

        MemorySize limit();
    }
}
