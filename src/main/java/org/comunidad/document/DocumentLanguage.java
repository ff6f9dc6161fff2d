package org.comunidad.document;

/** The languages a document can be in (the forum's three, or another). */
public enum DocumentLanguage {
    es, pt, en, other;

    public static DocumentLanguage of(String code) {
        for (DocumentLanguage l : values()) {
            if (l.name().equals(code)) {
                return l;
            }
        }
        return other;
    }
}
