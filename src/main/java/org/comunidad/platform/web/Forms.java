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

    /** The strings of accounts, invitations, profile and email, in the user's language. */
    public org.comunidad.member.AccountMessages accounts() {
        return MessageBundles.get(org.comunidad.member.AccountMessages.class,
                Localized.Literal.of(currentUser.language()));
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
        AppMessages msg = messages();
        return switch (v.code()) {
            case REQUIRED -> msg.validation_required();
            case TOO_LONG -> msg.validation_too_long(v.limit());
            case INVALID_URL -> msg.validation_invalid_url();
            case INVALID_DATE -> msg.validation_invalid_date();
            case DATE_IN_PAST -> msg.validation_date_in_past();
            case IMAGE_TYPE -> msg.validation_image_type();
            case IMAGE_TOO_LARGE -> msg.validation_image_too_large(v.limit());
            case REASON_REQUIRED -> msg.validation_reason_required();
            case INVALID_NAME -> msg.validation_invalid_name();
            case DUPLICATE -> msg.validation_duplicate();
            case INVALID_CHOICE -> msg.validation_invalid_choice();
            case TOO_MANY -> msg.validation_too_many(v.limit());
            case SAME_LANGUAGE -> msg.validation_same_language();
            case ROLE_TAKEN -> msg.validation_role_taken();
            case ROLE_HELD -> msg.validation_role_held();
            case DUPLICATE_REQUEST -> msg.validation_duplicate_request();
            case INVALID_EMAIL -> accounts().validation_invalid_email();
            case ACCOUNT_EXISTS -> accounts().validation_account_exists();
            case INVITATION_PENDING -> accounts().validation_invitation_pending();
            case INVALID_PHONE -> accounts().validation_invalid_phone();
            case INVALID_TIME_ZONE -> accounts().validation_invalid_time_zone();
            case INVALID_VALUE -> v.field() == null || v.field().isBlank() ? system().invalid_value_unnamed()
                    : system().invalid_value(v.field());
        };
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
        return messages().refused(refused.reason());
    }
}
