package org.comunidad.meeting;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.audit.AuditLabels;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What the meeting record writes to the audit log, labeled for the audit page (mtg bundle). */
@ApplicationScoped
public class MeetingAudit implements AuditLabels {

    /** The actions as audit_log.action stores them (prefixed: the names are the log's, shared by every feature). */
    public enum Action implements AuditLabels.Action {
        MEETING_SCHEDULE, MEETING_CHANGE, MEETING_HELD, MEETING_POSTPONE, MEETING_CANCEL, MEETING_RESTORE;

        @Override
        public String label(String language) {
            return MessageBundles.get(MeetingMessages.class, Localized.Literal.of(language)).audit_action(this);
        }
    }

    @Override
    public Actions auditActions() {
        return new Actions(50, List.of(Action.values()));
    }
}
