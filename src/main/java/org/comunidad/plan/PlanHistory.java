package org.comunidad.plan;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.comunidad.member.Member;

/**
 * Keeps a plan's history from its validation on: every change to a validated plan, or to an item
 * of a validated annual plan, becomes a {@link PlanChange} (who, when, what, before and after as
 * pages show them: a period as written, a status's name, a budget with its currency). Nothing is
 * recorded while the plan and the annual plan are drafts. Called inside the transaction that makes
 * the change: by {@link PlanService}, and by the import ({@link #imported}).
 */
@ApplicationScoped
public class PlanHistory {

    /** Whether a change to this item (or, with a null item, to the plan) is kept. */
    public static boolean kept(Plan plan, PlanYear year) {
        return plan.isValidated() || (year != null && year.isValidated());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void created(PlanItem item, Member actor) {
        if (kept(item.plan, item.planYear)) {
            write(item.plan, item.planYear, item.id, item.title, actor, PlanChange.Action.CREATED, null, null, null);
        }
    }

    /** One field of an item changed; nothing is kept when the value is the same or the plan is a draft. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(PlanItem item, PlanYear yearBefore, Member actor, String field, String before, String after) {
        if (Objects.equals(blank(before), blank(after))) {
            return;
        }
        if (kept(item.plan, item.planYear) || (yearBefore != null && yearBefore.isValidated())) {
            write(item.plan, item.planYear != null ? item.planYear : yearBefore, item.id, item.title, actor,
                    PlanChange.Action.CHANGED, field, before, after);
        }
    }

    /** One field of the plan itself changed (title, years). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planChanged(Plan plan, Member actor, String field, String before, String after) {
        if (plan.isValidated() && !Objects.equals(blank(before), blank(after))) {
            write(plan, null, null, null, actor, PlanChange.Action.CHANGED, field, before, after);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleted(PlanItem item, Member actor) {
        if (kept(item.plan, item.planYear)) {
            write(item.plan, item.planYear, item.id, item.title, actor, PlanChange.Action.DELETED, null, null, null);
        }
    }

    /** The plan (year null) or an annual plan was validated: the first line of what follows. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void validated(Plan plan, PlanYear year, Member actor) {
        write(plan, year, null, null, actor, PlanChange.Action.VALIDATED, null, null, null);
    }

    /**
     * Rows of a table were imported into an annual plan (the import feature's confirm): kept as one
     * line, "IMPORTED", with the number of items created, when the plan or the annual plan is
     * validated.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void imported(Plan plan, PlanYear year, Member actor, int count) {
        if (kept(plan, year)) {
            write(plan, year, null, null, actor, PlanChange.Action.IMPORTED, null, null, String.valueOf(count));
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void write(Plan plan, PlanYear year, Long itemId, String itemTitle, Member actor,
            PlanChange.Action action, String field, String before, String after) {
        PlanChange change = new PlanChange();
        change.planId = plan.id;
        change.planYearId = year == null ? null : year.id;
        change.itemId = itemId;
        change.itemTitle = itemTitle;
        change.actor = actor;
        change.at = OffsetDateTime.now();
        change.action = action;
        change.field = field;
        change.before = PlanChange.clip(blank(before));
        change.after = PlanChange.clip(blank(after));
        change.persist();
    }
}
