package org.comunidad.meeting;

/** How an official or a country took part in a held meeting. */
public enum Attendance {
    PRESENT, EXCUSED, ABSENT, REPRESENTED;

    /** Counts as "present" in "6 of 8 countries present". */
    public boolean counts() {
        return this == PRESENT || this == REPRESENTED;
    }
}
