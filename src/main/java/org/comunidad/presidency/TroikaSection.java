package org.comunidad.presidency;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.comunidad.member.CommunitiesPageSection;
import org.comunidad.platform.security.CurrentUser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The troika at the top of "my communities", when the forum has one: members only. */
@ApplicationScoped
public class TroikaSection implements CommunitiesPageSection {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(Presidencies.Troika troika, Boolean admin);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    Presidencies presidencies;

    @Override
    public int position() {
        return 10;
    }

    @Override
    public Optional<TemplateInstance> section() {
        if (!currentUser.isSignedIn()) {
            return Optional.empty();
        }
        Presidencies.Troika troika = presidencies.troika();
        return troika.isEmpty() ? Optional.empty() : Optional.of(Templates.section(troika, currentUser.isAdmin()));
    }
}
