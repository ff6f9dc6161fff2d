package org.comunidad.meeting;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The fixed choices of the meeting forms, for templates ({@code inject:meetingChoices}). */
@Named("meetingChoices")
@ApplicationScoped
public class MeetingChoices {

    public List<Answer> answers() {
        return List.of(Answer.values());
    }

    public List<Meeting.Kind> kinds() {
        return List.of(Meeting.Kind.values());
    }

    public List<Meeting.Venue> venues() {
        return List.of(Meeting.Venue.values());
    }

    /** Whether a choice (an enum constant, a zone) is the value typed or stored ({@code "VIDEOCONFERENCE"}). */
    public boolean same(Object choice, Object value) {
        return choice != null && value != null && choice.toString().equals(value.toString());
    }
}
