package org.comunidad.platform.content;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * "What's new": per community and tab, how many items others wrote since the member
 * last opened that tab. A visit is recorded when the tab is shown. Counting reads the
 * content tables directly (one statement for any number of communities, the union of the
 * features' {@link NewItems}) and stops at {@link #CAP} per tab, so that it costs the same
 * whatever the history's size. Tabs are named by the features that own them (NEWS, POSTS...).
 */
@ApplicationScoped
public class WhatsNew {

    /** Counts above this show as "99+". */
    public static final int CAP = 99;

    /** New items per community id and tab. */
    public record Counts(Map<Long, Map<String, Integer>> counts, Map<String, Integer> header) {

        public static final Counts NONE = new Counts(Map.of());

        public Counts(Map<Long, Map<String, Integer>> counts) {
            this(counts, Map.of());
        }

        /** A header count ({@link HeaderCount}: BELL), 0 when not counted. */
        public int header(String key) {
            return header.getOrDefault(key, 0);
        }

        /** These counts with another's header counts. */
        public Counts withHeader(Counts other) {
            return new Counts(counts, other.header);
        }

        /** New items in a community's tab (NEWS, POSTS, DISCUSSIONS...). */
        public int of(long communityId, String tab) {
            return counts.getOrDefault(communityId, Map.of()).getOrDefault(tab, 0);
        }

        public int total(long communityId) {
            return counts.getOrDefault(communityId, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }

        public String label(int count) {
            return count > CAP ? CAP + "+" : String.valueOf(count);
        }
    }

    /** A row of the counts: new items of a tab in a community. */
    record Row(long community, String tab, int n) {
    }

    @Inject
    EntityManager em;

    @Inject
    Instance<NewItems> sources;

    @Inject
    Instance<HeaderCount> headerCounts;

    /** Records a visit now and returns the previous one (items after it are new to the member). */
    @Transactional
    public Optional<OffsetDateTime> visit(long memberId, long communityId, String tab) {
        OffsetDateTime now = OffsetDateTime.now();
        @SuppressWarnings("unchecked")
        List<Object> previous = em.createNativeQuery("""
                with old as (select visited_at from tab_visit where member_id = ?1 and community_id = ?2 and tab = ?3),
                up as (insert into tab_visit (member_id, community_id, tab, visited_at) values (?1, ?2, ?3, ?4)
                       on conflict (member_id, community_id, tab) do update set visited_at = excluded.visited_at)
                select visited_at from old
                """)
                .setParameter(1, memberId).setParameter(2, communityId).setParameter(3, tab).setParameter(4, now)
                .getResultList();
        return previous.stream().findFirst().map(org.comunidad.platform.persistence.SqlValues::timestamp);
    }

    /** New items in the given communities for this member, in one statement. */
    @Transactional
    public Counts counts(long memberId, Collection<Long> communityIds) {
        if (communityIds.isEmpty() || sources.isUnsatisfied()) {
            return Counts.NONE;
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select c.id as community, t.tab as tab, t.n as n from community c
                cross join lateral (%s) t
                where c.id in (:ids)
                """.formatted(union(sources.stream().map(NewItems::newItems).toList())), Tuple.class)
                .setParameter("me", memberId)
                .setParameter("ids", List.copyOf(communityIds))
                .getResultList();
        Map<Long, Map<String, Integer>> counts = new HashMap<>();
        for (Tuple tuple : rows) {
            Row row = new Row(tuple.get("community", Number.class).longValue(), tuple.get("tab", String.class),
                    tuple.get("n", Number.class).intValue());
            // Tabs without news are left out here, not in SQL: a filter on the count there made
            // PostgreSQL run each count twice (once to filter, once to return it).
            if (row.n() > 0) {
                counts.computeIfAbsent(row.community(), k -> new HashMap<>()).put(row.tab(), row.n());
            }
        }
        return new Counts(counts);
    }

    /**
     * The header's counts ({@link HeaderCount}) and, when a community is given, its new items, in one
     * statement: what a page shows around its content ({@link PageCounts}).
     */
    @Transactional
    public Counts page(long memberId, Long communityId) {
        List<HeaderCount.Fragment> headers = headerCounts.stream().map(HeaderCount::headerCount)
                .sorted(java.util.Comparator.comparing(HeaderCount.Fragment::key)).toList();
        boolean whatsNew = communityId != null && !sources.isUnsatisfied();
        if (headers.isEmpty() && !whatsNew) {
            return Counts.NONE;
        }
        List<String> parts = new java.util.ArrayList<>();
        for (HeaderCount.Fragment header : headers) {
            if (!header.key().matches("[A-Z_]{1,20}")) {
                throw new IllegalStateException("a header count is named in capitals: " + header.key());
            }
            parts.add("select cast(null as bigint) as community, '%s' as tab, (%s) as n".formatted(header.key(),
                    header.count()));
        }
        if (whatsNew) {
            parts.add("""
                    select c.id as community, t.tab as tab, t.n as n from community c
                    cross join lateral (%s) t
                    where c.id = :community""".formatted(union(sources.stream().map(NewItems::newItems).toList())));
        }
        var query = em.createNativeQuery(String.join("\nunion all\n", parts), Tuple.class).setParameter("me", memberId);
        if (whatsNew) {
            query.setParameter("community", communityId);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        Map<Long, Map<String, Integer>> counts = new HashMap<>();
        Map<String, Integer> header = new HashMap<>();
        for (Tuple tuple : rows) {
            Number community = tuple.get("community", Number.class);
            int n = tuple.get("n", Number.class).intValue();
            if (community == null) {
                header.put(tuple.get("tab", String.class), n);
            } else if (n > 0) {
                counts.computeIfAbsent(community.longValue(), k -> new HashMap<>()).put(tuple.get("tab", String.class), n);
            }
        }
        return new Counts(counts, header);
    }

    /** Every feature's new items in community c, one row per tab (counting stops past CAP). */
    static String union(List<NewItems.Fragment> sources) {
        return sources.stream().sorted(java.util.Comparator.comparing(NewItems.Fragment::tab)).map(source -> {
            if (!source.tab().matches("[A-Z_]{1,20}")) {
                throw new IllegalStateException("a tab is named in capitals (tab_visit.tab): " + source.tab());
            }
            return """
                    select '%1$s' as tab, (select count(*) from (
                        select 1 from %2$s
                        and %3$s > coalesce((select visited_at from tab_visit v
                            where v.member_id = :me and v.community_id = c.id and v.tab = '%1$s'), '-infinity')
                        order by %3$s desc limit %4$d) x) as n""".formatted(source.tab(), source.items(), source.at(),
                    CAP + 1);
        }).collect(java.util.stream.Collectors.joining("\nunion all\n"));
    }
}
