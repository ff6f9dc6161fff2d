package org.comunidad.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.comunidad.platform.security.CurrentUser;

import io.quarkus.qute.TemplateInstance;

/** Prepares a page for rendering in the user's language. */
@RequestScoped
public class Pages {

    @Inject
    CurrentUser currentUser;

    public TemplateInstance render(TemplateInstance page) {
        return page.setLocale(currentUser.locale());
    }
}
