package org.comunidad.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.security.CurrentUser;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Turns rule violations into messages in the user's language, for pages and the API alike. */
@RequestScoped
@jakarta.inject.Named("forms")
public class Forms {

    @Inject
    CurrentUser currentUser;

    /** An untouched form, for the many small forms of a page (one per comment). */
    public FormState blank(String formId) {
        return FormState.empty(formId);
    }

    public AppMessages messages() {
        return MessageBundles.get(AppMessages.class, Localized.Literal.of(currentUser.language()));
    }

    /** A message bundle of a feature (its interface type), in the user's language. */
    public <T> T bundle(Class<T> type) {
        return MessageBundles.get(type, Localized.Literal.of(currentUser.language()));
    }

    /** The platform's own messages (sys bundle), in the user's language. */
    public SystemMessages system() {
        return MessageBundles.get(SystemMessages.class, Localized.Literal.of(currentUser.language()));
    }

    /** The form again, with what the user typed and what is wrong with it. */
    public FormState failed(String formId, InvalidInput invalid, Map<String, String> typed) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation v : invalid.violations()) {
            errors.putIfAbsent(v.field(), message(v));
        }
        Map<String, String> values = new LinkedHashMap<>();
        typed.forEach((k, v) -> values.put(k, v == null ? "" : v));
        return new FormState(formId, values, errors);
    }

    public String message(Violation v) {
        return v.message(currentUser.language());
    }

    /** Why a request over the member's share was refused, and when to try again. */
    public String message(TooManyRequests tooMany) {
        SystemMessages sys = system();
        long seconds = tooMany.retryAfterSeconds();
        return switch (tooMany.what()) {
            case PAGES -> sys.too_many_pages();
            case POSTING -> sys.too_many_posting(seconds);
            case UPLOADS -> sys.too_many_uploads(seconds);
            case SEARCH -> sys.too_many_search(seconds);
        };
    }

    public String message(Refused refused) {
        return refused.reason().message(currentUser.language(), 0);
    }
}
