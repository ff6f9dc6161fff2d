package org.comunidad.platform.security;

/**
 * The signed-in user's account was disabled by the forum admin: every request is refused
 * (403), though their token or session may still be valid.
 */
public class AccountDisabled extends RuntimeException {

    public AccountDisabled() {
        super("account disabled");
    }
}
