package org.comunidad.platform.persistence;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A text kept in the forum's three languages. Columns are named {@code <field>_es},
 * {@code <field>_pt} and {@code <field>_en} through {@code @AttributeOverride}.
 */
@Embeddable
public class Localized {

    @Column(name = "es")
    public String es;

    @Column(name = "pt")
    public String pt;

    @Column(name = "en")
    public String en;

    public Localized() {
    }

    public Localized(String es, String pt, String en) {
        this.es = es;
        this.pt = pt;
        this.en = en;
    }

    /** The text in the given language, falling back to Spanish, the forum's working language. */
    public String in(Locale locale) {
        String value = switch (locale == null ? "es" : locale.getLanguage()) {
            case "pt" -> pt;
            case "en" -> en;
            default -> es;
        };
        return value == null || value.isBlank() ? es : value;
    }

    public String in(String language) {
        return in(language == null ? null : Locale.forLanguageTag(language));
    }
}
