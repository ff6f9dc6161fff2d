package org.comunidad.member;

import java.time.OffsetDateTime;
import java.util.Objects;

import org.comunidad.platform.security.Claims;

/**
 * What the sign-in compares with the token (name, email, country, contact details) and when the
 * member was last seen: taken from the stored member, it decides whether a token's claims must be
 * written, both in {@link MemberService#signedIn} and for a member {@link MemberAccounts} has cached.
 */
record SignInState(String username, String email, boolean emailVerified, String displayName, String countryCode,
        String institution, String position, String phone, OffsetDateTime profileWrittenAt,
        OffsetDateTime lastSeenAt) {

    static SignInState of(Member member) {
        return new SignInState(member.username, member.email, member.emailVerified, member.displayName,
                member.country == null ? null : member.country.code, member.institution, member.position, member.phone,
                member.profileWrittenAt, member.lastSeenAt);
    }

    /** A token issued before the member saved their profile still carries the old attributes. */
    boolean staleContact(Claims claims) {
        return profileWrittenAt != null && claims.issuedAt() < profileWrittenAt.toEpochSecond();
    }

    /** Whether the token says something about the member that is not stored. */
    boolean differsFrom(Claims claims) {
        return !Objects.equals(username, username(claims))
                || !Objects.equals(email, claims.email())
                || emailVerified != claims.emailVerified()
                || !Objects.equals(displayName, displayName(claims))
                || !Objects.equals(countryCode, countryCode(claims))
                || !staleContact(claims) && (!Objects.equals(institution, claims.institution())
                        || !Objects.equals(position, claims.position())
                        || !Objects.equals(phone, claims.phone()));
    }

    /** Whether the last-seen time must be written again. */
    boolean seenLongAgo(OffsetDateTime now) {
        return lastSeenAt == null || lastSeenAt.isBefore(now.minus(MemberService.LAST_SEEN_RESOLUTION));
    }

    static String username(Claims claims) {
        return firstNonBlank(claims.username(), claims.email(), claims.subject());
    }

    static String displayName(Claims claims) {
        return firstNonBlank(claims.name(), username(claims));
    }

    static String countryCode(Claims claims) {
        return claims.country() == null || claims.country().isBlank() ? null : claims.country().trim().toUpperCase();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
