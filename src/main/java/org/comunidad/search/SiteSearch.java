package org.comunidad.search;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.comunidad.document.DocumentAccess;
import org.comunidad.document.DocumentSearch;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.security.Viewer;

/**
 * The search box: documents (through {@link DocumentSearch}), news, posts and discussions
 * of the viewer's communities, matched with accents ignored. Hidden and deleted content
 * is never found; the group filter is part of every statement.
 */
@ApplicationScoped
public class SiteSearch {

    public static final int PER_KIND = 5;

    public record Hit(String url, String title, Localized community, OffsetDateTime at, String snippet) {
        public String snippetHtml() {
            return DocumentSearch.markup(snippet);
        }
    }

    public record Results(String q, DocumentSearch.Results documents, List<Hit> news, List<Hit> posts,
            List<Hit> discussions) {
        public boolean isEmpty() {
            return documents.total() == 0 && news.isEmpty() && posts.isEmpty() && discussions.isEmpty();
        }
    }

    private static final String QUERY = "websearch_to_tsquery('doc_simple', :q)";
    private static final String HEADLINE = "'StartSel=' || chr(2) || ', StopSel=' || chr(3) "
            + "|| ', MaxFragments=1, MaxWords=30, MinWords=12'";

    @Inject
    EntityManager em;

    @Inject
    DocumentSearch documents;

    @Transactional
    public Results search(Viewer viewer, String q) {
        String text = q.strip();
        DocumentSearch.Results docs = documents.search(viewer, new DocumentSearch.Filters(text, null, null, null,
                null, null, null, null, null, 1), false);
        List<Long> groups = DocumentAccess.readableGroups(viewer);
        if (groups != null && groups.isEmpty()) {
            return new Results(text, docs, List.of(), List.of(), List.of());
        }
        String inGroups = groups == null ? "true" : "%s in (:groups)";
        List<Hit> news = hits("""
                select '/c/' || c.slug || '/news/' || n.id, n.title, c.name_es, c.name_pt, c.name_en, n.created_at,
                       ts_headline('doc_simple', n.body, %s, %s)
                from news_item n join community c on c.id = n.community_id
                where n.search @@ %s and n.deleted_at is null and n.hidden_at is null and %s
                order by ts_rank(n.search, %s) desc, n.created_at desc limit %d""".formatted(QUERY, HEADLINE, QUERY,
                inGroups.formatted("n.community_id"), QUERY, PER_KIND), text, groups);
        List<Hit> posts = hits("""
                select '/c/' || c.slug || '/posts/' || p.id, null, c.name_es, c.name_pt, c.name_en, p.created_at,
                       ts_headline('doc_simple', p.body, %s, %s)
                from post p join community c on c.id = p.community_id
                where p.search @@ %s and p.deleted_at is null and p.hidden_at is null and %s
                order by ts_rank(p.search, %s) desc, p.created_at desc limit %d""".formatted(QUERY, HEADLINE, QUERY,
                inGroups.formatted("p.group_id"), QUERY, PER_KIND), text, groups);
        List<Hit> discussions = hits("""
                select '/c/' || c.slug || '/discussions/' || d.id, d.title, c.name_es, c.name_pt, c.name_en,
                       d.last_activity_at, ts_headline('doc_simple', d.agenda_topic || ' — ' || d.opening, %s, %s)
                from discussion d join community c on c.id = d.community_id
                where d.search @@ %s and d.deleted_at is null and d.hidden_at is null and %s
                order by ts_rank(d.search, %s) desc, d.last_activity_at desc limit %d""".formatted(QUERY, HEADLINE,
                QUERY, inGroups.formatted("coalesce(c.parent_id, c.id)"), QUERY, PER_KIND), text, groups);
        return new Results(text, docs, news, posts, discussions);
    }

    private List<Hit> hits(String sql, String q, List<Long> groups) {
        Query query = em.createNativeQuery(sql).setParameter("q", q);
        if (groups != null) {
            query.setParameter("groups", groups);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Hit> hits = new ArrayList<>();
        for (Object[] r : rows) {
            hits.add(new Hit((String) r[0], (String) r[1], new Localized((String) r[2], (String) r[3], (String) r[4]),
                    org.comunidad.platform.persistence.SqlValues.timestamp(r[5]), (String) r[6]));
        }
        return hits;
    }

}
