package org.comunidad.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.member.Member;
import org.comunidad.platform.persistence.BaseEntity;

/** An agreement reached in a meeting: numbered within it, its own record, found by the search box. */
@Entity
@Table(name = "meeting_agreement")
public class MeetingAgreement extends BaseEntity {

    public static final int TEXT_MAX = 4000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meeting_id")
    public Meeting meeting;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false, length = TEXT_MAX)
    public String text;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Member author;
}
