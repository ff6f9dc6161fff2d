package org.comunidad.platform.audit;

import java.util.List;

/**
 * The actions a feature writes to the audit log (audit_log.action) with their labels in the
 * user's language. The audit page lists and names them through {@link AuditActions}, which
 * collects every feature's (CDI beans); a feature's actions are an enum of its own package.
 */
public interface AuditLabels {

    /** An action: its name as stored, and its label. */
    interface Action {
        String name();

        String label(String language);
    }

    /** position: the place of these actions in the audit page's filter, lower first. */
    record Actions(int position, List<? extends Action> actions) {
    }

    Actions auditActions();
}
