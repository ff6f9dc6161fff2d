package org.comunidad.meeting;

/** An invited official's answer: "I will attend", "excused", "not attending". */
public enum Answer {
    ATTENDING, EXCUSED, NOT_ATTENDING;

    /** The attendance an answer pre-fills once the meeting is over. */
    public Attendance prefill() {
        return switch (this) {
            case ATTENDING -> Attendance.PRESENT;
            case EXCUSED -> Attendance.EXCUSED;
            case NOT_ATTENDING -> Attendance.ABSENT;
        };
    }
}
