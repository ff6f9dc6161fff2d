package org.comunidad.platform.web;

import io.smallrye.config.ConfigMapping;

/** Settings of the site as a whole; the one reader of the app's public address. */
@ConfigMapping(prefix = "comunidad")
public interface SiteConfig {

    /**
     * The public address of the app ({@code comunidad.base-url}: scheme, host and port, as users
     * reach it): links in emails, Keycloak's return after an invitation is activated.
     */
    String baseUrl();

    /** An absolute address on this site: the base URL (without trailing slashes) followed by the path. */
    default String url(String path) {
        return baseUrl().replaceAll("/+$", "") + path;
    }
}
