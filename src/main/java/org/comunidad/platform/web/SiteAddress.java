package org.comunidad.platform.web;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The app's public address, read in this one place ({@code comunidad.base-url}: scheme, host and
 * port, as users reach the app): links in emails, Keycloak's return after an invitation is
 * activated. (A property injection rather than a config mapping: a mapping rooted at
 * {@code comunidad} would claim, and reject, every other {@code comunidad.*} setting.)
 */
@ApplicationScoped
public class SiteAddress {

    @ConfigProperty(name = "comunidad.base-url")
    String baseUrl;

    /** The base URL without trailing slashes. */
    public String base() {
        return baseUrl.replaceAll("/+$", "");
    }

    /** An absolute address on this site: the base URL followed by the path. */
    public String url(String path) {
        return base() + path;
    }
}
