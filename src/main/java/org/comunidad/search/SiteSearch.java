package org.comunidad.search;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.comunidad.document.DocumentAccess;
import org.comunidad.document.DocumentSearch;
import org.comunidad.platform.content.Searchable;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.Links;

/**
 * The search box: documents (through {@link DocumentSearch}), and every kind of content the
 * features make {@link Searchable} (news, posts, discussions) of the viewer's communities, in
 * one statement, matched with accents ignored. Hidden and deleted content is never found; the
 * group filter is part of every statement.
 */
@ApplicationScoped
public class SiteSearch {

    public static final int PER_KIND = 5;
    /**
     * How many of each kind's newest matches are ranked by relevance: a word found in every post
     * ranks the newest 200, not all of them (docs/architecture.md, "Search").
     */
    public static final int CANDIDATES = 200;

    public record Hit(String url, String title, Localized community, OffsetDateTime at, String snippet) {
        public String snippetHtml() {
            return DocumentSearch.markup(snippet);
        }
    }

    /** One kind's section: its id (found-{key}), heading, what it says when empty, and its hits. */
    public record Section(String key, String heading, String nothingFound, List<Hit> hits) {
    }

    public record Results(String q, DocumentSearch.Results documents, List<Section> sections) {
        public boolean isEmpty() {
            return documents.total() == 0 && sections.stream().allMatch(s -> s.hits().isEmpty());
        }
    }

    private static final String QUERY = "websearch_to_tsquery('doc_simple', :q)";
    private static final String HEADLINE = "'StartSel=' || chr(2) || ', StopSel=' || chr(3) "
            + "|| ', MaxFragments=1, MaxWords=30, MinWords=12'";

    @Inject
    EntityManager em;

    @Inject
    DocumentSearch documents;

    @Inject
    Instance<Searchable> kinds;

    @Transactional
    public Results search(Viewer viewer, String q, String language) {
        String text = q.strip();
        DocumentSearch.Results docs = documents.search(viewer, new DocumentSearch.Filters(text, null, null, null,
                null, null, null, null, null, 1), false, PER_KIND, CANDIDATES);
        List<Searchable.Fragment> searchable = kinds.stream().map(Searchable::searchable)
                .sorted(Comparator.comparingInt(Searchable.Fragment::position)).toList();
        List<Long> groups = DocumentAccess.readableGroups(viewer);
        Map<String, List<Hit>> found = new LinkedHashMap<>();
        searchable.forEach(s -> found.put(s.key(), new ArrayList<>()));
        if (!searchable.isEmpty() && (groups == null || !groups.isEmpty())) {
            Query query = em.createNativeQuery(union(searchable, groups != null), Tuple.class).setParameter("q", text);
            if (groups != null) {
                query.setParameter("groups", groups);
            }
            @SuppressWarnings("unchecked")
            List<Tuple> rows = query.getResultList();
            for (Tuple r : rows) {
                String kind = r.get("kind", String.class);
                found.get(kind).add(new Hit(Links.community(r.get("slug", String.class), kind,
                        r.get("id", Number.class).longValue()), r.get("title", String.class),
                        new Localized(r.get("name_es", String.class), r.get("name_pt", String.class),
                                r.get("name_en", String.class)),
                        SqlValues.timestamp(r.get("at")), r.get("snippet", String.class)));
            }
        }
        List<Section> sections = searchable.stream().map(s -> new Section(s.key(), s.heading().in(language),
                s.nothingFound().in(language), found.get(s.key()))).toList();
        return new Results(text, docs, sections);
    }

    /**
     * One select per kind, joined in one statement (names are not input). Each kind's matches are
     * first cut to its newest {@link #CANDIDATES} (an index on the date, or the GIN index and a
     * sort when the words are rare: the planner picks), ranked with ts_rank within them, cut at
     * PER_KIND, and only those get a ts_headline: the cost does not grow with the matches.
     */
    static String union(List<Searchable.Fragment> searchable, boolean inGroups) {
        return "select * from (" + searchable.stream().map(f -> """
                (select '%1$s' as kind, %11$d as place, top.rank, top.slug, top.id, top.title, top.name_es, top.name_pt,
                        top.name_en, top.at, ts_headline('doc_simple', top.text, %6$s, %7$s) as snippet
                 from (select row_number() over (order by ts_rank(cand.search, %6$s) desc, cand.at desc, cand.id desc) as rank,
                              cand.*
                       from (select c.slug as slug, %2$s.id as id, %3$s as title, c.name_es as name_es, c.name_pt as name_pt,
                                    c.name_en as name_en, %4$s as at, %5$s as text, %2$s.search as search
                             from %8$s join community c on c.id = %2$s.community_id
                             where %2$s.search @@ %6$s and %2$s.deleted_at is null and %2$s.hidden_at is null and %9$s
                             order by %4$s desc, %2$s.id desc limit %12$d) cand
                       order by rank limit %10$d) top)""".formatted(f.key(), f.alias(), f.title(), f.at(), f.text(),
                QUERY, HEADLINE, f.table(), inGroups ? f.group() + " in (:groups)" : "true", PER_KIND, f.position(),
                CANDIDATES))
                .collect(Collectors.joining("\nunion all\n")) + ") found order by place, rank";
    }
}
