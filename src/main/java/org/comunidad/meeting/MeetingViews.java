package org.comunidad.meeting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.platform.security.Grant;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.Links;

/**
 * The meetings seen across communities and by month: "my meetings" (upcoming and past in every
 * community of the viewer's, the same set as "my communities": the groups they belong to, the
 * subgroups they belong to, and every subgroup of a group they coordinate; everything for the
 * admin), and the month grid, either of those communities or of one community. Times are in the
 * viewer's zone, with the meeting's own zone beside them when it differs. Every page runs the
 * same statements whatever the number of meetings: one for the meetings (with their community),
 * one for the viewer's answers to them.
 */
@ApplicationScoped
public class MeetingViews {

    /** How many upcoming meetings "my meetings" lists (the month view shows the rest). */
    public static final int UPCOMING_SHOWN = 100;
    /** How many past meetings "my meetings" lists, the latest first. */
    public static final int PAST_SHOWN = 30;
    /** The months the month view accepts, so that an address cannot ask for year 999999999. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2200;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * One meeting in a list or a day of the grid, prepared for the page: its community, its times
     * (in the viewer's zone and in its own), the viewer's answer if they were invited, and its
     * address.
     */
    public record Row(long id, String title, Meeting.Kind kind, Meeting.Status status, String communityName,
            String communityHref, MeetingTimes.When when, String viewerHour, Answer myAnswer, String href) {

        public boolean scheduled() {
            return status == Meeting.Status.SCHEDULED;
        }

        public boolean cancelled() {
            return status == Meeting.Status.CANCELLED;
        }

        public boolean postponed() {
            return status == Meeting.Status.POSTPONED;
        }
    }

    /** "My meetings": the upcoming ones (soonest first) and the past ones (latest first). */
    public record Lists(List<Row> upcoming, List<Row> past, boolean moreUpcoming, boolean morePast, String month) {
    }

    /** One cell of the grid: a day of the month (or a blank before the 1st and after the last day). */
    public record Day(int dayOfMonth, String iso, String label, boolean inMonth, boolean today, List<Row> meetings) {
    }

    public record Week(List<Day> days) {
    }

    /**
     * A month as a grid of weeks from Monday to Sunday, in the viewer's zone. community: the one
     * community shown, or null for all of the viewer's; weekdays: short names for the column
     * headers, weekdayNames: full names (their abbr title); prev/next: the neighbouring months as
     * {@code yyyy-MM}; count: meetings in the month.
     */
    public record Month(Community community, String param, String caption, String prev, String prevLabel, String next,
            String nextLabel, String current, List<String> weekdays, List<String> weekdayNames, List<Week> weeks,
            int count, boolean isCurrent) {
    }

    @Inject
    Meetings meetings;

    /** The viewer's upcoming and past meetings across their communities. */
    @Transactional
    public Lists mine(Viewer viewer, ZoneId zone, Locale locale, OffsetDateTime now) {
        Scope scope = scope(viewer);
        List<Meeting> upcoming = scope.query("m.endsAt >= :now order by m.startsAt, m.id")
                .setParameter("now", now).setMaxResults(UPCOMING_SHOWN + 1).getResultList();
        List<Meeting> past = scope.query("m.endsAt < :now order by m.startsAt desc, m.id desc")
                .setParameter("now", now).setMaxResults(PAST_SHOWN + 1).getResultList();
        boolean moreUpcoming = upcoming.size() > UPCOMING_SHOWN;
        boolean morePast = past.size() > PAST_SHOWN;
        upcoming = upcoming.subList(0, Math.min(upcoming.size(), UPCOMING_SHOWN));
        past = past.subList(0, Math.min(past.size(), PAST_SHOWN));
        List<Meeting> all = new ArrayList<>(upcoming);
        all.addAll(past);
        Map<Long, Answer> answers = answers(viewer, all);
        return new Lists(rows(upcoming, answers, zone, locale), rows(past, answers, zone, locale), moreUpcoming,
                morePast, YearMonth.from(now.atZoneSameInstant(zone)).toString());
    }

    /** The month grid of all the viewer's communities. */
    @Transactional
    public Month month(Viewer viewer, YearMonth month, ZoneId zone, Locale locale, LocalDate today) {
        return month(null, scope(viewer), month, viewer, zone, locale, today);
    }

    /** The month grid of one community: empty if the viewer may not see it (404). */
    @Transactional
    public Optional<Month> month(Viewer viewer, CommunityRef ref, YearMonth month, ZoneId zone, Locale locale,
            LocalDate today) {
        return meetings.community(viewer, ref)
                .map(community -> month(community, Scope.of(community), month, viewer, zone, locale, today));
    }

