package org.comunidad.member;

import org.comunidad.platform.content.Explained;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What roles, requests, invitations and profiles may get wrong, in the mbr and acct bundles. */
public enum MemberViolation implements Explained {
    ROLE_TAKEN, ROLE_HELD, DUPLICATE_REQUEST, INVALID_EMAIL, ACCOUNT_EXISTS, INVITATION_PENDING, INVALID_PHONE,
    INVALID_TIME_ZONE;

    @Override
    public String message(String language, long limit) {
        MemberMessages mbr = MessageBundles.get(MemberMessages.class, Localized.Literal.of(language));
        AccountMessages acct = MessageBundles.get(AccountMessages.class, Localized.Literal.of(language));
        return switch (this) {
            case ROLE_TAKEN -> mbr.validation_role_taken();
            case ROLE_HELD -> mbr.validation_role_held();
            case DUPLICATE_REQUEST -> mbr.validation_duplicate_request();
            case INVALID_EMAIL -> acct.validation_invalid_email();
            case ACCOUNT_EXISTS -> acct.validation_account_exists();
            case INVITATION_PENDING -> acct.validation_invitation_pending();
            case INVALID_PHONE -> acct.validation_invalid_phone();
            case INVALID_TIME_ZONE -> acct.validation_invalid_time_zone();
        };
    }
}
