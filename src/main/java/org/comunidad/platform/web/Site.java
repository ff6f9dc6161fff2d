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
}
