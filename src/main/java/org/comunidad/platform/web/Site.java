package org.comunidad.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The installation's settings that templates show ({@code inject:site.forumName}): read from
 * {@link SiteConfig}, never from the database, so the plain error layout may use them too.
 */
@Named("site")
@ApplicationScoped
public class Site {

    @Inject
    SiteConfig config;

    public String forumName() {
        return config.forumName();
    }

    /** The forum's name as a sentence in this language writes it (PROSUL in Portuguese). */
    public String forumNameIn(String language) {
        return "pt".equals(language) ? config.portugueseForumName().orElse(config.forumName()) : config.forumName();
    }
}
