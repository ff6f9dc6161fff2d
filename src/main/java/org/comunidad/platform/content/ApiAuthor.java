package org.comunidad.platform.content;

import org.comunidad.member.Member;

/** The author of content, as the API shows them. */
public record ApiAuthor(long id, String displayName, String country, String institution) {

    public static ApiAuthor of(Member m) {
        return new ApiAuthor(m.id, m.displayName, m.country == null ? null : m.country.code, m.institution);
    }
}
