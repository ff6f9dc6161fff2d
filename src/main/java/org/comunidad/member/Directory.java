package org.comunidad.member;

import org.comunidad.community.Country;
import org.comunidad.platform.security.CommunityRole;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.comunidad.community.Community;
import org.comunidad.member.CommunityMembers.HeldRole;
import org.comunidad.member.CommunityMembers.MemberRow;

/**
 * The members' directory of a community: the rows filtered by country, role, subgroup and
 * a search over name, institution, position and email (accents and case ignored), and the
 * same rows as CSV or vCard for the coordinators' address books. An address Keycloak has not
 * verified is never shown, searched or exported: "not verified" stands in its place.
 */
public final class Directory {

    private Directory() {
    }

    /** The filters as typed. */
    public record Filter(String country, String role, String subgroup, String q) {

        public boolean isActive() {
            return notBlank(country) || notBlank(role) || notBlank(subgroup) || notBlank(q);
        }

        /** The same filters as a query string (for the export links), starting with "?" or empty. */
        public String query() {
            StringBuilder query = new StringBuilder();
            append(query, "country", country);
            append(query, "role", role);
            append(query, "subgroup", subgroup);
            append(query, "q", q);
            return query.toString();
        }

        private static void append(StringBuilder query, String name, String value) {
            if (notBlank(value)) {
                query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    public static List<MemberRow> filter(List<MemberRow> rows, Filter filter) {
        String q = notBlank(filter.q()) ? fold(filter.q()) : null;
        CommunityRole role = parseRole(filter.role());
        List<MemberRow> kept = new ArrayList<>();
        for (MemberRow row : rows) {
            Member m = row.member();
            if (notBlank(filter.country()) && (m.country == null || !m.country.code.equals(filter.country()))) {
                continue;
            }
            if (role != null && row.roles().stream().noneMatch(h -> h.role() == role)) {
                continue;
            }
            if (notBlank(filter.subgroup()) && row.roles().stream().noneMatch(h -> h.community().slug.equals(filter.subgroup()))) {
                continue;
            }
            if (q != null && !(fold(m.displayName).contains(q) || fold(m.institution).contains(q)
                    || fold(m.position).contains(q) || fold(m.verifiedEmail()).contains(q))) {
                continue;
            }
            kept.add(row);
        }
        return kept;
    }

    /** The countries present among the rows, for the country filter. */
    public static List<Country> countries(List<MemberRow> rows) {
        Map<String, Country> countries = new LinkedHashMap<>();
        rows.stream().map(r -> r.member().country).filter(c -> c != null)
                .sorted(java.util.Comparator.comparing(c -> c.code)).forEach(c -> countries.putIfAbsent(c.code, c));
        return List.copyOf(countries.values());
    }

    /** The subgroups where the rows hold roles, for the subgroup filter. */
    public static List<Community> subgroups(List<MemberRow> rows) {
        Map<Long, Community> subgroups = new LinkedHashMap<>();
        rows.stream().flatMap(r -> r.roles().stream()).map(HeldRole::community).filter(c -> !c.isGroup())
                .sorted(java.util.Comparator.comparingInt(c -> c.position)).forEach(c -> subgroups.putIfAbsent(c.id, c));
        return List.copyOf(subgroups.values());
    }

    static CommunityRole parseRole(String value) {
        if (!notBlank(value)) {
            return null;
        }
        try {
            return CommunityRole.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String fold(String value) {
        if (value == null) {
            return "";
        }
        return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }


    /** A vCard (RFC 6350) text value: backslash, comma, semicolon and line breaks escaped. */
    public static String vcardText(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }
}
