package org.comunidad.meeting;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.Country;
import org.comunidad.member.Member;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Shelf;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.content.WhatsNew;
import org.comunidad.platform.notice.Notice;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.text.RichText;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.Links;

import io.quarkus.qute.RawString;

/**
 * The record ("ficha") of meetings: a community's lists, the record page, scheduling, editing,
 * status changes and the invited officials' answers, each in one transaction that finds the
 * community (and the meeting within it) through {@link Meetings}. Who may do what is
 * {@link MeetingAccess}. Invited officials hear of the schedule, of every change a calendar must
 * see (the SEQUENCE rises) and of a cancellation through {@link MeetingNotice}s fired in the same
 * transaction. Every page runs a fixed number of statements whatever the number of meetings,
 * agenda items, countries or officials.
 */
@ApplicationScoped
public class MeetingService {

    /** How many meetings each list (upcoming, past) of the API shows. */
    public static final int LIST_LIMIT = 100;
    /** How many meetings each list (upcoming, past) of the page shows; the rest are on further pages. */
    public static final int PAGE_SIZE = 25;
    /** Each list's total is counted up to this; beyond, the page says "more than" it. */
    public static final int COUNT_CAP = 1000;
    /** How many documents of the group the form offers to cite. */
    public static final int DOCUMENT_CHOICES = 200;
    /** How many officials the form offers to invite by name. */
    public static final int MEMBER_CHOICES = 1000;
    public static final int INVITEES_MAX = 500;
    public static final int DOCUMENTS_MAX = 40;

    /** The zones the form offers first: the forum's countries' capitals (any IANA zone is accepted). */
    public static final List<String> ZONES = List.of("America/Argentina/Buenos_Aires", "America/La_Paz",
            "America/Sao_Paulo", "America/Manaus", "America/Santiago", "America/Bogota", "America/Guayaquil",
            "America/Guyana", "America/Asuncion", "America/Lima", "America/Paramaribo", "America/Montevideo",
            "America/Caracas", "UTC");

    /** One agenda line as typed: its title and the presenting country's code (or null). */
    public record AgendaLine(String title, String country) {
    }

    /**
     * What the schedule and edit forms (and the API) send. date: yyyy-MM-dd; start, end: HH:mm in
     * {@code timeZone}; countries: codes (empty: the community's); invitees, documents: ids as typed.
     */
    public record MeetingInput(String title, String kind, String date, String start, String end, String timeZone,
            String venue, String place, String externalUrl, String description, List<AgendaLine> agenda,
            List<String> countries, List<String> invitees, List<String> documents) {
    }

    /** A meeting in a list. myAnswer: the viewer's answer if invited (null otherwise or not yet). */
    public record Summary(long id, String title, Meeting.Kind kind, Meeting.Status status, Meeting.Venue venue,
            String place, MeetingTimes.When when, OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone,
            int invited, int attending, boolean invitedMe, Answer myAnswer) {

        public boolean atPlace() {
            return venue == Meeting.Venue.PLACE;
        }
    }

    /**
     * A community's meetings, one page of each list: upcoming (soonest first) and past (latest
     * first). {@code upcomingPage}, {@code pastPage}: the pages shown (from 1); {@code moreUpcoming},
     * {@code morePast}: whether a next page exists; the totals are counted up to {@link #COUNT_CAP}
     * (a total above it is {@code COUNT_CAP + 1}: "more than").
     */
    public record Lists(Community community, List<Summary> upcoming, List<Summary> past, boolean canSchedule,
            int upcomingPage, int pastPage, boolean moreUpcoming, boolean morePast, long upcomingTotal,
            long pastTotal) {

        public boolean upcomingCapped() {
            return upcomingTotal > COUNT_CAP;
        }

        public boolean pastCapped() {
            return pastTotal > COUNT_CAP;
        }

        /** The address of the previous page of one list ('upcoming' or 'past'). */
        public String previousLink(String list) {
            return pageLink(list, ("upcoming".equals(list) ? upcomingPage : pastPage) - 1);
        }

        /** The address of the next page of one list ('upcoming' or 'past'). */
        public String nextLink(String list) {
            return pageLink(list, ("upcoming".equals(list) ? upcomingPage : pastPage) + 1);
        }

        /** The list's address for other pages of one list, keeping the other list's page. */
        public String pageLink(String list, int page) {
            int upcoming = "upcoming".equals(list) ? page : upcomingPage;
            int past = "past".equals(list) ? page : pastPage;
            List<String> query = new ArrayList<>();
            if (upcoming > 1) {
                query.add("upcoming=" + upcoming);
            }
            if (past > 1) {
                query.add("past=" + past);
            }
            return Links.community(community.slug, "meetings") + (query.isEmpty() ? "" : "?" + String.join("&", query)) + "#" + list;
        }
    }

    public record AgendaView(int position, String title, String countryCode, Localized countryName) {
    }

    /** An invited official as the record shows them, with their answer (null: not yet). */
    public record InviteeView(long memberId, String name, String institution, Answer answer) {
    }

    /** An invited country and the officials expected for it. */
    public record CountryView(String code, Localized name, List<InviteeView> officials, int attending) {
    }

