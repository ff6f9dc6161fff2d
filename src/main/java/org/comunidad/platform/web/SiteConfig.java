package org.comunidad.platform.web;

import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * The installation as a whole (comunidad.site.*): which forum runs it, where the public
 * reaches it, and the time zone of whoever has not chosen one. Every reader injects this
 * mapping; no other class reads these properties. Nothing here touches the database, so the
 * pages answered where no query may run (busy, unmatched address) can use it too.
 */
@ConfigMapping(prefix = "comunidad.site")
public interface SiteConfig {

    /**
     * The forum's short name, beside the app's name in every page's header (PROSUR, SELA,
     * CELAC...): one build serves any forum, the installation says which.
     */
    String forumName();

    /**
     * The forum's name where Portuguese writes it differently (PROSUR is PROSUL): the pages'
     * sentences in Portuguese use it; the header keeps {@link #forumName()}.
     */
    @WithName("forum-name-pt")
    Optional<String> portugueseForumName();

    /** The public address of the app, as configured (a trailing slash is allowed). */
    @WithName("base-url")
    String configuredBaseUrl();

    /**
     * The zone of the dates shown to a user who has none of their own (and of a member whose
     * stored zone is unknown), and of new members from a country without a zone of its own.
     */
    ZoneId timeZone();

    /** The public address without a trailing slash: links in emails append an absolute path to it. */
    default String baseUrl() {
        return configuredBaseUrl().replaceAll("/+$", "");
    }
}
