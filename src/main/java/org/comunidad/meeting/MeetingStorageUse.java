package org.comunidad.meeting;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.storage.StorageUse;

/** Meetings' recordings count in their working group's storage quota. */
@ApplicationScoped
public class MeetingStorageUse implements StorageUse {

    @Override
    public String bytesSql() {
        return "select sum(size_bytes) from meeting_recording where group_id = :group";
    }
}
