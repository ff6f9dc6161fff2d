package org.comunidad.meeting;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.audit.AuditLabels;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What recording a meeting's outcome writes to the audit log, labeled for the audit page (mtgr bundle). */
@ApplicationScoped
public class MeetingOutcomeAudit implements AuditLabels {

    /** The actions as audit_log.action stores them (prefixed: the names are shared by every feature). */
    public enum Action implements AuditLabels.Action {
        MEETING_ATTENDANCE, MEETING_MINUTES, MEETING_AGREEMENT_ADD, MEETING_AGREEMENT_EDIT, MEETING_AGREEMENT_DELETE,
        MEETING_ACTION_ADD, MEETING_ACTION_STATUS;

        @Override
        public String label(String language) {
            return MessageBundles.get(MeetingRecordMessages.class, Localized.Literal.of(language)).audit_action(this);
        }
    }

    @Override
    public Actions auditActions() {
        return new Actions(52, List.of(Action.values()));
    }
}