    /** A {@code yyyy-MM} month within the years the view accepts; empty otherwise. */
    public static Optional<YearMonth> parseMonth(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}")) {
            return Optional.empty();
        }
        try {
            YearMonth month = YearMonth.parse(text);
            return month.getYear() < FIRST_YEAR || month.getYear() > LAST_YEAR ? Optional.empty() : Optional.of(month);
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private Month month(Community community, Scope scope, YearMonth month, Viewer viewer, ZoneId zone, Locale locale,
            LocalDate today) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        OffsetDateTime from = first.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        List<Meeting> found = scope.query("m.startsAt >= :from and m.startsAt < :to order by m.startsAt, m.id")
                .setParameter("from", from).setParameter("to", to).getResultList();
        Map<Long, Answer> answers = answers(viewer, found);
        Map<LocalDate, List<Row>> byDay = new HashMap<>();
        for (Meeting m : found) {
            byDay.computeIfAbsent(m.startsAt.atZoneSameInstant(zone).toLocalDate(), d -> new ArrayList<>())
                    .add(row(m, answers, zone, locale));
        }
        DateTimeFormatter dayLabel = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        List<Week> weeks = new ArrayList<>();
        LocalDate cursor = first.minusDays(first.getDayOfWeek().getValue() - 1L);
        while (!cursor.isAfter(last)) {
            List<Day> days = new ArrayList<>(7);
            for (int i = 0; i < 7; i++) {
                boolean in = YearMonth.from(cursor).equals(month);
                days.add(in ? new Day(cursor.getDayOfMonth(), cursor.toString(), dayLabel.format(cursor), true,
                        cursor.equals(today), byDay.getOrDefault(cursor, List.of()))
                        : new Day(0, null, null, false, false, List.of()));
                cursor = cursor.plusDays(1);
            }
            weeks.add(new Week(days));
        }
        List<String> shortNames = new ArrayList<>();
        List<String> fullNames = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            shortNames.add(capitalized(d.getDisplayName(TextStyle.SHORT, locale), locale));
            fullNames.add(capitalized(d.getDisplayName(TextStyle.FULL, locale), locale));
        }
        YearMonth prev = month.minusMonths(1);
        YearMonth next = month.plusMonths(1);
        YearMonth current = YearMonth.from(today);
        return new Month(community, month.toString(), monthName(month, locale),
                prev.getYear() < FIRST_YEAR ? null : prev.toString(), monthName(prev, locale),
                next.getYear() > LAST_YEAR ? null : next.toString(), monthName(next, locale), current.toString(),
                shortNames, fullNames, weeks, found.size(), month.equals(current));
    }

    /** "octubre de 2019", "outubro de 2019", "October 2019". */
    private static String monthName(YearMonth month, Locale locale) {
        String pattern = "en".equals(locale.getLanguage()) ? "MMMM yyyy" : "MMMM 'de' yyyy";
        return DateTimeFormatter.ofPattern(pattern, locale).format(month);
    }

    private static String capitalized(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    private List<Row> rows(List<Meeting> list, Map<Long, Answer> answers, ZoneId zone, Locale locale) {
        return list.stream().map(m -> row(m, answers, zone, locale)).toList();
    }

    private static Row row(Meeting m, Map<Long, Answer> answers, ZoneId zone, Locale locale) {
        return new Row(m.id, m.title, m.kind, m.status, m.community.name.in(locale), Links.community(m.community.slug),
                MeetingTimes.of(m.startsAt, m.endsAt, m.zone(), zone, locale),
                HOUR.format(m.startsAt.atZoneSameInstant(zone)), answers.get(m.id),
                Links.community(m.community.slug, "meetings", m.id));
    }

    /** The viewer's answers to these meetings, in one statement (none when there are no meetings). */
    private static Map<Long, Answer> answers(Viewer viewer, List<Meeting> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        List<MeetingInvitee> mine = MeetingInvitee.<MeetingInvitee> find(
                "memberId = ?1 and meetingId in ?2 and answer is not null", viewer.memberId(),
                list.stream().map(m -> m.id).toList()).list();
        Map<Long, Answer> answers = new LinkedHashMap<>();
        mine.forEach(i -> answers.put(i.meetingId, i.answer));
        return answers;
    }

    /**
     * Which communities' meetings a page shows, as a condition on {@code m} and its community
     * {@code c}: everything (the admin), one community, or the viewer's own communities.
     */
    record Scope(String condition, Map<String, Object> parameters) {

        static Scope of(Community community) {
            return new Scope("c.id = :community", Map.of("community", community.id));
        }

        jakarta.persistence.TypedQuery<Meeting> query(String rest) {
            String where = condition.isEmpty() ? "" : "(" + condition + ") and ";
            jakarta.persistence.TypedQuery<Meeting> query = Meeting.getEntityManager().createQuery(
                    "select m from Meeting m join fetch m.community c where " + where + rest, Meeting.class);
            parameters.forEach(query::setParameter);
            return query;
        }
    }

    /** The viewer's communities, from their grants: no statement. */
    static Scope scope(Viewer viewer) {
        if (viewer.isAdmin()) {
            return new Scope("", Map.of());
        }
        Set<Long> own = new TreeSet<>();
        Set<Long> coordinated = new TreeSet<>();
        Set<Long> groups = new TreeSet<>();
        for (Grant grant : viewer.effectiveGrants()) {
            own.add(grant.communityId());
            groups.add(grant.groupId() != null ? grant.groupId() : grant.communityId());
            if (grant.groupId() != null) {
                own.add(grant.groupId());
                if (CommunityAccess.coordinates(viewer, grant.groupId())) {
                    coordinated.add(grant.groupId());
                }
            }
        }
        // -1 matches nothing and keeps each list non-empty (an empty "in ()" is not SQL).
        own.add(-1L);
        coordinated.add(-1L);
        groups.add(-1L);
        // Also a meeting of another subgroup of one of their groups to which they were invited by name.
        return new Scope("c.id in :own or c.parent.id in :coordinated or (c.parent.id in :groups and m.id in "
                + "(select i.meetingId from MeetingInvitee i where i.memberId = :me))",
                Map.of("own", List.copyOf(own), "coordinated", List.copyOf(coordinated), "groups",
                        List.copyOf(groups), "me", viewer.memberId()));
    }
}
