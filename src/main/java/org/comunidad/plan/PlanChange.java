package org.comunidad.plan;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.member.Member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One line of a plan's history, kept from its validation on: who changed what and when, with
 * the value before and after (as shown to people: a period as written, a status's name). The
 * item is named by id and title, not by a foreign key, so the history outlives a deleted item.
 */
@Entity
@Table(name = "plan_change")
public class PlanChange extends PanacheEntityBase {

    public static final int VALUE_MAX = 4000;

    public enum Action {
        CREATED, CHANGED, DELETED, VALIDATED, REOPENED, IMPORTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public long planId;

    @Column(name = "plan_year_id")
    public Long planYearId;

    @Column(name = "item_id")
    public Long itemId;

    @Column(name = "item_title", length = PlanItem.TITLE_MAX)
    public String itemTitle;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_id")
    public Member actor;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Action action;

    /** The field changed (title, period, status, progress, budget...), for CHANGED. */
    @Column(length = 40)
    public String field;

    @Column(name = "before_value", length = VALUE_MAX)
    public String before;

    @Column(name = "after_value", length = VALUE_MAX)
    public String after;

    public static List<PlanChange> ofPlan(long planId, int limit) {
        return find("planId = ?1 order by at desc, id desc", planId).page(0, limit).list();
    }

    /** Cuts a value to what the column holds. */
    public static String clip(String value) {
        return value == null || value.length() <= VALUE_MAX ? value : value.substring(0, VALUE_MAX - 1) + "…";
    }
}
