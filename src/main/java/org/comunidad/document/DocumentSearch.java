package org.comunidad.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.Country;
import org.comunidad.platform.content.Paging;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.Links;

/**
 * Finds documents of the viewer's working groups: full text (metadata and the files'
 * extracted text, stemmed in the document's language, accents ignored) with filters, and
 * counts by type, working group and country for browsing. Never returns a document of a
 * group the viewer does not belong to: the group filter is part of every statement.
 */
@ApplicationScoped
public class DocumentSearch {

    public static final int PAGE_SIZE = 20;
    /** With words: how many of the newest matches (by last change) are ranked by relevance and paged through. */
    public static final int CANDIDATES = 1000;
    /** With words: matches are counted up to this; beyond it the page says "more than 1,000". */
    public static final int TOTAL_MAX = 1000;
    private static final String QUERY = """
            (websearch_to_tsquery('doc_es', :q) || websearch_to_tsquery('doc_pt', :q)
             || websearch_to_tsquery('doc_en', :q) || websearch_to_tsquery('doc_simple', :q))""";
    /** Marks around matched words in snippets: never in stored text (extraction strips control characters). */
    public static final char MARK_START = '\u0002';
    public static final char MARK_END = '\u0003';

    public record Filters(String q, DocumentType type, String country, String language, Long groupId,
            Long communityId, Long folderId, LocalDate from, LocalDate to, int page) {

        public boolean hasText() {
            return q != null && !q.isBlank();
        }

        Filters inGroup(Long group) {
            return new Filters(q, type, country, language, group, communityId, folderId, from, to, page);
        }
    }

    /** The browsing page: the results with their counts, and the choices of its filters. */
    public record BrowsePage(Results results, List<Community> groups, List<Country> countries) {
    }

    public record Hit(long id, String title, String groupSlug, Localized groupName, String communitySlug,
            Localized communityName, DocumentType type, String countryCode, String language, LocalDate date,
            String fileName, String contentType, long size, OffsetDateTime updatedAt, String snippet,
            String description) {

        public DocumentLanguage lang() {
            return DocumentLanguage.of(language);
        }

        /** The snippet as HTML: the text escaped, matches in mark elements. */
        public String snippetHtml() {
            return DocumentSearch.markup(snippet);
        }

        /** The document's page, in the community that holds it. */
        public String link() {
            return Links.community(communitySlug, "documents", id);
        }

        /** A row of the search statement, read by the column names it selects. */
        static Hit of(Tuple row) {
            Number size = row.get("size_bytes", Number.class);
            return new Hit(row.get("id", Number.class).longValue(), row.get("title", String.class),
                    row.get("gslug", String.class), localized(row, "g_"), row.get("cslug", String.class),
                    localized(row, "c_"), DocumentType.valueOf(row.get("doc_type", String.class)),
                    row.get("country_code", String.class), row.get("language", String.class),
                    SqlValues.date(row.get("doc_date")), row.get("file_name", String.class),
                    row.get("content_type", String.class), size == null ? 0 : size.longValue(),
                    SqlValues.timestamp(row.get("updated_at")), row.get("snippet", String.class),
                    row.get("description", String.class));
        }
    }

    public record Facet(String key, Localized label, long count) {
        /** The facet's key as a document type (the "by type" facet). */
        public DocumentType type() {
            return DocumentType.parse(key);
        }

        /** A row of a facet's statement: key, label_es, label_pt, label_en (null for types) and n. */
        static Facet of(Tuple row) {
            Localized label = row.get("label_es") == null ? null : localized(row, "label_");
            return new Facet(row.get("key", String.class), label, row.get("n", Number.class).longValue());
        }
    }

    /** The names in three languages selected as {prefix}es, {prefix}pt, {prefix}en. */
    private static Localized localized(Tuple row, String prefix) {
        return new Localized(row.get(prefix + "es", String.class), row.get(prefix + "pt", String.class),
                row.get(prefix + "en", String.class));
    }

