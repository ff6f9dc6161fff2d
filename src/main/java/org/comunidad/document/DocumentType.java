package org.comunidad.document;

/** The forum's classification of documents, as on its public website. */
public enum DocumentType {
    SECTOR_PLAN, WORK_PLAN, REPORT, MINUTES, PRESENTATION, DECLARATION, OTHER;

    public static DocumentType parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