    /**
     * The record as its page and the API show it. joinLink: the address "Join" opens (the room's
     * route, or the other platform's link; null for a place); calendarLink: the meeting's .ics;
     * others: invited officials without an invited country.
     */
    public record Record(long id, String uid, int sequence, String title, Meeting.Kind kind, Meeting.Status status,
            MeetingTimes.When when, OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone,
            Meeting.Venue venue, String place, String externalUrl, String description, RawString descriptionHtml,
            String organizer, List<AgendaView> agenda, List<CountryView> countries, List<InviteeView> others,
            List<Shelf.Item> documents, int invited, int attending, boolean canRun, boolean canAnswer,
            Answer myAnswer, boolean joinOpen, String joinLink, String calendarLink) {

        public boolean atPlace() {
            return venue == Meeting.Venue.PLACE;
        }

        public boolean onLink() {
            return venue == Meeting.Venue.LINK;
        }

        public boolean cancelled() {
            return status == Meeting.Status.CANCELLED;
        }

        public boolean postponed() {
            return status == Meeting.Status.POSTPONED;
        }

        /** The status changes offered to those who run the meeting (all but the current one). */
        public List<StatusChange> statusChanges() {
            return java.util.Arrays.stream(Meeting.Status.values()).filter(s -> s != status)
                    .map(s -> new StatusChange(s, s == Meeting.Status.CANCELLED)).toList();
        }

        public boolean answered(Answer answer) {
            return myAnswer == answer;
        }
    }

    /** A status the meeting may be set to; cancel: the destructive one. */
    public record StatusChange(Meeting.Status status, boolean cancel) {
    }

    /** A choice of the form (a country, an official, a document): its value, label, whether checked. */
    public record Choice(String value, String label, String detail, boolean checked) {
    }

    /** What the schedule and edit forms offer; stored: the meeting's values when editing (else null). */
    public record FormChoices(Community community, Long meetingId, List<Choice> zones, List<Choice> countries,
            List<Choice> officials, List<Choice> documents, Map<String, String> stored) {

        /** The same choices checked as the user typed them (the form again after a mistake). */
        public FormChoices typed(List<String> countries, List<String> officials, List<String> documents) {
            return new FormChoices(community, meetingId, zones, check(this.countries, countries),
                    check(this.officials, officials), check(this.documents, documents), stored);
        }

        private static List<Choice> check(List<Choice> choices, List<String> typed) {
            Set<String> values = typed == null ? Set.of() : Set.copyOf(typed);
            return choices.stream().map(c -> new Choice(c.value(), c.label(), c.detail(), values.contains(c.value())))
                    .toList();
        }

        public boolean editing() {
            return meetingId != null;
        }

        /** The stored value of a field (editing), or its default; empty when neither. */
        public String stored(String field) {
            return stored.getOrDefault(field, "");
        }
    }

    @Inject
    Meetings meetings;

    @Inject
    WhatsNew whatsNew;

    @Inject
    RichText richText;

    @Inject
    EntityManager em;

    @Inject
    Instance<Shelf> shelves;

    @Inject
    Event<Notice> notices;

    @Inject
    MeetingRecordings recordings;

    @Inject
    MeetingOutcomes outcomes;

    // ---------------------------------------------------------------- reading

    /** Upcoming and past meetings, the first {@link #LIST_LIMIT} of each (the API). */
    @Transactional
    public Optional<Lists> lists(Viewer viewer, CommunityRef ref, boolean visit, ZoneId zone, Locale locale) {
        return lists(viewer, ref, visit, 1, 1, LIST_LIMIT, zone, locale);
    }

    /**
     * One page of each list, {@code size} meetings each; the visit counts for "what's new" when
     * {@code visit} is set (the page). Two statements whatever the community holds: the two pages
     * with their invitations and answers, and the two totals (counted up to {@link #COUNT_CAP}).
     */
    @Transactional
    public Optional<Lists> lists(Viewer viewer, CommunityRef ref, boolean visit, int upcomingPage, int pastPage,
            int size, ZoneId zone, Locale locale) {
        org.comunidad.platform.content.Paging upcomingPaging = org.comunidad.platform.content.Paging.of(upcomingPage, size);
        org.comunidad.platform.content.Paging pastPaging = org.comunidad.platform.content.Paging.of(pastPage, size);
        return meetings.community(viewer, ref).map(community -> {
            if (visit) {
                whatsNew.visit(viewer.memberId(), community.id, MeetingContributions.TAB);
            }
            OffsetDateTime now = OffsetDateTime.now();
            // Each page is cut first, then joined to its invitations. The upcoming meetings are read by their end
            // (meeting_community_ends_ix: only this community's not yet ended) and sorted; left to itself the
            // planner walked meeting_starts_ix through every community's past meetings (13 ms on the bench).
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery("""
                    with upcoming as materialized (
                        select m.id, m.title, m.kind, m.status, m.venue, m.place, m.starts_at, m.ends_at, m.time_zone
                        from meeting m where m.community_id = :c and m.ends_at >= :now)
                    select m.list, m.id, m.title, m.kind, m.status, m.venue, m.place, m.starts_at, m.ends_at,
                           m.time_zone, coalesce(a.invited, 0) as invited, coalesce(a.attending, 0) as attending,
                           coalesce(a.mine, false) as mine, a.answer
                    from ((select 'upcoming' as list, u.id, u.title, u.kind, u.status, u.venue, u.place, u.starts_at,
                                  u.ends_at, u.time_zone
                           from upcoming u order by u.starts_at, u.id limit :n offset :upcoming)
                          union all
                          (select 'past', m.id, m.title, m.kind, m.status, m.venue, m.place, m.starts_at, m.ends_at,
                                  m.time_zone
                           from meeting m where m.community_id = :c and m.ends_at < :now
                           order by m.starts_at desc, m.id desc limit :n offset :past)) m
                    left join lateral (
                        select count(*) as invited, count(*) filter (where i.answer = 'ATTENDING') as attending,
                               bool_or(i.member_id = :me) as mine, max(i.answer) filter (where i.member_id = :me) as answer
                        from meeting_invitee i where i.meeting_id = m.id) a on true
                    """, Tuple.class).setParameter("c", community.id).setParameter("now", now)
                    .setParameter("n", size + 1).setParameter("upcoming", upcomingPaging.offset())
                    .setParameter("past", pastPaging.offset()).setParameter("me", viewer.memberId())
                    .getResultList();
            List<Summary> upcoming = new ArrayList<>();
            List<Summary> past = new ArrayList<>();
            for (Tuple r : rows) {
                ("upcoming".equals(r.get("list", String.class)) ? upcoming : past).add(summary(r, zone, locale));
            }
            java.util.Comparator<Summary> soonest = java.util.Comparator.comparing(Summary::startsAt,
                    java.util.Comparator.comparing(OffsetDateTime::toInstant)).thenComparingLong(Summary::id);
            upcoming.sort(soonest);
            past.sort(soonest.reversed());
            boolean moreUpcoming = upcoming.size() > size;
            boolean morePast = past.size() > size;
            Tuple totals = (Tuple) em.createNativeQuery("""
                    select (select count(*) from (select 1 from meeting m where m.community_id = :c and m.ends_at >= :now
                                                  limit :cap) u) as upcoming,
                           (select count(*) from (select 1 from meeting m where m.community_id = :c and m.ends_at < :now
                                                  limit :cap) p) as past
                    """, Tuple.class).setParameter("c", community.id).setParameter("now", now)
                    .setParameter("cap", COUNT_CAP + 1).getSingleResult();
            return new Lists(community, moreUpcoming ? upcoming.subList(0, size) : upcoming,
                    morePast ? past.subList(0, size) : past, MeetingAccess.runs(viewer, community),
                    upcomingPaging.page(), pastPaging.page(), moreUpcoming, morePast, ((Number) totals.get("upcoming")).longValue(),
                    ((Number) totals.get("past")).longValue());
        });
    }

