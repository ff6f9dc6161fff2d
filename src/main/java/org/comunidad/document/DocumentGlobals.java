package org.comunidad.document;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The choices of the documents' forms, for every template ({@code inject:docChoices}). */
@Named("docChoices")
@ApplicationScoped
public class DocumentGlobals {

    private static final List<DocumentType> TYPES = List.of(DocumentType.values());
    private static final List<DocumentLanguage> LANGUAGES = List.of(DocumentLanguage.values());

    public List<DocumentType> types() {
        return TYPES;
    }

    public List<DocumentLanguage> languages() {
        return LANGUAGES;
    }
}
