package org.comunidad.platform.security;

/**
 * The signed-in member as the ground floor knows them: what every page needs (who, in which
 * language and time zone), without the member feature's entity.
 *
 * @param disabled the forum admin disabled the account: every request is refused
 */
public record Account(long id, String displayName, String language, String timeZone, boolean disabled) {
}
