package org.comunidad.platform.audit;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The labels of the audit log's actions, in Spanish (messages/aud.properties), Portuguese
 * (aud_pt) and English (aud_en); one per {@link AuditAction}; templates use {aud:action(a)}.
 */
@MessageBundle(value = "aud", locale = "es")
public interface AuditMessages {

    @Message String action(AuditAction action);
}
