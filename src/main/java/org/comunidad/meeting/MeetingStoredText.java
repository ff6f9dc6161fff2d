package org.comunidad.meeting;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.text.StoredText;

/** A meeting's description and minutes, stored rendered. */
@ApplicationScoped
public class MeetingStoredText implements StoredText {

    @Override
    public List<Column> columns() {
        return List.of(new Column("meeting", "description", null), new Column("meeting", "minutes", null));
    }
}
