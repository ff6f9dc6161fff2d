package org.comunidad.plan;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.community.Community;
import org.comunidad.member.Member;
import org.comunidad.platform.persistence.BaseEntity;

/**
 * Something someone must do, in a community: an assignee, a due date or a period (as people
 * write it), a status and comments. Made from a plan's activity ({@link #item}), from another
 * feature's item it then follows (a meeting's action item: {@link #source} and {@link #sourceId},
 * linked both ways through {@code platform.content.Tracking}), or on its own.
 */
@Entity
@Table(name = "task")
public class Task extends BaseEntity {

    public static final int TITLE_MAX = 300;
    public static final int DESCRIPTION_MAX = 4000;

    public enum Status {
        OPEN, IN_PROGRESS, DONE, CANCELLED;

        public boolean isOpen() {
            return this == OPEN || this == IN_PROGRESS;
        }
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id")
    public Community community;

    @Column(nullable = false, length = TITLE_MAX)
    public String title;

    @Column(length = DESCRIPTION_MAX)
    public String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    public Member assignee;

    @Embedded
    public PeriodColumns due = new PeriodColumns();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public Status status = Status.OPEN;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id")
    public PlanItem item;

    /** The kind of item it follows in another feature ({@code MEETING_ACTION}), with its id. */
    @Column(length = 20)
    public String source;

    @Column(name = "source_id")
    public Long sourceId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    public Member createdBy;

    @Column(name = "done_at")
    public OffsetDateTime doneAt;

    /** The deadline the "due in 7 days" notice went out for. */
    @Column(name = "reminded_for")
    public java.time.LocalDate remindedFor;

    /**
     * Hibernate reads an embedded value whose columns are all null as null: a row without a
     * deadline reads as the empty period (not stored, so nothing is written back), and code
     * reads {@code due.text} safely. Panache routes {@code item.due} through this getter.
     */
    public PeriodColumns getDue() {
        return due == null ? new PeriodColumns() : due;
    }
}
