package org.comunidad.platform.audit;

/** The actions the audit log records, for their labels in the user's language. */
public enum AuditAction {
    OPEN, CLOSE, REOPEN, PIN, UNPIN, HIDE, UNHIDE, DELETE,
    DOCUMENT_UPLOAD, DOCUMENT_VERSION, DOCUMENT_DOWNLOAD, DOCUMENT_PREVIEW, DOCUMENT_EDIT, DOCUMENT_DELETE,
    DOCUMENT_RESTORE, DOCUMENT_PURGE, DOCUMENT_TRANSLATION_LINK, DOCUMENT_TRANSLATION_UNLINK,
    FOLDER_CREATE, FOLDER_RENAME, FOLDER_DELETE, ROLE_ASSIGN, ROLE_REMOVE, MEMBER_REMOVE, JOIN_REQUEST, JOIN_APPROVE, JOIN_DECLINE,
    INVITE, INVITE_RESEND, INVITE_REVOKE, INVITE_ACCEPT, ACCOUNT_DISABLE, ACCOUNT_ENABLE, PROFILE_UPDATE, EMAIL_UNSUBSCRIBE,
    PRESIDENCY_RECORD, PRESIDENCY_PLAN, COORDINATOR_ROTATE, OTHER;

    public static AuditAction of(String action) {
        try {
            return valueOf(action);
        } catch (IllegalArgumentException | NullPointerException e) {
            return OTHER;
        }
    }
}
