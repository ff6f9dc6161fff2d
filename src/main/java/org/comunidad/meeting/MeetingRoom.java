package org.comunidad.meeting;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A community's own virtual room: a stable, unguessable name, rotated by the coordinator if it leaks. */
@Entity
@Table(name = "meeting_room")
public class MeetingRoom extends PanacheEntityBase {

    @Id
    @Column(name = "community_id")
    public Long communityId;

    @Column(name = "room_name", nullable = false, length = 80)
    public String roomName;

    @Column(name = "rotated_at")
    public OffsetDateTime rotatedAt;

    @Column(name = "rotated_by")
    public Long rotatedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();
}
