package org.comunidad.platform.security;

/**
 * One community role of a member, as the access rules need it: the community where it is
 * held, that community's working group (itself for a group) and the role.
 */
public record Grant(long communityId, Long groupId, CommunityRole role) {
}
