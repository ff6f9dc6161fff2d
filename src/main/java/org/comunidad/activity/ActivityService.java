package org.comunidad.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.community.Country;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.platform.security.Viewer;

import io.quarkus.qute.i18n.MessageBundles;

/**
 * A working group's activity as its coordinator (or the forum admin) reads it: active members
 * per week or month by country, what was written and shared in the period, the most active
 * members; and one member's active days per month. Each view runs a fixed number of
 * statements, whatever the number of members, days or items.
 */
@ApplicationScoped
public class ActivityService {

    /** How many members the "most active" list shows. */
    static final int TOP = 10;

    /** A country's line in the summary: its current members and how many of them were active. */
    public record CountryRow(BarChart.Series series, long members, long active) {

        /** Active members as a whole percentage of the country's members (0 without members). */
        public long share() {
            return members == 0 ? 0 : Math.round(100.0 * active / members);
        }
    }

    /** What was created in the period. News exists only at group level: null for a subgroup. */
    public record Content(Long news, long posts, long comments, long discussions, long replies, long documents,
            long downloads) {
    }

    public record TopMember(long id, String name, Localized country, long days, LocalDate lastDay) {
    }

    /**
     * The activity page. subgroup: the chosen subgroup, or null for the whole group (its
     * subgroups included). total: the period's row of the table (each person once).
     */
    public record Report(Community group, Community subgroup, List<Community> subgroups, Period period, LocalDate from,
            LocalDate to, String fromLabel, String toLabel, BarChart chart, String chartTitle, String chartDesc,
            List<Integer> totals, long totalActive, List<CountryRow> countries, long members, Content content,
            List<TopMember> top) {

        public boolean weeks() {
            return period == Period.WEEKS;
        }
    }

    /** A member's active days per month in the group over the last 12 months. */
    public record MemberActivity(BarChart chart, String chartTitle, String chartDesc, long days, LocalDate lastDay) {
    }

    @Inject
    EntityManager em;

