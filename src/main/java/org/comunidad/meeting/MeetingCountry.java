package org.comunidad.meeting;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A country invited to a meeting and, once it was held, how the country attended. */
@Entity
@Table(name = "meeting_country")
@IdClass(MeetingCountry.Key.class)
public class MeetingCountry extends PanacheEntityBase {

    public static final int REPRESENTED_MAX = 200;

    @Id
    @Column(name = "meeting_id")
    public Long meetingId;

    @Id
    @Column(name = "country_code", length = 2)
    public String countryCode;

    @Enumerated(EnumType.STRING)
    @Column(length = 12)
    public Attendance attendance;

    @Column(name = "represented_by", length = REPRESENTED_MAX)
    public String representedBy;

    public MeetingCountry() {
    }

    public MeetingCountry(long meetingId, String countryCode) {
        this.meetingId = meetingId;
        this.countryCode = countryCode;
    }

    public static class Key implements Serializable {
        public Long meetingId;
        public String countryCode;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(meetingId, k.meetingId)
                    && Objects.equals(countryCode, k.countryCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(meetingId, countryCode);
        }
    }
}
