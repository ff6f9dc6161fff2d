package org.comunidad.platform.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The actions, for the audit log's filter ({@code inject:auditActions}). */
@Named("auditActions")
@ApplicationScoped
public class AuditActions {

    private static final List<AuditAction> ALL = List.of(AuditAction.values()).stream()
            .filter(a -> a != AuditAction.OTHER).toList();

    public List<AuditAction> all() {
        return ALL;
    }
}
