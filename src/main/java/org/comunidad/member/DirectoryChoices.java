package org.comunidad.member;

import org.comunidad.community.Country;
import org.comunidad.platform.security.CommunityRole;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.comunidad.community.Community;
import org.comunidad.member.CommunityMembers.MemberRow;

/** The directory's filter choices, for its page ({@code inject:directory}). */
@Named("directory")
@ApplicationScoped
public class DirectoryChoices {

    private static final List<CommunityRole> ROLES = List.of(CommunityRole.values());

    public List<CommunityRole> roles() {
        return ROLES;
    }

    public List<org.comunidad.community.Country> countries(List<MemberRow> rows) {
        return Directory.countries(rows);
    }

    public List<Community> subgroups(List<MemberRow> rows) {
        return Directory.subgroups(rows);
    }
}
