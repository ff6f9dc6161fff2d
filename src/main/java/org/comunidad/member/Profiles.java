package org.comunidad.member;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.web.Languages;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A member's own profile: phone (written to their Keycloak attributes first, then here),
 * language and time zone. Name, email and country are Keycloak's; institution and position
 * too, and the realm lets only administrators edit them (its user profile: edit [admin]),
 * so a member never writes them, here or in Keycloak's account console: coordinators set
 * them when they invite, the forum's secretariat in Keycloak afterwards.
 */
@ApplicationScoped
public class Profiles {

    static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{6,40}$");
    public static final int PHONE_MAX = 40;

    /** The zones offered: the Americas (every member country) and UTC. */
    public static final List<String> ZONES;

    static {
        Set<String> zones = new TreeSet<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.startsWith("America/")) {
                zones.add(id);
            }
        }
        List<String> list = new ArrayList<>(zones);
        list.add("UTC");
        ZONES = List.copyOf(list);
    }

    public record Draft(String phone, String language, String timeZone) {
    }

    /** A member as their profile page and {@code /api/me} show them; {@code country} is the country's name. */
    public record Profile(long id, String subject, String username, String displayName, String email,
            boolean emailVerified, String countryCode, Localized country, String institution, String position,
            String phone, String language, String timeZone) {
    }

    /** The member's profile, read with their country in one statement. */
    @Transactional
    public Optional<Profile> of(long memberId) {
        return Member.<Member>find("select m from Member m left join fetch m.country where m.id = ?1", memberId)
                .firstResultOptional().map(m -> new Profile(m.id, m.subject, m.username, m.displayName, m.email,
                        m.emailVerified, m.country == null ? null : m.country.code,
                        m.country == null ? null : m.country.name, m.institution, m.position, m.phone, m.language,
                        m.timeZone));
    }

    @Inject
    KeycloakAccounts accounts;

    /** Validates, writes Keycloak's attributes, then the member row; nothing changes if Keycloak fails. */
    public void save(long memberId, Draft draft) {
        String phone = Texts.clean(draft.phone());
        String language = Texts.clean(draft.language());
        String zone = Texts.clean(draft.timeZone());
        List<Violation> violations = new ArrayList<>();
        if (phone != null && (phone.length() > PHONE_MAX || !PHONE.matcher(phone).matches())) {
            violations.add(new Violation("phone", MemberViolation.INVALID_PHONE, 0));
        }
        if (!Languages.isSupported(language)) {
            violations.add(new Violation("language", Violation.Code.INVALID_CHOICE, 0));
        }
        if (zone == null || !ZONES.contains(zone)) {
            violations.add(new Violation("timeZone", MemberViolation.INVALID_TIME_ZONE, 0));
        }
        Texts.check(violations);
        String subject = QuarkusTransaction.requiringNew().call(() -> Member.<Member>findById(memberId).subject);
        accounts.writeContact(subject, new KeycloakAccounts.Contact(phone, language));
        QuarkusTransaction.requiringNew().run(() -> {
            Member member = Member.findById(memberId);
            member.phone = phone;
            member.language = language;
            member.timeZone = zone;
            member.profileWrittenAt = OffsetDateTime.now();
            AuditLog.record(memberId, null, "PROFILE_UPDATE", "member", memberId, null);
        });
    }
}
