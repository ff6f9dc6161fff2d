package org.comunidad.plan;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.BadParameter;
import org.comunidad.platform.web.CommunityRef;

/**
 * A plan's dashboard and timeline, for every member of its working group (as the plan itself:
 * {@link PlanAccess#reads}); empty (404) for anyone else. The timeline reads the plan's tree in
 * one statement ({@link PlanTree}); the dashboard reads its structure and the activities' sums
 * in four ({@link PlanDashboardRows}) and rolls them up by the same rule, so its figures are the
 * plan page's while neither its statements nor the rows reaching Java grow with the plan. Those
 * rows are kept per plan revision ({@link PlanDashboardCache}): a plan unchanged since the last view
 * costs one primary-key lookup instead of the four statements.
 */
@ApplicationScoped
public class PlanDashboardService {

    @Inject
    Plans plans;

    @Inject
    EntityManager em;

    @Inject
    PlanDashboardCache cache;

    @Transactional
    public Optional<PlanDashboard.View> dashboard(Viewer viewer, CommunityRef ref, long planId, Integer year,
            LocalDate today, Locale locale) {
        return plans.plan(viewer, ref, planId).map(found -> {
            checkYear(found.plan(), year);
            long id = found.plan().id;
            int depth = PlanDashboard.objectiveDepth(found.plan());
            PlanDashboardRows rows = cache.rows(em, id, depth, year, today, () -> PlanDashboardRows.load(em, id, depth,
                    year, today, today.plusDays(PlanDashboard.HORIZON_DAYS)));
            return new PlanDashboard(locale).view(found.community(), found.plan(), rows, year, today);
        });
    }

    @Transactional
    public Optional<PlanTimeline.View> timeline(Viewer viewer, CommunityRef ref, long planId, Integer year,
            LocalDate today, Locale locale) {
        return plans.plan(viewer, ref, planId).map(found -> {
            checkYear(found.plan(), year);
            PlanTree tree = PlanTree.load(em, found.plan().id);
            return new PlanTimeline(locale).view(found.community(), found.plan(), tree, year, today);
        });
    }

    /** A year outside the plan's is a bad request. */
    static void checkYear(Plan plan, Integer year) {
        if (year != null && !plan.covers(year)) {
            throw new BadParameter("year");
        }
    }

    /** The {@code year} parameter: empty for the whole plan, else a year (anything else: 400). */
    public static Integer year(String year) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            throw new BadParameter("year");
        }
    }
}