    /**
     * A page of hits. With words, total stops at {@link #TOTAL_MAX} and more says there are more
     * matches than that; the pages cover the {@link #CANDIDATES} ranked.
     */
    public record Results(List<Hit> hits, long total, boolean more, int page, int pages, List<Facet> byType,
            List<Facet> byGroup, List<Facet> byCountry, long rankedAmong) {

        public Results(List<Hit> hits, long total, boolean more, int page, int pages, List<Facet> byType,
                List<Facet> byGroup, List<Facet> byCountry) {
            this(hits, total, more, page, pages, byType, byGroup, byCountry, CANDIDATES);
        }
    }

    @Inject
    EntityManager em;

    /**
     * All the documents the viewer may read, filtered, with counts by type, working group and
     * country. The group filter is typed as an id or a slug; a group the viewer may not read
     * matches nothing.
     */
    @Transactional
    public BrowsePage browse(Viewer viewer, Filters filters, String group) {
        List<Long> readable = DocumentAccess.readableGroups(viewer);
        List<Community> groups = readable == null ? Community.allGroups() : Community.groupsIn(readable);
        Long groupId = null;
        if (group != null && !group.isBlank()) {
            groupId = groups.stream().filter(g -> g.id.toString().equals(group) || g.slug.equals(group))
                    .map(g -> g.id).findFirst().orElse(-1L);
        }
        return new BrowsePage(search(viewer, filters.inGroup(groupId), true), groups, Country.all());
    }

    @Transactional
    public Results search(Viewer viewer, Filters filters, boolean facets) {
        return search(viewer, filters, facets, PAGE_SIZE);
    }

    /**
     * One page of {@code size} hits. With words, the newest {@link #CANDIDATES} matches (by last
     * change) are ranked by relevance and paged through, snippets are cut for the page's hits
     * only, and the total is counted up to {@link #TOTAL_MAX} ({@link Results#more()} beyond):
     * the cost does not grow with the matches (docs/architecture.md, "Search").
     */
    @Transactional
    public Results search(Viewer viewer, Filters filters, boolean facets, int size) {
        return search(viewer, filters, facets, size, CANDIDATES);
    }

    /**
     * The same within a smaller window: the newest {@code window} matches ranked, the total counted up
     * to {@code window} (the search page's five documents need no more: its link leads to the full
     * list, whose window is {@link #CANDIDATES}).
     */
    @Transactional
    public Results search(Viewer viewer, Filters filters, boolean facets, int size, int window) {
        List<Long> groups = DocumentAccess.readableGroups(viewer);
        if (groups != null && groups.isEmpty()) {
            return new Results(List.of(), 0, false, 1, 1, List.of(), List.of(), List.of());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filters, groups, params);
        Paging paging = Paging.of(filters.page(), size);
        String columns = """
                select d.id, d.title, g.slug as gslug, g.name_es as g_es, g.name_pt as g_pt, g.name_en as g_en,
                       c.slug as cslug, c.name_es as c_es, c.name_pt as c_pt, c.name_en as c_en, d.doc_type,
                       d.country_code, d.language, d.doc_date, v.file_name, v.content_type, v.size_bytes, d.updated_at,
                       %s as snippet, d.description
                """;
        String joins = """
                join community g on g.id = d.group_id join community c on c.id = d.community_id
                left join document_version v on v.id = d.current_version_id
                """;
        String select;
        if (filters.hasText()) {
            select = columns.formatted("""
                    ts_headline(doc_config(d.language),
                        coalesce(left(v.content_text, 100000), '') || ' ' || coalesce(d.description, ''),
                        websearch_to_tsquery(doc_config(d.language), :q),
                        'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "')""")
                    + """
                    from (select cand.id, cand.updated_at, ts_rank(cand.search, %1$s) as r
                          from (select d.id, d.updated_at, d.search from document d where %2$s
                                order by d.updated_at desc, d.id desc limit %3$d) cand
                          order by r desc, cand.updated_at desc, cand.id desc limit %4$d offset %5$d) top
                    join document d on d.id = top.id
                    """.formatted(QUERY, where, window, size, paging.offset())
                    + joins + "order by top.r desc, top.updated_at desc, top.id desc";
        } else {
            select = columns.formatted("null") + "from document d " + joins + "where " + where + """

                    order by coalesce(d.doc_date, cast(d.created_at as date)) desc, d.id desc
                    limit %d offset %d""".formatted(size, paging.offset());
        }
        Query q = em.createNativeQuery(select, Tuple.class);
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = q.getResultList();
        List<Hit> hits = rows.stream().map(Hit::of).toList();
        long total;
        boolean more = false;
        int pages;
        int cap = Math.min(TOTAL_MAX, window);
        if (filters.hasText()) {
            // Counted up to one more than TOTAL_MAX: "more than 1,000" rather than reading every match.
            Query count = em.createNativeQuery("select count(*) from (select 1 from document d where " + where
                    + " limit " + (cap + 1) + ") x");
            params.forEach(count::setParameter);
            total = ((Number) count.getSingleResult()).longValue();
            if (total > cap) {
                total = cap;
                more = true;
            }
            pages = (int) Math.max(1, (Math.min(total, window) + size - 1) / size);
        } else {
            Query count = em.createNativeQuery("select count(*) from document d where " + where);
            params.forEach(count::setParameter);
            total = ((Number) count.getSingleResult()).longValue();
            pages = (int) Math.max(1, (total + size - 1) / size);
        }
        if (!facets) {
            return new Results(hits, total, more, paging.page(), pages, List.of(), List.of(), List.of(), window);
        }
        return new Results(hits, total, more, paging.page(), pages,
                facet("select d.doc_type as key, null as label_es, null as label_pt, null as label_en, count(*) as n"
                        + " from document d where " + where
                        + " group by d.doc_type order by count(*) desc", params),
                facet("select cast(g.id as varchar) as key, g.name_es as label_es, g.name_pt as label_pt,"
                        + " g.name_en as label_en, count(*) as n from document d "
                        + "join community g on g.id = d.group_id where " + where
                        + " group by g.id order by count(*) desc", params),
                facet("select d.country_code as key, k.name_es as label_es, k.name_pt as label_pt,"
                        + " k.name_en as label_en, count(*) as n from document d "
                        + "join country k on k.code = d.country_code where " + where
                        + " group by d.country_code, k.name_es, k.name_pt, k.name_en order by count(*) desc", params), window);
    }

