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
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.community.Country;
import org.comunidad.platform.content.ParticipationCounts;
import org.comunidad.platform.content.ParticipationCounts.Counted;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.chart.BarChart;

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

    public record TopMember(long id, String name, Localized country, long days, LocalDate lastDay) {
    }

    /**
     * The activity page. subgroup: the chosen subgroup, or null for the whole group (its
     * subgroups included). total: the period's row of the table (each person once).
     */
    public record Report(Community group, Community subgroup, List<Community> subgroups, Period period, LocalDate from,
            LocalDate to, String fromLabel, String toLabel, BarChart chart, String chartTitle, String chartDesc,
            List<Integer> totals, long totalActive, List<CountryRow> countries, long members, List<Counted> content,
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

    @Inject
    ParticipationCounts participation;

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
        List<Tuple> activeRows = em.createNativeQuery("""
                select bucket, country, count(distinct member_id) as n, grouping(bucket) as all_buckets,
                       grouping(country) as all_countries
                from (select date_trunc('%s', d.day::timestamp)::date as bucket,
                             coalesce(m.country_code, '') as country, d.member_id
                      from member_activity_day d join member m on m.id = d.member_id
                      where d.community_id %s and d.day between :from and :to and %s) x
                group by grouping sets ((bucket, country), (country), ())
                """.formatted(period.sqlUnit, in, current.formatted("d.member_id")), Tuple.class)
                .setParameter("scope", scope.id).setParameter("from", from).setParameter("to", today)
                .getResultList();
        Map<LocalDate, Map<String, Integer>> perBucket = new HashMap<>();
        Map<String, Integer> perCountry = new HashMap<>();
        long totalActive = 0;
        for (Tuple r : activeRows) {
            int n = r.get("n", Number.class).intValue();
            boolean allBuckets = r.get("all_buckets", Number.class).intValue() == 1;
            boolean allCountries = r.get("all_countries", Number.class).intValue() == 1;
            String country = r.get("country", String.class);
            if (allBuckets && allCountries) {
                totalActive = n;
            } else if (allBuckets) {
                perCountry.put(country, n);
            } else {
                perBucket.computeIfAbsent(SqlValues.date(r.get("bucket")), k -> new HashMap<>()).put(country, n);
            }
        }

        // Current members per country, and in all.
        @SuppressWarnings("unchecked")
        List<Tuple> memberRows = em.createNativeQuery("""
                select country, count(distinct member_id) as n, grouping(country) as all_countries
                from (select coalesce(m.country_code, '') as country, m.id as member_id
                      from membership ms join member m on m.id = ms.member_id where ms.community_id %s) x
                group by grouping sets ((country), ())
                """.formatted(in), Tuple.class).setParameter("scope", scope.id).getResultList();
        Map<String, Long> membersPerCountry = new HashMap<>();
        long members = 0;
        for (Tuple r : memberRows) {
            if (n(r.get("all_countries")) == 1) {
                members = n(r.get("n"));
            } else {
                membersPerCountry.put(r.get("country", String.class), n(r.get("n")));
            }
        }

        List<Counted> content = participation.created(scope.id, in, group.id, subgroup != null, since,
                locale.getLanguage());

        @SuppressWarnings("unchecked")
        List<Tuple> topRows = em.createNativeQuery("""
                select m.id as id, m.display_name as name, m.country_code as country, count(distinct d.day) as days,
                       max(d.day) as last_day
                from member_activity_day d join member m on m.id = d.member_id
                where d.community_id %s and d.day between :from and :to and %s
                group by m.id, m.display_name, m.country_code
                order by days desc, last_day desc, m.display_name, m.id
                limit %d
                """.formatted(in, current.formatted("m.id"), TOP), Tuple.class).setParameter("scope", scope.id)
                .setParameter("from", from).setParameter("to", today).getResultList();

        Map<String, Localized> countryNames = new HashMap<>();
        for (Country country : Country.all()) {
            countryNames.put(country.code, country.name);
        }
        List<TopMember> top = new ArrayList<>();
        for (Tuple r : topRows) {
            String country = r.get("country", String.class);
            top.add(new TopMember(n(r.get("id")), r.get("name", String.class),
                    country == null ? null : countryNames.get(country), n(r.get("days")), SqlValues.date(r.get("last_day"))));
        }

        // The countries shown: those taking part in the community, with members or with activity.
        // (A subgroup comes with its countries; the group is read with them here: the one given may
        // have been found outside this transaction.)
        Community taking = subgroup != null ? subgroup : Community.withCountries(group.id).orElseThrow();
        Set<String> codes = new LinkedHashSet<>();
        taking.countries.forEach(country -> codes.add(country.code));
        if (taking.leaderCountry != null) {
            codes.add(taking.leaderCountry.code);
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
        List<Tuple> rows = em.createNativeQuery("""
                select date_trunc('month', d.day::timestamp)::date as month, count(distinct d.day) as days,
                       max(d.day) as last_day
                from member_activity_day d
                where d.member_id = :member and d.day between :from and :to
                  and d.community_id in (select id from community where id = :group or parent_id = :group)
                group by 1
                """, Tuple.class).setParameter("member", memberId).setParameter("group", group.id)
                .setParameter("from", buckets.get(0)).setParameter("to", today).getResultList();
        Map<LocalDate, Map<String, Integer>> perMonth = new HashMap<>();
        long days = 0;
        LocalDate last = null;
        for (Tuple r : rows) {
            int n = r.get("days", Number.class).intValue();
            perMonth.put(SqlValues.date(r.get("month")), Map.of("days", n));
            days += n;
            LocalDate day = SqlValues.date(r.get("last_day"));
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
