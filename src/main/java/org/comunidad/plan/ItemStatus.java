package org.comunidad.plan;

/** Where an activity (or any item of a plan) stands. Roll-up reads it through {@link #rollup()}. */
public enum ItemStatus {
    PLANNED, IN_PROGRESS, DONE, POSTPONED, CANCELLED;

    /** Not finished and not cancelled: it can be late. */
    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS || this == POSTPONED;
    }

    public Rollup.Status rollup() {
        return Rollup.Status.valueOf(name());
    }
}
