package org.comunidad.document;

import org.comunidad.platform.content.Explained;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What only a document's uploader or manager may do (403), in the doc bundle. */
public enum DocumentRefusal implements Explained {
    NOT_UPLOADER, NOT_DOCUMENT_MANAGER, NOT_FOLDER_MANAGER, FOLDER_NOT_EMPTY, TRASH_EXPIRED;

    @Override
    public String message(String language, long limit) {
        return MessageBundles.get(DocMessages.class, Localized.Literal.of(language)).refusal(this);
    }
}
