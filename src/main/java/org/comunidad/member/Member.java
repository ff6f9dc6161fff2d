package org.comunidad.member;

import org.comunidad.community.Country;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.platform.persistence.BaseEntity;

/**
 * An official who signs in to Comunidad. Keycloak is the truth about identities: the
 * subject is the Keycloak user id; name, email, country, institution and position
 * are refreshed from the token at sign-in. Language and time zone belong to the app.
 */
@Entity
@Table(name = "member")
public class Member extends BaseEntity {

    @Column(nullable = false, unique = true, length = 64)
    public String subject;

    @Column(nullable = false)
    public String username;

    public String email;

    /**
     * Whether Keycloak verified the address (the token's email_verified): the directory and
     * the emails use only a verified one.
     */
    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    /** The address, if verified: the one to show others and to write to. */
    public String verifiedEmail() {
        return emailVerified ? email : null;
    }

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "country_code")
    public Country country;

    public String institution;

    public String position;

    /** es, pt or en; null until the user chooses, then the browser's language applies. */
    @Column(length = 2)
    public String language;

    /** Set when the member is created ({@link MemberService}: their country's, else comunidad.site.time-zone). */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;

    public String phone;

    /** When the member last saved their profile (tokens issued before carry old attributes). */
    @Column(name = "profile_written_at")
    public OffsetDateTime profileWrittenAt;

    /** Set when the forum admin disabled the account: every request is refused. */
    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;

    /** Every email off (the unsubscribe link's "all emails"). */
    @Column(name = "email_opt_out", nullable = false)
    public boolean emailOptOut;

    public static Optional<Member> bySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }
}
