package org.comunidad.platform.security;

import java.util.List;
import java.util.Set;


/**
 * Who is asking, as the access rules need it: the member, their realm roles (the
 * ceiling) and their community-scoped grants (loaded once per request).
 */
public record Viewer(long memberId, Set<String> realmRoles, List<Grant> grants) {

    public static final String ADMIN = "admin";
    public static final String COORDINATOR = "coordinator";
    public static final String LEADER = "leader";
    public static final String MEMBER = "member";

    public boolean isAdmin() {
        return realmRoles.contains(ADMIN);
    }

    /** True when the realm role allows this community role to take effect. */
    public boolean mayAct(CommunityRole role) {
        return realmRoles.contains(role.requiredRealmRole());
    }

    /** The community roles that take effect, each with the community where it is held. */
    public List<Grant> effectiveGrants() {
        return grants.stream().filter(g -> mayAct(g.role())).toList();
    }
}
