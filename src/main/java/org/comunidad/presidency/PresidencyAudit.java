package org.comunidad.presidency;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.audit.AuditLabels;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What the pro tempore presidency writes to the audit log, labeled for the audit page (pres bundle). */
@ApplicationScoped
public class PresidencyAudit implements AuditLabels {

    /** The actions as audit_log.action stores them. */
    public enum Action implements AuditLabels.Action {
        PRESIDENCY_RECORD, PRESIDENCY_PLAN, COORDINATOR_ROTATE;

        @Override
        public String label(String language) {
            return MessageBundles.get(PresidencyMessages.class, Localized.Literal.of(language)).audit_action(this);
        }
    }

    @Override
    public Actions auditActions() {
        return new Actions(60, List.of(Action.values()));
    }
}
