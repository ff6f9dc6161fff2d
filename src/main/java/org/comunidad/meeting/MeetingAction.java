package org.comunidad.meeting;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.community.Country;
import org.comunidad.member.Member;
import org.comunidad.platform.persistence.BaseEntity;

/**
 * Something a meeting asked someone to do: owned by an official or by a country, with a due
 * date and a status. Listed per community and on the owner's page until the work plans turn
 * such items into tasks.
 */
@Entity
@Table(name = "meeting_action")
public class MeetingAction extends BaseEntity {

    public static final int TEXT_MAX = 2000;

    public enum Status {
        OPEN, IN_PROGRESS, DONE, CANCELLED;

        public boolean isOpen() {
            return this == OPEN || this == IN_PROGRESS;
        }
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meeting_id")
    public Meeting meeting;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false, length = TEXT_MAX)
    public String text;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    public Member owner;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_country")
    public Country ownerCountry;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public Status status = Status.OPEN;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Member author;
}
