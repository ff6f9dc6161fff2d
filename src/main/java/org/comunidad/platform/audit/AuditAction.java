package org.comunidad.platform.audit;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The actions every feature may record (moderation, deletion), the unsubscribe link's, and
 * OTHER, the label of an action no feature names. A feature's own actions are its enum.
 */
public enum AuditAction implements AuditLabels.Action {
    PIN, UNPIN, HIDE, UNHIDE, DELETE, EMAIL_UNSUBSCRIBE, OTHER;

    @Override
    public String label(String language) {
        return MessageBundles.get(AuditMessages.class, Localized.Literal.of(language)).action(this);
    }
}
