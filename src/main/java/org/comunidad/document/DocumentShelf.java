package org.comunidad.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import org.comunidad.platform.content.Shelf;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.Links;

/**
 * The repository's documents as other features cite them ({@link Shelf}), read under
 * {@link DocumentAccess}: members of a working group read all its documents, the admin all; a
 * document in the trash is never cited.
 */
@ApplicationScoped
public class DocumentShelf implements Shelf {

    @Inject
    EntityManager em;

    @Override
    public List<Item> find(Viewer viewer, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> groups = DocumentAccess.readableGroups(viewer);
        if (groups != null && groups.isEmpty()) {
            return List.of();
        }
        Query query = em.createNativeQuery("""
                select d.id as id, d.title as title, d.language as language, c.slug as slug
                from document d join community c on c.id = d.community_id
                where d.id in (:ids) and d.deleted_at is null""" + (groups == null ? "" : " and d.group_id in (:groups)"),
                Tuple.class).setParameter("ids", List.copyOf(ids));
        if (groups != null) {
            query.setParameter("groups", groups);
        }
        Map<Long, Item> found = items(query).stream().collect(Collectors.toMap(Item::id, Function.identity()));
        List<Item> ordered = new ArrayList<>();
        for (Long id : ids) {
            Item item = found.get(id);
            if (item != null && !ordered.contains(item)) {
                ordered.add(item);
            }
        }
        return ordered;
    }

    @Override
    public List<Item> choices(Viewer viewer, long communityId, int limit) {
        List<Long> groups = DocumentAccess.readableGroups(viewer);
        if (groups != null && groups.isEmpty()) {
            return List.of();
        }
        Query query = em.createNativeQuery("""
                select d.id as id, d.title as title, d.language as language, c.slug as slug
                from document d join community c on c.id = d.community_id
                where d.deleted_at is null
                  and d.group_id = (select coalesce(g.parent_id, g.id) from community g where g.id = :community)"""
                + (groups == null ? "" : " and d.group_id in (:groups)")
                + " order by d.created_at desc, d.id desc limit :limit", Tuple.class)
                .setParameter("community", communityId).setParameter("limit", limit);
        if (groups != null) {
            query.setParameter("groups", groups);
        }
        return items(query);
    }

    @SuppressWarnings("unchecked")
    private static List<Item> items(Query query) {
        return ((List<Tuple>) query.getResultList()).stream()
                .map(r -> new Item(r.get("id", Number.class).longValue(), r.get("title", String.class),
                        Links.community(r.get("slug", String.class), "documents", r.get("id", Number.class).longValue()),
                        r.get("language", String.class)))
                .toList();
    }
}
