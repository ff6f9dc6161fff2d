package org.comunidad.meeting;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An official invited to a meeting, the country they attend for, their answer and, once the
 * meeting was held, their attendance (pre-filled from the answer).
 */
@Entity
@Table(name = "meeting_invitee")
@IdClass(MeetingInvitee.Key.class)
public class MeetingInvitee extends PanacheEntityBase {

    @Id
    @Column(name = "meeting_id")
    public Long meetingId;

    @Id
    @Column(name = "member_id")
    public Long memberId;

    @Column(name = "country_code", length = 2)
    public String countryCode;

    @Enumerated(EnumType.STRING)
    @Column(length = 14)
    public Answer answer;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 12)
    public Attendance attendance;

    @Column(name = "represented_by", length = MeetingCountry.REPRESENTED_MAX)
    public String representedBy;

    public MeetingInvitee() {
    }

    public MeetingInvitee(long meetingId, long memberId, String countryCode) {
        this.meetingId = meetingId;
        this.memberId = memberId;
        this.countryCode = countryCode;
    }

    public static class Key implements Serializable {
        public Long meetingId;
        public Long memberId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(meetingId, k.meetingId) && Objects.equals(memberId, k.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(meetingId, memberId);
        }
    }
}
