package org.comunidad.document;

import org.comunidad.platform.content.Explained;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What a folder or a document's details may get wrong, in the doc bundle. */
public enum DocumentViolation implements Explained {
    INVALID_NAME, DUPLICATE, SAME_LANGUAGE;

    @Override
    public String message(String language, long limit) {
        return MessageBundles.get(DocMessages.class, Localized.Literal.of(language)).validation(this);
    }
}
