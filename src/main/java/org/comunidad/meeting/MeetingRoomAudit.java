package org.comunidad.meeting;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.audit.AuditLabels;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What the rooms and the recordings write to the audit log, labeled for the audit page (room bundle). */
@ApplicationScoped
public class MeetingRoomAudit implements AuditLabels {

    /** The actions as audit_log.action stores them. */
    public enum Action implements AuditLabels.Action {
        MEETING_ROOM_ROTATE, MEETING_RECORDING_UPLOAD, MEETING_RECORDING_PLAY, MEETING_RECORDING_DELETE;

        @Override
        public String label(String language) {
            return MessageBundles.get(RoomMessages.class, Localized.Literal.of(language)).audit_action(this);
        }
    }

    @Override
    public Actions auditActions() {
        return new Actions(52, List.of(Action.values()));
    }
}
