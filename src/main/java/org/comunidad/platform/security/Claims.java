package org.comunidad.platform.security;

/** What the identity token says about the user. */
public record Claims(String subject, String username, String email, boolean emailVerified, String name,
        String country, String institution, String position, String phone, String locale,
        String browserLanguage, long issuedAt) {
}