    @Transactional
    public Report report(Viewer viewer, Community group, Period period, String subgroupSlug, LocalDate today,
            ZoneId zone, Locale locale) {
        requireCoordinator(viewer, group);
        Labels labels = new Labels(locale);
        List<Community> subgroups = Community.subgroupsOf(List.of(group.id));
        Community subgroup = subgroups.stream().filter(s -> s.slug.equals(subgroupSlug)).findFirst().orElse(null);
        Community scope = subgroup != null ? subgroup : group;
        // The communities counted, and who counts: the current members of the group (of the subgroup).
        String in = subgroup != null ? "= :scope" : "in (select id from community where id = :scope or parent_id = :scope)";
        String current = subgroup != null
                ? "exists (select 1 from membership ms where ms.member_id = %s and ms.community_id = :scope)"
                : "exists (select 1 from membership ms join community mc on mc.id = ms.community_id"
                        + " where ms.member_id = %s and (mc.id = :scope or mc.parent_id = :scope))";

        List<LocalDate> buckets = period.buckets(today);
        LocalDate from = buckets.get(0);
        OffsetDateTime since = from.atStartOfDay(zone).toOffsetDateTime();

        // Active members per bucket and country, per country over the whole period, and in all.
        @SuppressWarnings("unchecked")
        List<Object[]> activeRows = em.createNativeQuery("""
                select bucket, country, count(distinct member_id), grouping(bucket), grouping(country)
                from (select date_trunc('%s', d.day::timestamp)::date as bucket,
                             coalesce(m.country_code, '') as country, d.member_id
                      from member_activity_day d join member m on m.id = d.member_id
                      where d.community_id %s and d.day between :from and :to and %s) x
                group by grouping sets ((bucket, country), (country), ())
                """.formatted(period.sqlUnit, in, current.formatted("d.member_id")))
                .setParameter("scope", scope.id).setParameter("from", from).setParameter("to", today)
                .getResultList();
        Map<LocalDate, Map<String, Integer>> perBucket = new HashMap<>();
        Map<String, Integer> perCountry = new HashMap<>();
        long totalActive = 0;
        for (Object[] r : activeRows) {
            int n = ((Number) r[2]).intValue();
            boolean allBuckets = ((Number) r[3]).intValue() == 1;
            boolean allCountries = ((Number) r[4]).intValue() == 1;
            if (allBuckets && allCountries) {
                totalActive = n;
            } else if (allBuckets) {
                perCountry.put((String) r[1], n);
            } else {
                perBucket.computeIfAbsent(SqlValues.date(r[0]), k -> new HashMap<>()).put((String) r[1], n);
            }
        }

        // Current members per country, and in all.
        @SuppressWarnings("unchecked")
        List<Object[]> memberRows = em.createNativeQuery("""
                select country, count(distinct member_id), grouping(country)
                from (select coalesce(m.country_code, '') as country, m.id as member_id
                      from membership ms join member m on m.id = ms.member_id where ms.community_id %s) x
                group by grouping sets ((country), ())
                """.formatted(in)).setParameter("scope", scope.id).getResultList();
        Map<String, Long> membersPerCountry = new HashMap<>();
        long members = 0;
        for (Object[] r : memberRows) {
            if (((Number) r[2]).intValue() == 1) {
                members = n(r[1]);
            } else {
                membersPerCountry.put((String) r[0], n(r[1]));
            }
        }

        Object[] c = (Object[]) em.createNativeQuery("""
                select (select count(*) from news_item n where n.community_id = :scope and n.deleted_at is null
                            and n.created_at >= :since),
                       (select count(*) from post p where p.community_id %1$s and p.deleted_at is null
                            and p.created_at >= :since),
                       (select count(*) from post_comment pc join post p on p.id = pc.post_id
                            where p.community_id %1$s and pc.deleted_at is null and pc.created_at >= :since),
                       (select count(*) from discussion d where d.community_id %1$s and d.deleted_at is null
                            and d.created_at >= :since),
                       (select count(*) from discussion_reply r join discussion d on d.id = r.discussion_id
                            where d.community_id %1$s and r.deleted_at is null and r.created_at >= :since),
                       (select count(*) from document doc where doc.group_id = :group and doc.community_id %1$s
                            and doc.deleted_at is null and doc.created_at >= :since),
                       (select count(*) from audit_log a join document_version v on v.id = a.target_id
                            join document doc on doc.id = v.document_id
                            where a.community_id = :group and a.action = 'DOCUMENT_DOWNLOAD' and a.at >= :since
                            and a.target_type = 'document_version' and doc.community_id %1$s)
                """.formatted(in)).setParameter("scope", scope.id).setParameter("group", group.id)
                .setParameter("since", since).getSingleResult();
        Content content = new Content(subgroup == null ? n(c[0]) : null, n(c[1]), n(c[2]), n(c[3]), n(c[4]), n(c[5]),
                n(c[6]));

        @SuppressWarnings("unchecked")
        List<Object[]> topRows = em.createNativeQuery("""
                select m.id, m.display_name, m.country_code, count(distinct d.day) as days, max(d.day) as last_day
                from member_activity_day d join member m on m.id = d.member_id
                where d.community_id %s and d.day between :from and :to and %s
                group by m.id, m.display_name, m.country_code
                order by days desc, last_day desc, m.display_name, m.id
                limit %d
                """.formatted(in, current.formatted("m.id"), TOP)).setParameter("scope", scope.id)
                .setParameter("from", from).setParameter("to", today).getResultList();

        Map<String, Localized> countryNames = new HashMap<>();
        for (Country country : Country.all()) {
            countryNames.put(country.code, country.name);
        }
        List<TopMember> top = new ArrayList<>();
        for (Object[] r : topRows) {
            top.add(new TopMember(n(r[0]), (String) r[1], r[2] == null ? null : countryNames.get((String) r[2]),
                    n(r[3]), SqlValues.date(r[4])));
        }

        // The countries shown: those taking part in the community, with members or with activity.
        Set<String> codes = new LinkedHashSet<>();
        scope.countries.forEach(country -> codes.add(country.code));
        if (scope.leaderCountry != null) {
            codes.add(scope.leaderCountry.code);
        }
        codes.addAll(membersPerCountry.keySet());
        codes.addAll(perCountry.keySet());
        List<CountryRow> countries = new ArrayList<>();
        for (String code : codes) {
            String label = code.isEmpty() ? labels.messages.no_country()
                    : countryNames.getOrDefault(code, new Localized(code, code, code)).in(locale);
            countries.add(new CountryRow(new BarChart.Series(code, label, CountryColors.of(code)),
                    membersPerCountry.getOrDefault(code, 0L), perCountry.getOrDefault(code, 0)));
        }
        // Most active first (the bottom of each stack), then by name; members without a country last.
        countries.sort(Comparator.comparing((CountryRow r) -> r.series().key().isEmpty())
                .thenComparing(Comparator.comparingLong(CountryRow::active).reversed())
                .thenComparing(r -> r.series().label()));

        List<BarChart.Series> legend = countries.stream().filter(r -> r.active() > 0).map(CountryRow::series).toList();
        List<BarChart.Column> columns = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            LocalDate start = buckets.get(i);
            columns.add(labels.column(period, start, i == 0 ? null : buckets.get(i - 1), i == buckets.size() - 1,
                    perBucket.getOrDefault(start, Map.of())));
        }
        List<Integer> totals = legend.stream().map(s -> perCountry.getOrDefault(s.key(), 0)).toList();
        BarChart chart = BarChart.of(columns, legend);
        String fromLabel = labels.date(from);
        String toLabel = labels.date(today);
        String desc = chart.peakBar() == null ? labels.messages.chart_desc_empty(fromLabel, toLabel)
                : labels.messages.chart_desc(fromLabel, toLabel, chart.peak(), chart.peakBar().label());
        return new Report(group, subgroup, subgroups, period, from, today, fromLabel, toLabel, chart,
                period == Period.WEEKS ? labels.messages.chart_weeks() : labels.messages.chart_months(), desc, totals,
                totalActive, countries, members, content, top);
    }

    /** The member's active days per month in the group and its subgroups, in one statement. */
    @Transactional
    public MemberActivity member(Viewer viewer, Community group, long memberId, LocalDate today, Locale locale) {
        requireCoordinator(viewer, group);
        Labels labels = new Labels(locale);
        List<LocalDate> buckets = Period.MONTHS.buckets(today);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select date_trunc('month', d.day::timestamp)::date, count(distinct d.day), max(d.day)
                from member_activity_day d
                where d.member_id = :member and d.day between :from and :to
                  and d.community_id in (select id from community where id = :group or parent_id = :group)
                group by 1
                """).setParameter("member", memberId).setParameter("group", group.id)
                .setParameter("from", buckets.get(0)).setParameter("to", today).getResultList();
        Map<LocalDate, Map<String, Integer>> perMonth = new HashMap<>();
        long days = 0;
        LocalDate last = null;
        for (Object[] r : rows) {
            int n = ((Number) r[1]).intValue();
            perMonth.put(SqlValues.date(r[0]), Map.of("days", n));
            days += n;
            LocalDate day = SqlValues.date(r[2]);
            last = last == null || day.isAfter(last) ? day : last;
        }
        BarChart.Series series = new BarChart.Series("days", labels.messages.member_days(), CountryColors.SINGLE);
        List<BarChart.Column> columns = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            LocalDate start = buckets.get(i);
            columns.add(labels.column(Period.MONTHS, start, i == 0 ? null : buckets.get(i - 1),
                    i == buckets.size() - 1, perMonth.getOrDefault(start, Map.of())));
        }
        BarChart chart = BarChart.of(columns, List.of(series));
        String fromLabel = labels.date(buckets.get(0));
        String toLabel = labels.date(today);
        String desc = chart.peakBar() == null ? labels.messages.chart_desc_empty(fromLabel, toLabel)
                : labels.messages.member_chart_desc(fromLabel, toLabel, days, chart.peak(), chart.peakBar().label());
        return new MemberActivity(chart, labels.messages.member_chart(), desc, days, last);
    }

    private static void requireCoordinator(Viewer viewer, Community group) {
        if (!CommunityAccess.coordinates(viewer, group.id)) {
            throw new Refused(Refused.Reason.NOT_COORDINATOR);
        }
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }

    /** Weeks and months named in the reader's language. */
    static final class Labels {

        final Locale locale;
        final ActivityMessages messages;
        final DateTimeFormatter date;
        final DateTimeFormatter month;
        final DateTimeFormatter shortMonth;
        final DateTimeFormatter day;

        Labels(Locale locale) {
            this.locale = locale;
            this.messages = MessageBundles.get(ActivityMessages.class,
                    io.quarkus.qute.i18n.Localized.Literal.of(locale.getLanguage()));
            this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
            this.month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
            this.shortMonth = DateTimeFormatter.ofPattern("LLL", locale);
            this.day = DateTimeFormatter.ofPattern(messages.axis_day_pattern(), locale);
        }

        String date(LocalDate value) {
            return date.format(value);
        }

        String month(LocalDate value) {
            return capitalized(month.format(value));
        }

        BarChart.Column column(Period period, LocalDate start, LocalDate previous, boolean current,
                Map<String, Integer> values) {
            String label = period == Period.WEEKS ? messages.week_of(date(start)) : month(start);
            String axis = period == Period.WEEKS ? day.format(start) : capitalized(shortMonth.format(start));
            String year = previous == null || previous.getYear() != start.getYear() ? String.valueOf(start.getYear())
                    : "";
            return new BarChart.Column(start, label, axis, year, current, new LinkedHashMap<>(values));
        }

        private String capitalized(String text) {
            return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
        }
    }
}
