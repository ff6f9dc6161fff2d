package org.comunidad.document;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.audit.AuditLabels;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What the document repository writes to the audit log, labeled for the audit page (doc bundle). */
@ApplicationScoped
public class DocumentAudit implements AuditLabels {

    /** The actions as audit_log.action stores them. */
    public enum Action implements AuditLabels.Action {
        DOCUMENT_UPLOAD, DOCUMENT_VERSION, DOCUMENT_DOWNLOAD, DOCUMENT_PREVIEW, DOCUMENT_EDIT, DOCUMENT_DELETE,
        DOCUMENT_RESTORE, DOCUMENT_PURGE, DOCUMENT_TRANSLATION_LINK, DOCUMENT_TRANSLATION_UNLINK, FOLDER_CREATE,
        FOLDER_RENAME, FOLDER_DELETE;

        @Override
        public String label(String language) {
            return MessageBundles.get(DocMessages.class, Localized.Literal.of(language)).audit_action(this);
        }
    }

    @Override
    public Actions auditActions() {
        return new Actions(30, List.of(Action.values()));
    }
}
