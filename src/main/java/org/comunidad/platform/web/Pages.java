package org.comunidad.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.security.CurrentUser;

import io.quarkus.qute.TemplateInstance;

/** Prepares a page for rendering in the user's language, and the page again after a mistake. */
@RequestScoped
public class Pages {

    @Inject
    CurrentUser currentUser;

    @Inject
    Forms forms;

    public TemplateInstance render(TemplateInstance page) {
        return page.setLocale(currentUser.locale());
    }

    /**
     * Runs what a form asked for. When the submission breaks a rule nothing was stored: the answer
     * is 400 with the page again, its form {@code formId} holding what was typed and a message per
     * field; {@code again} renders that page with the form's state.
     */
    public Response submit(String formId, Map<String, String> typed, Supplier<Response> action,
            Function<FormState, TemplateInstance> again) {
        try {
            return action.get();
        } catch (InvalidInput invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(render(again.apply(forms.failed(formId, invalid, typed)))).build();
        }
    }

    /**
     * Runs an action on something the address names, then sends the browser to {@code then}
     * ({@link Links#seeOther}); an empty answer (nothing found) is a 404, a broken rule the page again
     * as {@link #submit} does.
     */
    public Response act(String formId, Map<String, String> typed, Supplier<Optional<?>> action, String then,
            Function<FormState, TemplateInstance> again) {
        return submit(formId, typed, () -> {
            action.get().orElseThrow(NotFoundException::new);
            return Links.seeOther(then);
        }, again);
    }

    /** What the user typed, field name then value, in order; a missing value is kept as empty. */
    public static Map<String, String> typed(String... namesAndValues) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            typed.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return typed;
    }
}
