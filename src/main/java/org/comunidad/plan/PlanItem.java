package org.comunidad.plan;

import java.math.BigDecimal;
import java.util.List;

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
import org.comunidad.community.Country;
import org.comunidad.member.Member;
import org.comunidad.platform.persistence.BaseEntity;

/**
 * A node of a plan's tree: an objective, an action line, a product, an activity (the scheme
 * names the level of each depth). A child sits deeper than its parent; a level may be skipped
 * (seed 001's prevention table hangs activities from action lines). The owning community is the
 * group, or the subgroup owning the branch (set on the subgroup-owned level and inherited below).
 * Items scheduled in an annual work plan ({@link #planYear}) carry its period, budget, funding
 * source, responsible country and person, status and progress; a parent's progress is never
 * read, always rolled up from its children ({@link Rollup}).
 */
@Entity
@Table(name = "plan_item")
public class PlanItem extends BaseEntity {

    public static final int TITLE_MAX = 2000;
    public static final int DESCRIPTION_MAX = 4000;
    public static final int FUNDING_MAX = 300;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public PlanItem parent;

    @Column(nullable = false)
    public short depth;

    @Column(nullable = false)
    public int position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id")
    public Community community;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_year_id")
    public PlanYear planYear;

    @Column(nullable = false, length = TITLE_MAX)
    public String title;

    @Column(length = DESCRIPTION_MAX)
    public String description;

    @Embedded
    public PeriodColumns period = new PeriodColumns();

    /** A product's first year and duration in years (the sector plan's "year 1, year 2..."). */
    @Column(name = "start_year")
    public Integer startYear;

    @Column(name = "duration_years")
    public Short durationYears;

    @Column(name = "budget_amount", precision = 16, scale = 2)
    public BigDecimal budgetAmount;

    /** ISO 4217 code (USD, CLP, BRL...), with the amount. */
    @Column(name = "budget_currency", length = 3)
    public String budgetCurrency;

    @Column(name = "funding_source", length = FUNDING_MAX)
    public String fundingSource;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "responsible_country")
    public Country responsibleCountry;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "responsible_id")
    public Member responsible;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public ItemStatus status = ItemStatus.PLANNED;

    /** 0 to 100; read only while the item has no children. */
    @Column(nullable = false)
    public short progress;

    /** Its weight in its parent's mean (1 unless the coordinator sets another). */
    @Column(nullable = false, precision = 6, scale = 2)
    public BigDecimal weight = BigDecimal.ONE;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    public Member createdBy;

    /** The plan's items in tree order (parents before children, then by position). */
    public static List<PlanItem> ofPlan(long planId) {
        return list("plan.id = ?1 order by depth, position, id", planId);
    }

    /**
     * Hibernate reads an embedded value whose columns are all null as null: a row without a
     * deadline reads as the empty period (not stored, so nothing is written back), and code
     * reads {@code period.text} safely. Panache routes {@code item.period} through this getter.
     */
    public PeriodColumns getPeriod() {
        return period == null ? new PeriodColumns() : period;
    }
}
