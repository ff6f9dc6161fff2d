package org.comunidad.plan;

import java.time.OffsetDateTime;
import java.util.List;

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
 * A working group's plan: the five-year sector plan of a PROSUR group (general objective,
 * specific objectives owned by subgroups, action lines, products, activities), or a programme
 * of work such as SELA's 2022-2026 (seed 002). Its tree is made of {@link PlanItem}s whose
 * levels the {@link PlanScheme} names; its subgroups' annual work plans are {@link PlanYear}s.
 */
@Entity
@Table(name = "plan")
public class Plan extends BaseEntity {

    public static final int TITLE_MAX = 300;
    /** The longest plan, in years (the sector plans run five). */
    public static final int YEARS_MAX = 10;

    /** The working group (never a subgroup). */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id")
    public Community community;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "scheme_id")
    public PlanScheme scheme;

    @Column(nullable = false, length = TITLE_MAX)
    public String title;

    @Column(name = "start_year", nullable = false)
    public int startYear;

    @Column(name = "end_year", nullable = false)
    public int endYear;

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

    public boolean covers(int year) {
        return year >= startYear && year <= endYear;
    }

    /** The group's plans, the latest first. */
    public static List<Plan> ofGroup(long groupId) {
        return list("community.id = ?1 order by startYear desc, id desc", groupId);
    }
}
