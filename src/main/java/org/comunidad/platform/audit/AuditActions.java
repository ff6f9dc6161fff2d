package org.comunidad.platform.audit;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.comunidad.platform.security.CurrentUser;

/**
 * Every feature's audit actions ({@link AuditLabels}) and the platform's own, for the audit
 * page's filter ({@code inject:auditActions.all}) and the labels of its rows.
 */
@Named("auditActions")
@ApplicationScoped
public class AuditActions implements AuditLabels {

    /** An action as the page shows it. */
    public record Labeled(String name, String label) {
    }

    @Inject
    Instance<AuditLabels> features;

    @Inject
    CurrentUser currentUser;

    @Override
    public Actions auditActions() {
        return new Actions(20, Stream.of(AuditAction.values()).filter(a -> a != AuditAction.OTHER).toList());
    }

    /** Every action by name, in the filter's order. */
    private Map<String, AuditLabels.Action> byName() {
        Map<String, AuditLabels.Action> all = new LinkedHashMap<>();
        features.stream().map(AuditLabels::auditActions).sorted(Comparator.comparingInt(Actions::position))
                .flatMap(f -> f.actions().stream()).forEach(a -> all.putIfAbsent(a.name(), a));
        return all;
    }

    /** The actions of the filter, labeled in the user's language. */
    public List<Labeled> all() {
        String language = currentUser.language();
        return byName().values().stream().map(a -> new Labeled(a.name(), a.label(language))).toList();
    }

    /** The label of a stored action in the user's language (OTHER's for one no feature names). */
    public String label(String action) {
        return byName().getOrDefault(action, AuditAction.OTHER).label(currentUser.language());
    }

    /** The action asked for if some feature names it, else OTHER. */
    public String known(String action) {
        return byName().containsKey(action) ? action : AuditAction.OTHER.name();
    }
}
