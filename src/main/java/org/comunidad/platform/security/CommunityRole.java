package org.comunidad.platform.security;

/**
 * The role a member plays in one community (see DOMAIN.md). Group roles: sector
 * coordinator, focal point and alternate focal point of a country. Subgroup roles:
 * subgroup leader and country responsible. Plain membership exists in both.
 */
public enum CommunityRole {
    COORDINATOR(true, false, "coordinator"),
    FOCAL_POINT(true, false, "member"),
    ALTERNATE(true, false, "member"),
    LEADER(false, true, "leader"),
    COUNTRY_RESPONSIBLE(false, true, "member"),
    MEMBER(true, true, "member");

    private final boolean inGroup;
    private final boolean inSubgroup;
    private final String requiredRealmRole;

    CommunityRole(boolean inGroup, boolean inSubgroup, String requiredRealmRole) {
        this.inGroup = inGroup;
        this.inSubgroup = inSubgroup;
        this.requiredRealmRole = requiredRealmRole;
    }

    public boolean allowedInGroup() {
        return inGroup;
    }

    public boolean allowedInSubgroup() {
        return inSubgroup;
    }

    /**
     * The realm role is the ceiling: a community role only takes effect for a user
     * whose Keycloak realm roles include this one (roles are composite, so an admin
     * also holds coordinator, leader and member).
     */
    public String requiredRealmRole() {
        return requiredRealmRole;
    }

    /** Message-bundle key of the role's label. */
    public String labelKey() {
        return "role_" + name().toLowerCase();
    }
}
