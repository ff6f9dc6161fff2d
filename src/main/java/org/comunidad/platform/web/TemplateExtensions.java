package org.comunidad.platform.web;

import java.util.Locale;

import org.comunidad.platform.persistence.Localized;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

/** Helpers available in every template. */
@TemplateExtension
public class TemplateExtensions {

    /** {@code {name.local}}: the text in the language the page is rendered in. */
    static String local(Localized text, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        if (text == null) {
            return "";
        }
        String value = text.in(locale instanceof Locale l ? l : Locale.forLanguageTag(String.valueOf(locale)));
        return value == null ? "" : value;
    }

    /** {@code {q.urlEncoded}}: the text as a query parameter value. */
    static String urlEncoded(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
