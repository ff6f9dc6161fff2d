package org.comunidad.community;

/** A working group, or a subgroup (operational level) inside one. */
public enum CommunityKind {
    GROUP,
    SUBGROUP
}
