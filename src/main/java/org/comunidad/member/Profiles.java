package org.comunidad.member;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.web.Languages;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A member's own profile: contact data (written to their Keycloak attributes first, then
 * here), language and time zone. Country, name and email are Keycloak's and the
 * coordinator's to change.
 */
@ApplicationScoped
public class Profiles {

    static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{6,40}$");
    public static final int PHONE_MAX = 40;
    public static final int TEXT_MAX = 255;

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

    public record Draft(String phone, String institution, String position, String language, String timeZone) {
    }

    @Inject
    KeycloakAccounts accounts;

    /** Validates, writes Keycloak's attributes, then the member row; nothing changes if Keycloak fails. */
    public void save(long memberId, Draft draft) {
        String phone = Texts.clean(draft.phone());
        String institution = Texts.clean(draft.institution());
        String position = Texts.clean(draft.position());
        String language = Texts.clean(draft.language());
        String zone = Texts.clean(draft.timeZone());
        List<Violation> violations = new ArrayList<>();
        if (phone != null && (phone.length() > PHONE_MAX || !PHONE.matcher(phone).matches())) {
            violations.add(new Violation("phone", Violation.Code.INVALID_PHONE, 0));
        }
        Texts.optional(violations, "institution", institution, TEXT_MAX);
        Texts.optional(violations, "position", position, TEXT_MAX);
        if (!Languages.isSupported(language)) {
            violations.add(new Violation("language", Violation.Code.INVALID_CHOICE, 0));
        }
        if (zone == null || !ZONES.contains(zone)) {
            violations.add(new Violation("timeZone", Violation.Code.INVALID_TIME_ZONE, 0));
        }
        Texts.check(violations);
        String subject = QuarkusTransaction.requiringNew().call(() -> Member.<Member>findById(memberId).subject);
        accounts.writeContact(subject, new KeycloakAccounts.Contact(phone, institution, position, language));
        QuarkusTransaction.requiringNew().run(() -> {
            Member member = Member.findById(memberId);
            member.phone = phone;
            member.institution = institution;
            member.position = position;
            member.language = language;
            member.timeZone = zone;
            member.profileWrittenAt = OffsetDateTime.now();
            AuditLog.record(memberId, null, "PROFILE_UPDATE", "member", memberId, null);
        });
    }
}
