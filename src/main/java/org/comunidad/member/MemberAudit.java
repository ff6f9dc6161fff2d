package org.comunidad.member;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.audit.AuditLabels;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What members, invitations and accounts write to the audit log, labeled for the audit page (mbr bundle). */
@ApplicationScoped
public class MemberAudit implements AuditLabels {

    /** The actions as audit_log.action stores them. */
    public enum Action implements AuditLabels.Action {
        ROLE_ASSIGN, ROLE_REMOVE, MEMBER_REMOVE, JOIN_REQUEST, JOIN_APPROVE, JOIN_DECLINE, INVITE, INVITE_RESEND,
        INVITE_REVOKE, INVITE_ACCEPT, ACCOUNT_DISABLE, ACCOUNT_ENABLE, PROFILE_UPDATE;

        @Override
        public String label(String language) {
            return MessageBundles.get(MemberMessages.class, Localized.Literal.of(language)).audit_action(this);
        }
    }

    @Override
    public Actions auditActions() {
        return new Actions(40, List.of(Action.values()));
    }
}
