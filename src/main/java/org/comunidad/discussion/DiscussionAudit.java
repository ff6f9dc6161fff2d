package org.comunidad.discussion;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.audit.AuditLabels;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What discussions write to the audit log, labeled for the audit page (dsc bundle). */
@ApplicationScoped
public class DiscussionAudit implements AuditLabels {

    /** The actions as audit_log.action stores them. */
    public enum Action implements AuditLabels.Action {
        OPEN, CLOSE, REOPEN;

        @Override
        public String label(String language) {
            return MessageBundles.get(DiscussionMessages.class, Localized.Literal.of(language)).audit_action(this);
        }
    }

    @Override
    public Actions auditActions() {
        return new Actions(10, List.of(Action.values()));
    }
}