    /** A facet's statement selects key, label_es, label_pt, label_en and n. */
    private List<Facet> facet(String sql, Map<String, Object> params) {
        Query q = em.createNativeQuery(sql, Tuple.class);
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = q.getResultList();
        return rows.stream().map(Facet::of).toList();
    }

    private static String where(Filters f, List<Long> groups, Map<String, Object> params) {
        StringBuilder w = new StringBuilder("d.deleted_at is null");
        if (groups != null) {
            w.append(" and d.group_id in (:groups)");
            params.put("groups", groups);
        }
        if (f.hasText()) {
            w.append(" and d.search @@ ").append(QUERY);
            params.put("q", f.q().strip());
        }
        if (f.type() != null) {
            w.append(" and d.doc_type = :type");
            params.put("type", f.type().name());
        }
        if (f.country() != null) {
            w.append(" and d.country_code = :country");
            params.put("country", f.country());
        }
        if (f.language() != null) {
            w.append(" and d.language = :language");
            params.put("language", f.language());
        }
        if (f.groupId() != null) {
            w.append(" and d.group_id = :group");
            params.put("group", f.groupId());
        }
        if (f.communityId() != null) {
            w.append(" and d.community_id = :community");
            params.put("community", f.communityId());
        }
        if (f.folderId() != null) {
            w.append(" and d.folder_id = :folder");
            params.put("folder", f.folderId());
        }
        if (f.from() != null) {
            w.append(" and d.doc_date >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            w.append(" and d.doc_date <= :to");
            params.put("to", f.to());
        }
        return w.toString();
    }

    /** Escapes text for HTML and turns the match markers into mark elements. */
    public static String markup(String snippet) {
        if (snippet == null) {
            return "";
        }
        StringBuilder html = new StringBuilder(snippet.length() + 32);
        for (int i = 0; i < snippet.length(); i++) {
            char ch = snippet.charAt(i);
            switch (ch) {
                case MARK_START -> html.append("<mark>");
                case MARK_END -> html.append("</mark>");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(Character.isISOControl(ch) && ch != '\n' ? ' ' : ch);
            }
        }
        return html.toString();
    }
}
