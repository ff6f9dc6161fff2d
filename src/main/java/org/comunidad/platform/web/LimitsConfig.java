package org.comunidad.platform.web;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Fair share between members (issue 12, point 11): what one member may ask of the platform at
 * once ({@link PageAdmission}) and per period ({@link RateLimits}). A member is known by the
 * subject of their token, a visitor who is not signed in by their address. The defaults are set
 * for people, not scripts: a person opens one page at a time and writes, uploads or searches a
 * few times a minute; a script that sends requests in a loop reaches the limits within seconds.
 */
@ConfigMapping(prefix = "comunidad.limits")
public interface LimitsConfig {

    /**
     * Pages one member may have rendering or waiting for a place at once; the next gets 429 at
     * once, without waiting and without taking a place. Unset: half of
     * {@code comunidad.pages.max-concurrent} (at least 1), so that one member alone never holds
     * more than half the places and the others always find the rest.
     */
    Optional<Integer> pagesPerMember();

    /** Writing what others read (news, posts, comments, discussions, replies), pages and API alike. */
    Rate posting();

    /** Documents and new versions of documents. */
    Rate uploads();

    /** Full-text searches (the site search and the document search). */
    Rate search();

    /**
     * Members (and visitors' addresses) whose budgets are remembered at once; the least recently
     * seen are forgotten first, which can only give them a fresh budget. About 200 bytes each.
     */
    @WithDefault("50000")
    int trackedMembers();

    /**
     * A token bucket: up to {@code requests} at once, given back evenly over {@code period}
     * (30 per 10 minutes: 30 in a row, then one every 20 seconds).
     */
    interface Rate {

        int requests();

        Duration period();
    }
}
