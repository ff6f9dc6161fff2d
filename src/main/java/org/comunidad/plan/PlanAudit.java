package org.comunidad.plan;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.audit.AuditLabels;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What the plans write to the audit log, labeled for the audit page (pln bundle). */
@ApplicationScoped
public class PlanAudit implements AuditLabels {

    /** The actions as audit_log.action stores them. */
    public enum Action implements AuditLabels.Action {
        PLAN_CREATE, PLAN_VALIDATE, PLAN_YEAR_VALIDATE, PLAN_ITEM_DELETE;

        @Override
        public String label(String language) {
            return MessageBundles.get(PlanMessages.class, Localized.Literal.of(language)).audit_action(this);
        }
    }

    @Override
    public Actions auditActions() {
        return new Actions(62, List.of(Action.values()));
    }
}
