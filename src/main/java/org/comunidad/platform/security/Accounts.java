package org.comunidad.platform.security;

import java.util.List;

/**
 * Where the ground floor finds the member behind a token. The member feature implements it
 * (one bean): {@link CurrentUser} stays below every feature and still gets a member record
 * created or refreshed at sign-in.
 */
public interface Accounts {

    /** The member behind a token, created on first sign-in and refreshed from the token. */
    Account signedIn(Claims claims);

    /** Every community role of a member, in one query. */
    List<Grant> grantsOf(long memberId);

    /** Keeps the member's choice of language. */
    void chooseLanguage(long memberId, String language);
}
