package org.comunidad.document;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.comunidad.platform.content.GroupYear;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.Links;

import io.quarkus.qute.i18n.MessageBundles;

/**
 * The documents a working group and its subgroups produced in a year (dated in the year, or
 * uploaded in it when undated), for the group's activity report ({@link GroupYear}), read under
 * {@link DocumentAccess} (members of the group, the admin); the trash is left out. One statement.
 */
@ApplicationScoped
public class DocumentYear implements GroupYear {

    @Inject
    EntityManager em;

    @Override
    public String key() {
        return "documents";
    }

    @Override
    public int position() {
        return 20;
    }

    @Override
    public List<Entry> entries(Viewer viewer, long groupId, int year, String language) {
        List<Long> groups = DocumentAccess.readableGroups(viewer);
        if (groups != null && !groups.contains(groupId)) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select d.id, d.title, d.doc_type, coalesce(d.doc_date, cast(d.created_at as date)) as day,
                       c.slug, c.name_es, c.name_pt, c.name_en
                from document d join community c on c.id = d.community_id
                where d.group_id = :group and d.deleted_at is null
                  and extract(year from coalesce(d.doc_date, cast(d.created_at as date))) = :year
                order by day, d.id""", Tuple.class)
                .setParameter("group", groupId).setParameter("year", year).getResultList();
        DocMessages messages = MessageBundles.get(DocMessages.class, io.quarkus.qute.i18n.Localized.Literal.of(language));
        return rows.stream().map(r -> {
            long id = ((Number) r.get("id")).longValue();
            LocalDate day = SqlValues.date(r.get("day"));
            String community = new Localized(r.get("name_es", String.class), r.get("name_pt", String.class),
                    r.get("name_en", String.class)).in(language);
            return new Entry(day, r.get("title", String.class), community,
                    messages.type(DocumentType.valueOf(r.get("doc_type", String.class))), List.<String> of(),
                    Links.community(r.get("slug", String.class), "documents", id));
        }).toList();
    }
}
