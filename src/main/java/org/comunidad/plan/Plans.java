package org.comunidad.plan;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityService;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.CommunityRef;

/**
 * Finds plans, annual plans, items and tasks the way every route must: the community by its
 * slug or id if the viewer may see it (else empty: 404), then the thing by its id within that
 * community's working group (a plan is the group's; a subgroup's address reaches its group's
 * plans), or, for a task, within that very community. Something of another group is not found
 * through this one. The viewer is using the community.
 */
@ApplicationScoped
public class Plans {

    public record FoundPlan(Community community, Plan plan) {
    }

    public record FoundYear(Community community, Plan plan, PlanYear year) {
    }

    public record FoundItem(Community community, Plan plan, PlanItem item) {
    }

    public record FoundTask(Community community, Task task) {
    }

    @Inject
    CommunityService communities;

    /** The community, if the viewer may see it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Community> community(Viewer viewer, CommunityRef ref) {
        return ref.find(slug -> communities.findVisible(viewer, slug), id -> communities.findVisible(viewer, id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FoundPlan> plan(Viewer viewer, CommunityRef ref, long planId) {
        return community(viewer, ref).flatMap(c -> Plan.<Plan> findByIdOptional(planId)
                .filter(p -> p.community.id == c.groupId()).map(p -> new FoundPlan(c, p)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FoundYear> year(Viewer viewer, CommunityRef ref, long planId, long yearId) {
        return plan(viewer, ref, planId).flatMap(f -> PlanYear.<PlanYear> findByIdOptional(yearId)
                .filter(y -> y.plan.id.equals(f.plan().id)).map(y -> new FoundYear(f.community(), f.plan(), y)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FoundItem> item(Viewer viewer, CommunityRef ref, long planId, long itemId) {
        return plan(viewer, ref, planId).flatMap(f -> PlanItem.<PlanItem> findByIdOptional(itemId)
                .filter(i -> i.plan.id.equals(f.plan().id)).map(i -> new FoundItem(f.community(), f.plan(), i)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FoundTask> task(Viewer viewer, CommunityRef ref, long taskId) {
        return community(viewer, ref).flatMap(c -> Task.<Task> findByIdOptional(taskId)
                .filter(t -> t.community.id.equals(c.id)).map(t -> new FoundTask(c, t)));
    }
}