    private static Summary summary(Tuple r, ZoneId zone, Locale locale) {
        String timeZone = r.get("time_zone", String.class);
        ZoneId meetingZone = ZoneId.of(timeZone);
        OffsetDateTime startsAt = offset(r.get("starts_at"));
        OffsetDateTime endsAt = offset(r.get("ends_at"));
        String answer = r.get("answer", String.class);
        return new Summary(((Number) r.get("id")).longValue(), r.get("title", String.class),
                Meeting.Kind.valueOf(r.get("kind", String.class)), Meeting.Status.valueOf(r.get("status", String.class)),
                Meeting.Venue.valueOf(r.get("venue", String.class)), r.get("place", String.class),
                MeetingTimes.of(startsAt, endsAt, meetingZone, zone, locale),
                startsAt.atZoneSameInstant(meetingZone).toOffsetDateTime(),
                endsAt.atZoneSameInstant(meetingZone).toOffsetDateTime(), timeZone,
                ((Number) r.get("invited")).intValue(), ((Number) r.get("attending")).intValue(),
                Boolean.TRUE.equals(r.get("mine", Boolean.class)), answer == null ? null : Answer.valueOf(answer));
    }

    private static OffsetDateTime offset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("a timestamp: " + value);
    }

    /** The record page: the record, the recordings and what the meeting decided. */
    @Transactional
    public Optional<MeetingPage> page(Viewer viewer, CommunityRef ref, long id, ZoneId zone, Locale locale) {
        return meetings.visible(viewer, ref, id).map(found -> new MeetingPage(found.community().slug, id,
                recordings.section(viewer, found), outcomes.section(viewer, found, zone), found.community(),
                record(viewer, found, zone, locale)));
    }

    /** The record alone (the API). */
    @Transactional
    public Optional<Record> read(Viewer viewer, CommunityRef ref, long id, ZoneId zone, Locale locale) {
        return meetings.visible(viewer, ref, id).map(found -> record(viewer, found, zone, locale));
    }

    private Record record(Viewer viewer, Meetings.Found found, ZoneId zone, Locale locale) {
        Meeting m = found.meeting();
        Community community = found.community();
        @SuppressWarnings("unchecked")
        List<Tuple> agendaRows = em.createNativeQuery("""
                select a.position as position, a.title as title, a.presenter_country as code,
                       c.name_es as es, c.name_pt as pt, c.name_en as en
                from meeting_agenda_item a left join country c on c.code = a.presenter_country
                where a.meeting_id = :m order by a.position""", Tuple.class).setParameter("m", m.id).getResultList();
        List<AgendaView> agenda = agendaRows.stream().map(r -> new AgendaView(r.get("position", Number.class).intValue(),
                r.get("title", String.class), r.get("code", String.class), r.get("code") == null ? null
                        : new Localized(r.get("es", String.class), r.get("pt", String.class), r.get("en", String.class))))
                .toList();
        @SuppressWarnings("unchecked")
        List<Tuple> countryRows = em.createNativeQuery("""
                select mc.country_code as code, c.name_es as es, c.name_pt as pt, c.name_en as en
                from meeting_country mc join country c on c.code = mc.country_code
                where mc.meeting_id = :m order by c.name_es""", Tuple.class).setParameter("m", m.id).getResultList();
        @SuppressWarnings("unchecked")
        List<Tuple> inviteeRows = em.createNativeQuery("""
                select i.member_id as id, i.country_code as code, i.answer as answer, p.display_name as name,
                       p.institution as institution
                from meeting_invitee i join member p on p.id = i.member_id
                where i.meeting_id = :m order by p.display_name, p.id""", Tuple.class).setParameter("m", m.id)
                .getResultList();
        Map<String, List<InviteeView>> byCountry = new LinkedHashMap<>();
        List<InviteeView> others = new ArrayList<>();
        countryRows.forEach(r -> byCountry.put(r.get("code", String.class), new ArrayList<>()));
        Answer mine = null;
        boolean invitedMe = false;
        int attending = 0;
        for (Tuple r : inviteeRows) {
            String answer = r.get("answer", String.class);
            InviteeView v = new InviteeView(r.get("id", Number.class).longValue(), r.get("name", String.class),
                    r.get("institution", String.class), answer == null ? null : Answer.valueOf(answer));
            if (v.memberId() == viewer.memberId()) {
                invitedMe = true;
                mine = v.answer();
            }
            if (v.answer() == Answer.ATTENDING) {
                attending++;
            }
            List<InviteeView> list = byCountry.get(r.get("code", String.class));
            (list == null ? others : list).add(v);
        }
        List<CountryView> countries = countryRows.stream().map(r -> {
            List<InviteeView> officials = byCountry.get(r.get("code", String.class));
            return new CountryView(r.get("code", String.class),
                    new Localized(r.get("es", String.class), r.get("pt", String.class), r.get("en", String.class)),
                    officials, (int) officials.stream().filter(o -> o.answer() == Answer.ATTENDING).count());
        }).toList();
        List<Shelf.Item> documents = documents(viewer, m.id);
        String slug = community.slug;
        String joinLink = switch (m.venue) {
            case ROOM -> Links.community(slug, "meetings", m.id, "join");
            case LINK -> m.externalUrl;
            case PLACE -> null;
        };
        return new Record(m.id, m.uid, m.sequence, m.title, m.kind, m.status,
                MeetingTimes.of(m.startsAt, m.endsAt, m.zone(), zone, locale), local(m.startsAt, m), local(m.endsAt, m),
                m.timeZone,
                m.venue, m.place, m.externalUrl, m.description,
                richText.shown(m.description, m.descriptionHtml, m.descriptionHtmlVersion), m.organizer.displayName, agenda,
                countries, others, documents, inviteeRows.size(), attending, MeetingAccess.runs(viewer, community),
                !m.isCancelled() && MeetingAccess.answers(viewer, community, invitedMe), mine,
                MeetingAccess.joinOpen(m, OffsetDateTime.now()), joinLink,
                Links.community(slug, "meetings", m.id, "calendar.ics"));
    }

    /** An instant with the offset of the meeting's own zone then (the API shows the local time the meeting was set in). */
    private static OffsetDateTime local(OffsetDateTime instant, Meeting m) {
        return instant.atZoneSameInstant(m.zone()).toOffsetDateTime();
    }

    private List<Shelf.Item> documents(Viewer viewer, long meetingId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(
                "select document_id from meeting_document where meeting_id = :m order by position")
                .setParameter("m", meetingId).getResultList();
        if (ids.isEmpty() || shelves.isUnsatisfied()) {
            return List.of();
        }
        return shelves.get().find(viewer, ids.stream().map(Number::longValue).toList());
    }

    // ---------------------------------------------------------------- the forms

    /** What the schedule form offers; refused to those who do not run the community's meetings. */
    @Transactional
    public Optional<FormChoices> scheduleForm(Viewer viewer, CommunityRef ref, ZoneId zone, Locale locale) {
        return meetings.community(viewer, ref).map(community -> {
            requireRuns(viewer, community);
            return choices(viewer, community, null, defaultCountries(community), Set.of(), Set.of(), zone.getId(),
                    null, locale);
        });
    }

    /** The edit form with the meeting's values. */
    @Transactional
    public Optional<FormChoices> editForm(Viewer viewer, CommunityRef ref, long id, Locale locale) {
        return meetings.visible(viewer, ref, id).map(found -> {
            requireRuns(viewer, found.community());
            Meeting m = found.meeting();
            Set<String> countries = new LinkedHashSet<>(invitedCountries(m.id));
            @SuppressWarnings("unchecked")
            List<Number> invitees = em.createNativeQuery("select member_id from meeting_invitee where meeting_id = :m")
                    .setParameter("m", m.id).getResultList();
            @SuppressWarnings("unchecked")
            List<Number> documents = em.createNativeQuery("select document_id from meeting_document where meeting_id = :m")
                    .setParameter("m", m.id).getResultList();
            Map<String, String> stored = new LinkedHashMap<>();
            stored.put("title", m.title);
            stored.put("kind", m.kind.name());
            stored.put("date", m.localStart().toLocalDate().toString());
            stored.put("start", m.localStart().toLocalTime().toString());
            stored.put("end", m.localEnd().toLocalTime().toString());
            stored.put("timeZone", m.timeZone);
            stored.put("venue", m.venue.name());
            stored.put("place", m.place == null ? "" : m.place);
            stored.put("externalUrl", m.externalUrl == null ? "" : m.externalUrl);
            stored.put("description", m.description == null ? "" : m.description);
            stored.put("agenda", agendaText(m));
            return choices(viewer, found.community(), m.id, countries, ids(invitees), ids(documents), m.timeZone, stored,
                    locale);
        });
    }

    private static Set<Long> ids(List<Number> numbers) {
        Set<Long> ids = new LinkedHashSet<>();
        numbers.forEach(n -> ids.add(n.longValue()));
        return ids;
    }

    /** The agenda as the form's text: one item per line, "CC: " before the title when a country presents it. */
    private static String agendaText(Meeting m) {
        StringBuilder text = new StringBuilder();
        for (MeetingAgendaItem item : m.agenda) {
            if (item.presenter != null) {
                text.append(item.presenter.code).append(": ");
            }
            text.append(item.title).append('\n');
        }
        return text.toString().strip();
    }

    private FormChoices choices(Viewer viewer, Community community, Long meetingId, Set<String> countries,
            Set<Long> invitees, Set<Long> documents, String zone, Map<String, String> stored, Locale locale) {
        List<Choice> countryChoices = Country.all().stream()
                .map(c -> new Choice(c.code, c.name.in(locale), c.code, countries.contains(c.code))).toList();
        @SuppressWarnings("unchecked")
        List<Tuple> officials = em.createNativeQuery("""
                select distinct on (p.display_name, p.id) p.id as id, p.display_name as name,
                       coalesce(ms.country_code, p.country_code) as code, p.institution as institution
                from membership ms join member p on p.id = ms.member_id join community c on c.id = ms.community_id
                where (c.id = :g or c.parent_id = :g) and p.disabled_at is null
                order by p.display_name, p.id limit :limit""", Tuple.class)
                .setParameter("g", community.groupId()).setParameter("limit", MEMBER_CHOICES).getResultList();
        List<Choice> officialChoices = officials.stream().map(r -> {
            long id = r.get("id", Number.class).longValue();
            String code = r.get("code", String.class);
            String institution = r.get("institution", String.class);
            return new Choice(String.valueOf(id), r.get("name", String.class),
                    (code == null ? "" : code) + (institution == null ? "" : (code == null ? "" : " · ") + institution),
                    invitees.contains(id));
        }).toList();
        List<Choice> documentChoices = shelves.isUnsatisfied() ? List.of()
                : shelves.get().choices(viewer, community.id, DOCUMENT_CHOICES).stream()
                        .map(d -> new Choice(String.valueOf(d.id()), d.title(), d.language(), documents.contains(d.id())))
                        .toList();
        List<String> ids = new ArrayList<>(ZONES);
        if (!ids.contains(zone)) {
            ids.add(0, zone);
        }
        List<Choice> zones = ids.stream()
                .map(z -> new Choice(z, MeetingTimes.city(ZoneId.of(z)), null, z.equals(zone))).toList();
        return new FormChoices(community, meetingId, zones, countryChoices, officialChoices, documentChoices,
                stored == null ? Map.of("timeZone", zone, "venue", "ROOM", "kind", "VIDEOCONFERENCE") : stored);
    }

    // ---------------------------------------------------------------- writing

    /** Schedules a meeting; its invited officials are told (MEETING_INVITED). */
    @Transactional
    public Optional<Meeting> schedule(Viewer viewer, CommunityRef ref, MeetingInput input) {
        return meetings.community(viewer, ref).map(community -> {
            requireRuns(viewer, community);
            Valid valid = validate(viewer, community, input);
            Meeting m = new Meeting();
            m.uid = UUID.randomUUID() + "@comunidad";
            m.sequence = 0;
            m.community = community;
            m.organizer = em.getReference(Member.class, viewer.memberId());
            apply(m, valid);
            m.persist();
            replaceAgenda(m, valid.agenda());
            Set<Long> invited = invite(m, community, valid);
            replaceDocuments(m.id, valid.documents());
            AuditLog.record(viewer.memberId(), community.id, MeetingAudit.Action.MEETING_SCHEDULE.name(), "MEETING",
                    m.id, m.title);
            tell(viewer, community, m, invited, MeetingNotice.MEETING_INVITED);
            return m;
        });
    }

    /** Changes the record: the SEQUENCE rises and every invited official hears of it (new ones are invited). */
    @Transactional
    public Optional<Meeting> edit(Viewer viewer, CommunityRef ref, long id, MeetingInput input) {
        return meetings.visible(viewer, ref, id).map(found -> {
            Community community = found.community();
            requireRuns(viewer, community);
            Meeting m = found.meeting();
            Valid valid = validate(viewer, community, input);
            Set<Long> before = currentInvitees(m.id);
            apply(m, valid);
            m.changed();
            m.updatedAt = OffsetDateTime.now();
            replaceAgenda(m, valid.agenda());
            Set<Long> after = invite(m, community, valid);
            replaceDocuments(m.id, valid.documents());
            AuditLog.record(viewer.memberId(), community.id, MeetingAudit.Action.MEETING_CHANGE.name(), "MEETING",
                    m.id, m.title);
            Set<Long> added = new LinkedHashSet<>(after);
            added.removeAll(before);
            Set<Long> kept = new LinkedHashSet<>(after);
            kept.retainAll(before);
            if (!m.isCancelled()) {
                tell(viewer, community, m, added, MeetingNotice.MEETING_INVITED);
                tell(viewer, community, m, kept, MeetingNotice.MEETING_CHANGED);
            }
            return m;
        });
    }

    /**
     * Marks the meeting held, postponed, cancelled or scheduled again. A change calendars must see
     * (all but "held") raises the SEQUENCE; the invited hear of a cancellation and of the others.
     */
    @Transactional
    public Optional<Meeting> status(Viewer viewer, CommunityRef ref, long id, String status) {
        return meetings.visible(viewer, ref, id).map(found -> {
            Community community = found.community();
            requireRuns(viewer, community);
            Meeting.Status next = choice(Meeting.Status.class, "status", status);
            Meeting m = found.meeting();
            if (next == m.status) {
                return m;
            }
            m.status = next;
            m.updatedAt = OffsetDateTime.now();
            MeetingAudit.Action action = switch (next) {
                case HELD -> MeetingAudit.Action.MEETING_HELD;
                case POSTPONED -> MeetingAudit.Action.MEETING_POSTPONE;
                case CANCELLED -> MeetingAudit.Action.MEETING_CANCEL;
                case SCHEDULED -> MeetingAudit.Action.MEETING_RESTORE;
            };
            AuditLog.record(viewer.memberId(), community.id, action.name(), "MEETING", m.id, m.title);
            if (next != Meeting.Status.HELD) {
                m.changed();
                tell(viewer, community, m, currentInvitees(m.id),
                        next == Meeting.Status.CANCELLED ? MeetingNotice.MEETING_CANCELLED : MeetingNotice.MEETING_CHANGED);
            }
            return m;
        });
    }

    /**
     * An invited official answers (a member of the meeting's own community who was not invited joins
     * the invitees with their answer). A cancelled meeting takes no answers.
     */
    @Transactional
    public Optional<Answer> answer(Viewer viewer, CommunityRef ref, long id, String answer) {
        return meetings.visible(viewer, ref, id).map(found -> {
            Meeting m = found.meeting();
            MeetingInvitee invitee = MeetingInvitee.<MeetingInvitee> find("meetingId = ?1 and memberId = ?2", m.id,
                    viewer.memberId()).firstResultOptional().orElse(null);
            if (!MeetingAccess.answers(viewer, found.community(), invitee != null)) {
                throw new Refused(MeetingRefusal.NOT_INVITED);
            }
            if (m.isCancelled()) {
                throw new Refused(MeetingRefusal.CANCELLED);
            }
            Answer value = choice(Answer.class, "answer", answer);
            if (invitee == null) {
                invitee = new MeetingInvitee(m.id, viewer.memberId(), memberCountry(found.community(), viewer.memberId()));
                invitee.persist();
            }
            invitee.answer = value;
            invitee.answeredAt = OffsetDateTime.now();
            return value;
        });
    }

    private String memberCountry(Community community, long memberId) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("""
                select coalesce(ms.country_code, p.country_code) from member p
                left join membership ms on ms.member_id = p.id and ms.community_id = :c
                where p.id = :m order by ms.country_code nulls last limit 1""")
                .setParameter("c", community.id).setParameter("m", memberId).getResultList();
        return codes.isEmpty() ? null : codes.get(0);
    }

    // ---------------------------------------------------------------- validation and storage

    private record Valid(String title, Meeting.Kind kind, OffsetDateTime startsAt, OffsetDateTime endsAt, String zone,
            Meeting.Venue venue, String place, String externalUrl, String description, List<AgendaLine> agenda,
            Set<String> countries, Set<Long> invitees, List<Long> documents) {
    }

    private Valid validate(Viewer viewer, Community community, MeetingInput input) {
        List<Violation> violations = new ArrayList<>();
        String title = Texts.clean(input.title());
        Texts.required(violations, "title", title, Meeting.TITLE_MAX);
        Meeting.Kind kind = choice(violations, Meeting.Kind.class, "kind", input.kind());
        Meeting.Venue venue = choice(violations, Meeting.Venue.class, "venue", input.venue());
        String place = Texts.clean(input.place());
        String url = Texts.clean(input.externalUrl());
        String description = Texts.clean(input.description());
        Texts.optional(violations, "place", place, Meeting.PLACE_MAX);
        Texts.link(violations, "externalUrl", url, Meeting.URL_MAX);
        Texts.optional(violations, "description", description, Meeting.DESCRIPTION_MAX);
        if (venue == Meeting.Venue.PLACE && place == null) {
            violations.add(Violation.required("place"));
        }
        if (venue == Meeting.Venue.LINK && url == null) {
            violations.add(Violation.required("externalUrl"));
        }
        ZoneId zone = null;
        String zoneText = Texts.clean(input.timeZone());
        if (zoneText == null) {
            violations.add(Violation.required("timeZone"));
        } else {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                violations.add(new Violation("timeZone", Violation.Code.INVALID_CHOICE, 0));
            }
        }
        LocalDate date = null;
        String dateText = Texts.clean(input.date());
        if (dateText == null) {
            violations.add(Violation.required("date"));
        } else {
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                violations.add(new Violation("date", Violation.Code.INVALID_DATE, 0));
            }
        }
        LocalTime start = time(violations, "start", input.start());
        LocalTime end = time(violations, "end", input.end());
        OffsetDateTime startsAt = null;
        OffsetDateTime endsAt = null;
        if (zone != null && date != null && start != null && end != null) {
            if (!end.isAfter(start)) {
                violations.add(new Violation("end", MeetingViolation.END_BEFORE_START, 0));
            } else {
                startsAt = LocalDateTime.of(date, start).atZone(zone).toOffsetDateTime();
                endsAt = LocalDateTime.of(date, end).atZone(zone).toOffsetDateTime();
            }
        }
        List<AgendaLine> agenda = agenda(violations, input.agenda());
        Set<String> countries = countries(violations, community, input.countries());
        Set<Long> invitees = invitees(violations, community, input.invitees());
        List<Long> documents = documents(violations, viewer, input.documents());
        Texts.check(violations);
        return new Valid(title, kind, startsAt, endsAt, zone.getId(), venue, venue == Meeting.Venue.PLACE ? place : null,
                venue == Meeting.Venue.LINK ? url : null, description, agenda, countries, invitees, documents);
    }

    private static LocalTime time(List<Violation> violations, String field, String value) {
        String text = Texts.clean(value);
        if (text == null) {
            violations.add(Violation.required(field));
            return null;
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, MeetingViolation.INVALID_TIME, 0));
            return null;
        }
    }

    private List<AgendaLine> agenda(List<Violation> violations, List<AgendaLine> lines) {
        List<AgendaLine> clean = new ArrayList<>();
        if (lines == null) {
            return clean;
        }
        Set<String> known = new LinkedHashSet<>();
        Country.<Country> listAll().forEach(c -> known.add(c.code));
        for (AgendaLine line : lines) {
            String title = Texts.clean(line.title());
            String country = Texts.clean(line.country());
            if (title == null) {
                continue;
            }
            if (country != null && !known.contains(country.toUpperCase(Locale.ROOT))) {
                violations.add(new Violation("agenda", MeetingViolation.UNKNOWN_COUNTRY, 0));
                return clean;
            }
            if (title.codePointCount(0, title.length()) > MeetingAgendaItem.TITLE_MAX) {
                violations.add(Violation.tooLong("agenda", MeetingAgendaItem.TITLE_MAX));
                return clean;
            }
            clean.add(new AgendaLine(title, country == null ? null : country.toUpperCase(Locale.ROOT)));
        }
        if (clean.size() > MeetingAgendaItem.MAX_ITEMS) {
            violations.add(new Violation("agenda", Violation.Code.TOO_MANY, MeetingAgendaItem.MAX_ITEMS));
        }
        return clean;
    }

    /** Parses the agenda textarea: one item per line, an optional "CC: " country prefix. */
    public static List<AgendaLine> agendaLines(String text) {
        List<AgendaLine> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() > 3 && line.charAt(2) == ':' && Character.isLetter(line.charAt(0))
                    && Character.isLetter(line.charAt(1))) {
                lines.add(new AgendaLine(line.substring(3).strip(), line.substring(0, 2)));
            } else {
                lines.add(new AgendaLine(line, null));
            }
        }
        return lines;
    }

    /**
     * The countries a meeting invites unless told otherwise: the community's, and for a subgroup its
     * leader country too (a subgroup's list of countries does not repeat the one that leads it).
     */
    private static Set<String> defaultCountries(Community community) {
        Set<String> countries = new LinkedHashSet<>();
        if (community.leaderCountry != null) {
            countries.add(community.leaderCountry.code);
        }
        community.countries.forEach(c -> countries.add(c.code));
        return countries;
    }

    private Set<String> countries(List<Violation> violations, Community community, List<String> codes) {
        Set<String> chosen = new LinkedHashSet<>();
        if (codes != null) {
            codes.stream().map(Texts::clean).filter(c -> c != null).map(c -> c.toUpperCase(Locale.ROOT))
                    .forEach(chosen::add);
        }
        if (chosen.isEmpty()) {
            return defaultCountries(community);
        }
        Set<String> known = new LinkedHashSet<>();
        Country.<Country> listAll().forEach(c -> known.add(c.code));
        if (!known.containsAll(chosen)) {
            violations.add(new Violation("countries", Violation.Code.INVALID_CHOICE, 0));
        }
        return chosen;
    }

    /** Named officials: members of the community's working group (any of its communities). */
    private Set<Long> invitees(List<Violation> violations, Community community, List<String> values) {
        Set<Long> ids = longs(violations, "invitees", values);
        if (ids.isEmpty()) {
            return ids;
        }
        if (ids.size() > INVITEES_MAX) {
            violations.add(new Violation("invitees", Violation.Code.TOO_MANY, INVITEES_MAX));
            return Set.of();
        }
        Number members = (Number) em.createNativeQuery("""
                select count(distinct ms.member_id) from membership ms join community c on c.id = ms.community_id
                join member p on p.id = ms.member_id
                where ms.member_id in (:ids) and (c.id = :g or c.parent_id = :g) and p.disabled_at is null""")
                .setParameter("ids", ids).setParameter("g", community.groupId()).getSingleResult();
        if (members.intValue() != ids.size()) {
            violations.add(new Violation("invitees", Violation.Code.INVALID_CHOICE, 0));
        }
        return ids;
    }

    /** Documents presented: each must be one the viewer may read in the repository. */
    private List<Long> documents(List<Violation> violations, Viewer viewer, List<String> values) {
        Set<Long> ids = longs(violations, "documents", values);
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > DOCUMENTS_MAX) {
            violations.add(new Violation("documents", Violation.Code.TOO_MANY, DOCUMENTS_MAX));
            return List.of();
        }
        List<Shelf.Item> found = shelves.isUnsatisfied() ? List.of() : shelves.get().find(viewer, ids);
        if (found.size() != ids.size()) {
            violations.add(new Violation("documents", Violation.Code.INVALID_CHOICE, 0));
        }
        return List.copyOf(ids);
    }

    private static Set<Long> longs(List<Violation> violations, String field, List<String> values) {
        Set<Long> ids = new LinkedHashSet<>();
        if (values == null) {
            return ids;
        }
        for (String value : values) {
            String text = Texts.clean(value);
            if (text == null) {
                continue;
            }
            try {
                ids.add(Long.parseLong(text));
            } catch (NumberFormatException e) {
                violations.add(Violation.invalidValue(field));
                return Set.of();
            }
        }
        return ids;
    }

    private static <E extends Enum<E>> E choice(List<Violation> violations, Class<E> type, String field, String value) {
        String text = Texts.clean(value);
        if (text == null) {
            violations.add(Violation.required(field));
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, Violation.Code.INVALID_CHOICE, 0));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
        List<Violation> violations = new ArrayList<>();
        E e = choice(violations, type, field, value);
        Texts.check(violations);
        return e;
    }

    private void apply(Meeting m, Valid v) {
        m.title = v.title();
        m.kind = v.kind();
        m.startsAt = v.startsAt();
        m.endsAt = v.endsAt();
        m.timeZone = v.zone();
        m.venue = v.venue();
        m.place = v.place();
        m.externalUrl = v.externalUrl();
        m.description = v.description();
        m.descriptionHtml = richText.html(m.description, Set.of());
        m.descriptionHtmlVersion = RichText.VERSION;
    }

    private void replaceAgenda(Meeting m, List<AgendaLine> lines) {
        m.agenda.clear();
        int position = 1;
        for (AgendaLine line : lines) {
            MeetingAgendaItem item = new MeetingAgendaItem();
            item.meeting = m;
            item.position = position++;
            item.title = line.title();
            item.presenter = line.country() == null ? null : em.getReference(Country.class, line.country());
            m.agenda.add(item);
        }
    }

    /**
     * Sets the invited countries and officials: the community's members of the invited countries and
     * the officials named; answers (and attendance) of those still invited are kept. Returns the
     * invited officials.
     */
    private Set<Long> invite(Meeting m, Community community, Valid valid) {
        List<String> countries = List.copyOf(valid.countries());
        em.createNativeQuery("delete from meeting_country where meeting_id = :m and country_code not in (:codes)")
                .setParameter("m", m.id).setParameter("codes", countries).executeUpdate();
        em.createNativeQuery("""
                insert into meeting_country (meeting_id, country_code) select :m, code from country where code in (:codes)
                on conflict do nothing""").setParameter("m", m.id).setParameter("codes", countries).executeUpdate();
        List<Long> named = valid.invitees().isEmpty() ? List.of(-1L) : List.copyOf(valid.invitees());
        em.createNativeQuery("""
                insert into meeting_invitee (meeting_id, member_id, country_code)
                select distinct on (p.id) :m, p.id, coalesce(ms.country_code, p.country_code)
                from membership ms join member p on p.id = ms.member_id join community c on c.id = ms.community_id
                where p.disabled_at is null
                  and ((ms.community_id = :c and coalesce(ms.country_code, p.country_code) in (:codes))
                       or (p.id in (:named) and (c.id = :g or c.parent_id = :g)))
                order by p.id, (ms.community_id = :c) desc, ms.country_code nulls last
                on conflict (meeting_id, member_id) do nothing""").setParameter("m", m.id)
                .setParameter("c", community.id).setParameter("g", community.groupId()).setParameter("codes", countries)
                .setParameter("named", named).executeUpdate();
        em.createNativeQuery("""
                delete from meeting_invitee i where i.meeting_id = :m and i.member_id not in (:named)
                  and not exists (select 1 from membership ms join member p on p.id = ms.member_id
                                  where ms.member_id = i.member_id and ms.community_id = :c and p.disabled_at is null
                                    and coalesce(ms.country_code, p.country_code) in (:codes))""")
                .setParameter("m", m.id).setParameter("named", named).setParameter("c", community.id)
                .setParameter("codes", countries).executeUpdate();
        return currentInvitees(m.id);
    }

    private Set<Long> currentInvitees(long meetingId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select member_id from meeting_invitee where meeting_id = :m")
                .setParameter("m", meetingId).getResultList();
        return ids(ids);
    }

    private List<String> invitedCountries(long meetingId) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("select country_code from meeting_country where meeting_id = :m")
                .setParameter("m", meetingId).getResultList();
        return codes;
    }

    private void replaceDocuments(long meetingId, List<Long> documents) {
        em.createNativeQuery("delete from meeting_document where meeting_id = :m").setParameter("m", meetingId)
                .executeUpdate();
        int position = 1;
        for (Long id : documents) {
            em.createNativeQuery("insert into meeting_document (meeting_id, document_id, position) values (:m, :d, :p)")
                    .setParameter("m", meetingId).setParameter("d", id).setParameter("p", position++).executeUpdate();
        }
    }

    /**
     * Tells each official (but the one acting) of the meeting, in their language and zone: its title
     * and time. The event key is the meeting's sequence (a cancellation: its own), so a member hears
     * once of each version.
     */
    private void tell(Viewer viewer, Community community, Meeting m, Collection<Long> recipients, MeetingNotice kind) {
        List<Long> ids = recipients.stream().filter(id -> id != viewer.memberId()).toList();
        if (ids.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(
                "select id, language, time_zone from member where id in (:ids) and disabled_at is null", Tuple.class)
                .setParameter("ids", ids).getResultList();
        // A cancellation has its own key, with the sequence it was given: a meeting cancelled,
        // scheduled again and cancelled again is two cancellations, each heard of.
        String key = "meeting:" + m.id + (kind == MeetingNotice.MEETING_CANCELLED ? ":cancel:" : ":seq:") + m.sequence;
        String link = Links.community(community.slug, "meetings", m.id);
        for (Tuple r : rows) {
            String language = r.get("language", String.class);
            notices.fire(new Notice(r.get("id", Number.class).longValue(), kind, key, community.id, viewer.memberId(),
                    link, MeetingInvitations.excerpt(m.title, m.startsAt, m.endsAt, m.zone(), language,
                            zoneOr(r.get("time_zone", String.class), m.zone()))));
        }
    }

    private static ZoneId zoneOr(String zone, ZoneId fallback) {
        try {
            return zone == null ? fallback : ZoneId.of(zone);
        } catch (DateTimeException e) {
            return fallback;
        }
    }

    private static void requireRuns(Viewer viewer, Community community) {
        if (!MeetingAccess.runs(viewer, community)) {
            throw new Refused(MeetingRefusal.NOT_ORGANIZER);
        }
    }
}
