package org.comunidad.platform.content;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * "What's new": per community and tab, how many items others wrote since the member
 * last opened that tab. A visit is recorded when the tab is shown. Counting reads the
 * content tables directly (one statement for any number of communities) and stops at
 * {@link #CAP} per tab, so that it costs the same whatever the history's size.
 */
@ApplicationScoped
public class WhatsNew {

    public enum Tab {
        NEWS, POSTS, DISCUSSIONS, DOCUMENTS
    }

    /** Counts above this show as "99+". */
    public static final int CAP = 99;

    /** New items per community id and tab. */
    public record Counts(Map<Long, Map<Tab, Integer>> counts) {

        public static final Counts NONE = new Counts(Map.of());

        /** New items in a community's tab (NEWS, POSTS or DISCUSSIONS). */
        public int of(long communityId, String tab) {
            return counts.getOrDefault(communityId, Map.of()).getOrDefault(Tab.valueOf(tab), 0);
        }

        public int total(long communityId) {
            return counts.getOrDefault(communityId, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }

        public String label(int count) {
            return count > CAP ? CAP + "+" : String.valueOf(count);
        }
    }

    @Inject
    EntityManager em;

    /** Records a visit now and returns the previous one (items after it are new to the member). */
    @Transactional
    public Optional<OffsetDateTime> visit(long memberId, long communityId, Tab tab) {
        OffsetDateTime now = OffsetDateTime.now();
        @SuppressWarnings("unchecked")
        List<Object> previous = em.createNativeQuery("""
                with old as (select visited_at from tab_visit where member_id = ?1 and community_id = ?2 and tab = ?3),
                up as (insert into tab_visit (member_id, community_id, tab, visited_at) values (?1, ?2, ?3, ?4)
                       on conflict (member_id, community_id, tab) do update set visited_at = excluded.visited_at)
                select visited_at from old
                """)
                .setParameter(1, memberId).setParameter(2, communityId).setParameter(3, tab.name()).setParameter(4, now)
                .getResultList();
        return previous.stream().findFirst().map(org.comunidad.platform.persistence.SqlValues::timestamp);
    }

    /** New items in the given communities for this member, in one statement. */
    @Transactional
    public Counts counts(long memberId, Collection<Long> communityIds) {
        if (communityIds.isEmpty()) {
            return Counts.NONE;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.id, t.tab, t.n from community c
                cross join lateral (
                  select 'NEWS' as tab, (select count(*) from (
                      select 1 from news_item n
                      where n.community_id = c.id and n.deleted_at is null and n.hidden_at is null and n.author_id <> :me
                      and n.created_at > coalesce((select visited_at from tab_visit v
                          where v.member_id = :me and v.community_id = c.id and v.tab = 'NEWS'), '-infinity')
                      order by n.created_at desc limit 100) x) as n
                  union all
                  select 'POSTS', (select count(*) from (
                      select 1 from post p
                      where p.community_id = c.id and p.deleted_at is null and p.hidden_at is null and p.author_id <> :me
                      and p.created_at > coalesce((select visited_at from tab_visit v
                          where v.member_id = :me and v.community_id = c.id and v.tab = 'POSTS'), '-infinity')
                      order by p.created_at desc limit 100) x)
                  union all
                  select 'DISCUSSIONS', (select count(*) from (
                      select 1 from discussion d
                      where d.community_id = c.id and d.deleted_at is null and d.hidden_at is null and d.author_id <> :me
                      and d.last_activity_at > coalesce((select visited_at from tab_visit v
                          where v.member_id = :me and v.community_id = c.id and v.tab = 'DISCUSSIONS'), '-infinity')
                      order by d.last_activity_at desc limit 100) x)
                  union all
                  select 'DOCUMENTS', (select count(*) from (
                      select 1 from document doc
                      where doc.community_id = c.id and doc.deleted_at is null and doc.uploader_id <> :me
                      and doc.updated_at > coalesce((select visited_at from tab_visit v
                          where v.member_id = :me and v.community_id = c.id and v.tab = 'DOCUMENTS'), '-infinity')
                      order by doc.updated_at desc limit 100) x)
                ) t
                where c.id in (:ids) and t.n > 0
                """)
                .setParameter("me", memberId)
                .setParameter("ids", List.copyOf(communityIds))
                .getResultList();
        Map<Long, Map<Tab, Integer>> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.computeIfAbsent(((Number) row[0]).longValue(), k -> new HashMap<>())
                    .put(Tab.valueOf((String) row[1]), ((Number) row[2]).intValue());
        }
        return new Counts(counts);
    }

}
