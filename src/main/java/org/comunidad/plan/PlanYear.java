package org.comunidad.plan;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
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
 * An annual work plan: the activities a subgroup (or the group itself) schedules for one year
 * of its group's plan, January to December. Drafted by the subgroup's leader (or imported from
 * its table), validated by the group's coordinator.
 */
@Entity
@Table(name = "plan_year")
public class PlanYear extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    /** The subgroup, or the working group for the group's own activities. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id")
    public Community community;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public PlanStatus status = PlanStatus.DRAFT;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "validated_by")
    public Member validatedBy;

    @Column(name = "validated_at")
    public OffsetDateTime validatedAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    public Member createdBy;

    public boolean isValidated() {
        return status == PlanStatus.VALIDATED;
    }

    public static Optional<PlanYear> of(long planId, long communityId, int year) {
        return find("plan.id = ?1 and community.id = ?2 and year = ?3", planId, communityId, year).firstResultOptional();
    }

    public static List<PlanYear> ofPlan(long planId) {
        return list("plan.id = ?1 order by year desc, community.position, community.id", planId);
    }
}
