package org.comunidad.community;

/** How a group may sort its subgroups: Energy has thematic and cross-cutting initiatives. */
public enum SubgroupCategory {
    THEMATIC,
    CROSSCUTTING;

    public String labelKey() {
        return "community_category_" + name().toLowerCase();
    }
}
