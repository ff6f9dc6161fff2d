package org.comunidad.plan;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.comunidad.community.Community;
import org.comunidad.platform.content.Tracking;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.Links;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Tells another feature which of its items a task follows (a meeting's action items), with the task's status and link. */
@ApplicationScoped
public class TaskTracking implements Tracking {

    @Inject
    EntityManager em;

    @Override
    public Map<Long, Tracked> tracked(String source, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select t.id, t.source_id, t.status, c.slug from task t join community c on c.id = t.community_id
                where t.source = :source and t.source_id in (:ids)""", Tuple.class)
                .setParameter("source", source).setParameter("ids", ids).getResultList();
        return rows.stream().map(r -> {
            Task.Status status = Task.Status.valueOf(r.get("status", String.class));
            long id = ((Number) r.get("id")).longValue();
            return new Tracked(((Number) r.get("source_id")).longValue(), id, status.name(),
                    language -> MessageBundles.get(TaskMessages.class, Localized.Literal.of(language)).status(status),
                    Links.community(r.get("slug", String.class), "tasks", id));
        }).collect(Collectors.toMap(Tracked::sourceId, Function.identity(), (a, b) -> a));
    }

    @Override
    public boolean mayTrack(Viewer viewer, long communityId) {
        Community c = Community.findById(communityId);
        return c != null && PlanAccess.createsTask(viewer, c);
    }

    @Override
    public String newTaskLink(String slug, String source, long id) {
        return Links.community(slug, "tasks", "new") + "?action=" + id;
    }
}
