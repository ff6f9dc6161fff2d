package org.comunidad.plan;

/**
 * A plan's or an annual plan's state: drafted by the group and its subgroups, then validated by
 * the coordinator. Changes after validation are kept in the plan's history ({@link PlanChange}).
 */
public enum PlanStatus {
    DRAFT, VALIDATED
}
