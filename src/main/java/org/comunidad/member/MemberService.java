package org.comunidad.member;

import org.comunidad.community.Country;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.comunidad.platform.security.Claims;
import org.comunidad.platform.web.Languages;
import org.comunidad.platform.web.SiteConfig;

import io.quarkus.security.AuthenticationFailedException;

/** Members as the app keeps them: created at first sign-in, refreshed from Keycloak. */
@ApplicationScoped
public class MemberService {

    /** How often the last-seen time is written: often enough for activity, rarely enough to avoid a write per request. */
    static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(5);

    @jakarta.inject.Inject
    Invitations invitations;

    @jakarta.inject.Inject
    SiteConfig site;

    /**
     * The member behind a token: created on first sign-in, with profile data refreshed
     * from Keycloak (the one truth about identities) when it changed.
     */
    @Transactional
    public Member signedIn(Claims claims) {
        if (blank(claims.subject()) || blank(claims.username())) {
            // A token the realm signed without naming its user (Keycloak's admin-cli gives such
            // tokens): nobody to act for, an authentication failure (401), never a member without
            // a subject.
            throw new AuthenticationFailedException("token without sub or preferred_username");
        }
        Member member = Member.bySubject(claims.subject()).orElseGet(() -> {
            Member created = new Member();
            created.subject = claims.subject();
            created.language = Languages.normalize(claims.locale());
            created.timeZone = defaultTimeZone(claims.country());
            return created;
        });
        SignInState stored = member.id == null ? null : SignInState.of(member);
        boolean changed = stored == null || stored.differsFrom(claims);
        boolean staleContact = stored != null && stored.staleContact(claims);
        String username = SignInState.username(claims);
        String displayName = SignInState.displayName(claims);
        String countryCode = SignInState.countryCode(claims);
        if (changed) {
            member.username = username;
            member.email = claims.email();
            member.emailVerified = claims.emailVerified();
            member.displayName = displayName;
            if (!Objects.equals(code(member.country), countryCode)) {
                member.country = countryCode == null ? null : Country.findById(countryCode);
            }
            if (!staleContact) {
                member.institution = claims.institution();
                member.position = claims.position();
                member.phone = claims.phone();
            }
        }
        OffsetDateTime now = OffsetDateTime.now();
        if (member.lastSeenAt == null || member.lastSeenAt.isBefore(now.minus(LAST_SEEN_RESOLUTION))) {
            member.lastSeenAt = now;
        }
        if (member.id == null) {
            member.persist();
            // The first sign-in of an invited official: the invitation's role becomes theirs.
            invitations.accept(member);
        }
        if (changed || member.lastSeenAt == now) {
            // Written now, inside the caller's AccountCache.quietly: these writes refresh the entry
            // the caller puts, so they do not empty this instance's cache at the commit.
            Member.flush();
        }
        return member;
    }

    /** A member as signed in, with what the next sign-in compares the token with (read in the transaction). */
    record SignedIn(Member member, SignInState state) {
    }

    /** {@link #signedIn}, with the member's {@link SignInState} for the account cache. */
    @Transactional
    SignedIn signIn(Claims claims) {
        Member member = signedIn(claims);
        return new SignedIn(member, SignInState.of(member));
    }

    @Transactional
    public void chooseLanguage(long memberId, String language) {
        if (!Languages.isSupported(language)) {
            throw new IllegalArgumentException("unsupported language " + language);
        }
        Member member = Member.findById(memberId);
        member.language = language;
    }

    private String defaultTimeZone(String country) {
        if (country == null) {
            return site.timeZone().getId();
        }
        String zone = switch (country.toUpperCase()) {
            case "AR" -> "America/Argentina/Buenos_Aires";
            case "BO" -> "America/La_Paz";
            case "BR" -> "America/Sao_Paulo";
            case "CO" -> "America/Bogota";
            case "EC" -> "America/Guayaquil";
            case "GY" -> "America/Guyana";
            case "PY" -> "America/Asuncion";
            case "PE" -> "America/Lima";
            case "SR" -> "America/Paramaribo";
            case "UY" -> "America/Montevideo";
            case "VE" -> "America/Caracas";
            default -> site.timeZone().getId();
        };
        return ZoneId.of(zone).getId();
    }

    private static String code(Country country) {
        return country == null ? null : country.code;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
