package org.comunidad.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.community.Country;
import org.comunidad.member.Member;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.ActionItems;
import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Tracking;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.platform.security.Grant;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.text.RichText;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.Links;

import io.quarkus.qute.RawString;

/**
 * After a meeting: attendance by official and by country (pre-filled from the answers to the
 * invitation), the minutes in Markdown, the numbered agreements and the action items with their
 * owner (a person or a country), due date and status. Everyone who sees the meeting sees all of it;
 * those who run the meeting ({@link MeetingAccess#runs}) record it, never for a cancelled meeting.
 * Every page and list reads a fixed number of statements whatever the number of officials,
 * agreements or items.
 */
@ApplicationScoped
public class MeetingOutcomes {

    /** How many action items a list shows at most. */
    public static final int LIST_LIMIT = 500;

    /** The meeting as the outcome's pages head it. */
    public record Head(Community community, long id, String title, MeetingTimes.When when, Meeting.Status status) {
    }

    /**
     * An invited official: their answer before the meeting, their attendance once recorded, and the
     * value the attendance form starts from ({@code value}: what was recorded, else what the answer
     * suggests).
     */
    public record Official(long memberId, String name, String countryCode, Answer answer, Attendance attendance,
            String representedBy, Attendance value) {

        public String statusField() {
            return "status-" + memberId;
        }

        public String representedField() {
            return "represented-" + memberId;
        }

        /** The value the form starts from, as the select's option value. */
        public String valueName() {
            return value == null ? "" : value.name();
        }
    }

    /** An invited country with its attendance and its officials. */
    public record CountryRow(String code, Localized name, Attendance attendance, String representedBy,
            Attendance value, List<Official> officials) {

        public String statusField() {
            return "country-" + code;
        }

        public String representedField() {
            return "country-represented-" + code;
        }

        public String valueName() {
            return value == null ? "" : value.name();
        }
    }

    /**
     * Who attended: per invited country, its officials under it, the officials who attend for no
     * invited country apart; {@code recorded} once attendance was recorded (before that the figures
     * count nobody).
     */
    public record AttendanceView(boolean recorded, OffsetDateTime recordedAt, int countriesPresent,
            int countriesInvited, int officialsPresent, int officialsInvited, List<CountryRow> countries,
            List<Official> others) {
    }

    public record Agreement(int number, String text) {

        /** The id of its edit and delete forms. */
        public String formId() {
            return "agreement-" + number;
        }
    }

    /** An action item as the lists show it, with the meeting (and community) it comes from. */
    public record ActionItem(long id, int number, String text, Long ownerId, String ownerName,
            String ownerMemberCountry, String ownerCountry, Localized ownerCountryName, LocalDate due,
            MeetingAction.Status status, boolean overdue, long meetingId, String meetingTitle,
            OffsetDateTime meetingStart, String slug, Localized communityName, Tracking.Tracked task,
            String newTaskLink) {

        /** The task following it (through {@link Tracking}) and the link that makes one, once known. */
        ActionItem withTask(Tracking.Tracked task, String newTaskLink) {
            return new ActionItem(id, number, text, ownerId, ownerName, ownerMemberCountry, ownerCountry,
                    ownerCountryName, due, status, overdue, meetingId, meetingTitle, meetingStart, slug, communityName,
                    task, newTaskLink);
        }

        /** The task's status in the language. */
        public String taskStatus(String language) {
            return task == null ? null : task.statusLabel().in(language);
        }

        public boolean ownedByCountry() {
            return ownerId == null;
        }

        public boolean open() {
            return status.isOpen();
        }

        public String meetingLink() {
            return Links.community(slug, "meetings", meetingId);
        }

        /** Where its status changes (those who run the meeting). */
        public String statusLink() {
            return Links.community(slug, "meetings", meetingId, "outcome", "actions", number, "status");
        }

        /** The id of its status form on the meeting's action items page. */
        public String formId() {
            return "action-" + number;
        }
    }

    /** A person who may own an action item. */
    public record OwnerChoice(long id, String name, String countryCode) {

        /** As the select's option value. */
        public String idText() {
            return Long.toString(id);
        }
    }

    public record AttendancePage(Head head, AttendanceView attendance) {

        /** The values of the form's choices. */
        public List<Attendance> choices() {
            return List.of(Attendance.values());
        }
    }

    public record MinutesPage(Head head, String minutes) {
    }

    public record AgreementsPage(Head head, List<Agreement> agreements) {
    }

    public record ActionsPage(Head head, List<ActionItem> actions, List<OwnerChoice> members, List<Country> countries,
            List<MeetingAction.Status> statuses) {
    }

    /** A community's action items; canChange: the viewer runs its meetings (and may change a status). */
    public record CommunityActions(Community community, List<ActionItem> items, boolean all, boolean limited,
            boolean canChange, List<MeetingAction.Status> statuses) {
    }

    public record MyActions(List<ActionItem> items, boolean all, boolean limited) {
    }

    /** One attendance as submitted: the value's name (blank clears it) and who represented them. */
    public record Mark(String attendance, String representedBy) {
    }

    /**
     * Attendance as submitted: per official (member id) and per country (code). What is not listed
     * stays as it was.
     */
    public record AttendanceInput(Map<Long, Mark> officials, Map<String, Mark> countries) {
    }

    public record ActionInput(String text, String ownerId, String ownerCountry, String due, String status) {
    }

    @Inject
    Meetings meetings;

    @Inject
    RichText richText;

    @Inject
    EntityManager em;

    @Inject
    Instance<Tracking> tracking;

    /**
     * The items with the task following each (one statement through {@link Tracking}, none for an
     * empty list) and, where the viewer may make a task in {@code offerIn}, the link that makes one.
     */
    private List<ActionItem> withTasks(Viewer viewer, Community offerIn, List<ActionItem> items) {
        if (items.isEmpty() || !tracking.isResolvable()) {
            return items;
        }
        Tracking t = tracking.get();
        Map<Long, Tracking.Tracked> tasks = t.tracked(ActionItems.MEETING_ACTION,
                items.stream().map(ActionItem::id).toList());
        boolean offer = offerIn != null && t.mayTrack(viewer, offerIn.id);
        return items.stream().map(i -> {
            Tracking.Tracked task = tasks.get(i.id());
            return i.withTask(task, task == null && offer ? t.newTaskLink(i.slug(), ActionItems.MEETING_ACTION, i.id())
                    : null);
        }).toList();
    }

    /** The section of the meeting's page; called inside the page's transaction. */
    public OutcomeSection section(Viewer viewer, Meetings.Found found, ZoneId zone) {
        Meeting m = found.meeting();
        boolean canRecord = MeetingAccess.runs(viewer, found.community()) && !m.isCancelled();
        LocalDate today = LocalDate.now(zone);
        return new OutcomeSection(found.community().slug, m.id, canRecord, m.isCancelled(), attendance(m),
                richText.shown(m.minutes, m.minutesHtml, m.minutesHtmlVersion),
                m.minutes == null || m.minutesBy == null ? null : m.minutesBy.displayName, m.minutesAt,
                agreements(m.id), withTasks(viewer, found.community(),
                        actionItems("a.meeting_id = :meeting", Map.of("meeting", m.id), "a.number", today)));
    }

    /** The attendance form, pre-filled from the answers until attendance was recorded. */
    @Transactional
    public Optional<AttendancePage> attendancePage(Viewer viewer, CommunityRef ref, long id, ZoneId zone,
            Locale locale) {
        return running(viewer, ref, id).map(f -> new AttendancePage(head(f, zone, locale), attendance(f.meeting())));
    }

    /** Records attendance; the answer is the attendance as it now stands. */
    @Transactional
    public Optional<AttendanceView> recordAttendance(Viewer viewer, CommunityRef ref, long id, AttendanceInput input) {
        return running(viewer, ref, id).map(f -> {
            Meeting meeting = f.meeting();
            List<MeetingInvitee> invitees = MeetingInvitee.list("meetingId", meeting.id);
            List<MeetingCountry> countries = MeetingCountry.list("meetingId", meeting.id);
            Map<Long, MeetingInvitee> byMember = new LinkedHashMap<>();
            invitees.forEach(i -> byMember.put(i.memberId, i));
            Map<String, MeetingCountry> byCode = new LinkedHashMap<>();
            countries.forEach(c -> byCode.put(c.countryCode, c));
            List<Violation> violations = new ArrayList<>();
            Map<MeetingInvitee, Checked> officials = new LinkedHashMap<>();
            input.officials().forEach((memberId, mark) -> {
                String field = "status-" + memberId;
                MeetingInvitee invitee = byMember.get(memberId);
                if (invitee == null) {
                    violations.add(new Violation(field, Violation.Code.INVALID_CHOICE, 0));
                } else {
                    officials.put(invitee, check(violations, field, "represented-" + memberId, mark));
                }
            });
            Map<MeetingCountry, Checked> perCountry = new LinkedHashMap<>();
            input.countries().forEach((code, mark) -> {
                String field = "country-" + code;
                MeetingCountry country = code == null ? null : byCode.get(code.toUpperCase(Locale.ROOT));
                if (country == null) {
                    violations.add(new Violation(field, Violation.Code.INVALID_CHOICE, 0));
                } else {
                    perCountry.put(country, check(violations, field, "country-represented-" + code, mark));
                }
            });
            Texts.check(violations);
            officials.forEach((invitee, value) -> {
                invitee.attendance = value.attendance();
                invitee.representedBy = value.representedBy();
            });
            perCountry.forEach((country, value) -> {
                country.attendance = value.attendance();
                country.representedBy = value.representedBy();
            });
            meeting.attendanceAt = OffsetDateTime.now();
            em.flush();
            AttendanceView view = attendance(meeting);
            AuditLog.record(viewer.memberId(), f.community().id, MeetingOutcomeAudit.Action.MEETING_ATTENDANCE.name(),
                    "MEETING", meeting.id, view.countriesPresent() + "/" + view.countriesInvited());
            return view;
        });
    }

    private record Checked(Attendance attendance, String representedBy) {
    }

    private static Checked check(List<Violation> violations, String field, String representedField, Mark mark) {
        String value = mark == null ? null : Texts.clean(mark.attendance());
        if (value == null) {
            return new Checked(null, null);
        }
        Attendance attendance;
        try {
            attendance = Attendance.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, Violation.Code.INVALID_CHOICE, 0));
            return new Checked(null, null);
        }
        if (attendance != Attendance.REPRESENTED) {
            return new Checked(attendance, null);
        }
        String who = Texts.clean(mark.representedBy());
        Texts.required(violations, representedField, who, MeetingCountry.REPRESENTED_MAX);
        return new Checked(attendance, who);
    }

    @Transactional
    public Optional<MinutesPage> minutesPage(Viewer viewer, CommunityRef ref, long id, ZoneId zone, Locale locale) {
        return running(viewer, ref, id).map(f -> new MinutesPage(head(f, zone, locale), f.meeting().minutes));
    }

    /** Saves the minutes (Markdown); blank removes them. */
    @Transactional
    public Optional<Meeting> saveMinutes(Viewer viewer, CommunityRef ref, long id, String minutes) {
        return running(viewer, ref, id).map(f -> {
            String text = Texts.clean(minutes);
            List<Violation> violations = new ArrayList<>();
            Texts.optional(violations, "minutes", text, Meeting.MINUTES_MAX);
            Texts.check(violations);
            Meeting meeting = f.meeting();
            meeting.minutes = text;
            meeting.minutesHtml = richText.html(text, Set.of());
            meeting.minutesHtmlVersion = RichText.VERSION;
            meeting.minutesBy = text == null ? null : me(viewer);
            meeting.minutesAt = text == null ? null : OffsetDateTime.now();
            AuditLog.record(viewer.memberId(), f.community().id, MeetingOutcomeAudit.Action.MEETING_MINUTES.name(),
                    "MEETING", meeting.id, meeting.title);
            return meeting;
        });
    }

    @Transactional
    public Optional<AgreementsPage> agreementsPage(Viewer viewer, CommunityRef ref, long id, ZoneId zone,
            Locale locale) {
        return running(viewer, ref, id).map(f -> new AgreementsPage(head(f, zone, locale), agreements(id)));
    }

    /** Adds the next numbered agreement. */
    @Transactional
    public Optional<MeetingAgreement> addAgreement(Viewer viewer, CommunityRef ref, long id, String text) {
        return running(viewer, ref, id).map(f -> {
            String clean = agreementText(text);
            Meeting meeting = locked(f);
            MeetingAgreement agreement = new MeetingAgreement();
            agreement.meeting = meeting;
            agreement.number = next("meeting_agreement", meeting.id);
            agreement.text = clean;
            agreement.author = me(viewer);
            agreement.persist();
            AuditLog.record(viewer.memberId(), f.community().id,
                    MeetingOutcomeAudit.Action.MEETING_AGREEMENT_ADD.name(), "MEETING_AGREEMENT", agreement.id,
                    agreement.number + ". " + clean);
            return agreement;
        });
    }

    @Transactional
    public Optional<MeetingAgreement> editAgreement(Viewer viewer, CommunityRef ref, long id, int number,
            String text) {
        return running(viewer, ref, id).flatMap(f -> agreement(f.meeting(), number).map(agreement -> {
            agreement.text = agreementText(text);
            AuditLog.record(viewer.memberId(), f.community().id,
                    MeetingOutcomeAudit.Action.MEETING_AGREEMENT_EDIT.name(), "MEETING_AGREEMENT", agreement.id,
                    agreement.number + ". " + agreement.text);
            return agreement;
        }));
    }

    /** Deletes an agreement; the later ones move up a number, so that the list stays 1, 2, 3... */
    @Transactional
    public Optional<MeetingAgreement> deleteAgreement(Viewer viewer, CommunityRef ref, long id, int number) {
        return running(viewer, ref, id).flatMap(f -> {
            Meeting meeting = locked(f);
            return agreement(meeting, number).map(agreement -> {
                agreement.delete();
                em.flush();
                // Two steps: the unique (meeting, number) is checked row by row.
                em.createNativeQuery("update meeting_agreement set number = -number where meeting_id = :m and number > :n")
                        .setParameter("m", meeting.id).setParameter("n", number).executeUpdate();
                em.createNativeQuery("update meeting_agreement set number = -number - 1 where meeting_id = :m and number < 0")
                        .setParameter("m", meeting.id).executeUpdate();
                AuditLog.record(viewer.memberId(), f.community().id,
                        MeetingOutcomeAudit.Action.MEETING_AGREEMENT_DELETE.name(), "MEETING_AGREEMENT", agreement.id,
                        number + ". " + agreement.text);
                return agreement;
            });
        });
    }

    @Transactional
    public Optional<ActionsPage> actionsPage(Viewer viewer, CommunityRef ref, long id, ZoneId zone, Locale locale) {
        return running(viewer, ref, id).map(f -> new ActionsPage(head(f, zone, locale),
                actionItems("a.meeting_id = :meeting", Map.of("meeting", id), "a.number", LocalDate.now(zone)),
                ownerChoices(f), countryChoices(f), List.of(MeetingAction.Status.values())));
    }

    /** Adds the next numbered action item, owned by one person or one country. */
    @Transactional
    public Optional<MeetingAction> addAction(Viewer viewer, CommunityRef ref, long id, ActionInput input) {
        return running(viewer, ref, id).map(f -> {
            List<Violation> violations = new ArrayList<>();
            String text = Texts.clean(input.text());
            Texts.required(violations, "text", text, MeetingAction.TEXT_MAX);
            Long ownerId = null;
            String ownerIdText = Texts.clean(input.ownerId());
            if (ownerIdText != null) {
                try {
                    ownerId = Long.parseLong(ownerIdText);
                } catch (NumberFormatException e) {
                    violations.add(Violation.invalidValue("ownerId"));
                }
            }
            String ownerCountry = Texts.clean(input.ownerCountry());
            if (ownerId == null && ownerCountry == null && ownerIdText == null) {
                violations.add(new Violation("ownerId", OutcomeViolation.OWNER_REQUIRED, 0));
            } else if (ownerIdText != null && ownerCountry != null) {
                violations.add(new Violation("ownerId", OutcomeViolation.ONE_OWNER, 0));
            } else if (ownerId != null) {
                long owner = ownerId;
                if (ownerChoices(f).stream().noneMatch(c -> c.id() == owner)) {
                    violations.add(new Violation("ownerId", Violation.Code.INVALID_CHOICE, 0));
                }
            } else if (ownerCountry != null) {
                String code = ownerCountry.toUpperCase(Locale.ROOT);
                if (countryChoices(f).stream().noneMatch(c -> c.code.equals(code))) {
                    violations.add(new Violation("ownerCountry", Violation.Code.INVALID_CHOICE, 0));
                }
                ownerCountry = code;
            }
            LocalDate due = null;
            String dueText = Texts.clean(input.due());
            if (dueText != null) {
                try {
                    due = LocalDate.parse(dueText);
                } catch (DateTimeParseException e) {
                    violations.add(new Violation("due", Violation.Code.INVALID_DATE, 0));
                }
            }
            MeetingAction.Status status = status(violations, input.status(), MeetingAction.Status.OPEN);
            Texts.check(violations);
            Meeting meeting = locked(f);
            MeetingAction action = new MeetingAction();
            action.meeting = meeting;
            action.number = next("meeting_action", meeting.id);
            action.text = text;
            action.owner = ownerId == null ? null : em.getReference(Member.class, ownerId);
            action.ownerCountry = ownerCountry == null ? null : em.getReference(Country.class, ownerCountry);
            action.dueDate = due;
            action.status = status;
            action.author = me(viewer);
            action.persist();
            AuditLog.record(viewer.memberId(), f.community().id, MeetingOutcomeAudit.Action.MEETING_ACTION_ADD.name(),
                    "MEETING_ACTION", action.id, action.number + ". " + text);
            return action;
        });
    }

    @Transactional
    public Optional<MeetingAction> setActionStatus(Viewer viewer, CommunityRef ref, long id, int number,
            String status) {
        return running(viewer, ref, id).flatMap(f -> MeetingAction
                .<MeetingAction> find("meeting.id = ?1 and number = ?2", f.meeting().id, number).firstResultOptional()
                .map(action -> {
                    List<Violation> violations = new ArrayList<>();
                    MeetingAction.Status value = status(violations, status, null);
                    if (value == null && violations.isEmpty()) {
                        violations.add(Violation.required("status"));
                    }
                    Texts.check(violations);
                    action.status = value;
                    AuditLog.record(viewer.memberId(), f.community().id,
                            MeetingOutcomeAudit.Action.MEETING_ACTION_STATUS.name(), "MEETING_ACTION", action.id,
                            action.number + ". " + value.name());
                    return action;
                }));
    }

    /** A community's action items (open ones unless {@code all}), those due first. */
    @Transactional
    public Optional<CommunityActions> communityActions(Viewer viewer, CommunityRef ref, boolean all, ZoneId zone) {
        return meetings.community(viewer, ref).map(community -> {
            List<ActionItem> items = actionItems("mt.community_id = :community" + openOnly(all),
                    Map.of("community", community.id), LIST_ORDER, LocalDate.now(zone));
            return new CommunityActions(community, withTasks(viewer, community, capped(items)), all,
                    items.size() > LIST_LIMIT,
                    MeetingAccess.runs(viewer, community), List.of(MeetingAction.Status.values()));
        });
    }

    /**
     * "My action items": those the viewer owns and those their country owns (their own country, or
     * the one a membership names), in every community they see.
     */
    @Transactional
    public MyActions myActions(Viewer viewer, boolean all, ZoneId zone) {
        Set<Long> groups = new HashSet<>();
        for (Grant g : viewer.effectiveGrants()) {
            groups.add(g.groupId());
        }
        if (!viewer.isAdmin() && groups.isEmpty()) {
            return new MyActions(List.of(), all, false);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("me", viewer.memberId());
        String where = """
                (a.owner_id = :me or a.owner_country in (select country_code from member where id = :me
                    union select country_code from membership where member_id = :me and country_code is not null))""";
        if (!viewer.isAdmin()) {
            where += " and coalesce(c.parent_id, c.id) in (:groups)";
            params.put("groups", groups);
        }
        List<ActionItem> items = actionItems(where + openOnly(all), params, LIST_ORDER, LocalDate.now(zone));
        return new MyActions(withTasks(viewer, null, capped(items)), all, items.size() > LIST_LIMIT);
    }

    /** A member's open action items in a working group and its subgroups, for its coordinator. */
    @Transactional
    public List<ActionItem> memberActions(Viewer viewer, Community group, long memberId, ZoneId zone) {
        if (!CommunityAccess.coordinates(viewer, group.groupId())) {
            return List.of();
        }
        return withTasks(viewer, null, capped(actionItems(
                "a.owner_id = :member and coalesce(c.parent_id, c.id) = :group" + openOnly(false),
                Map.of("member", memberId, "group", group.groupId()), LIST_ORDER, LocalDate.now(zone))));
    }

    private static final String LIST_ORDER = "a.due_date nulls last, mt.starts_at desc, a.number";

    private static String openOnly(boolean all) {
        return all ? "" : " and a.status in ('OPEN', 'IN_PROGRESS')";
    }

    private static <T> List<T> capped(List<T> items) {
        return items.size() > LIST_LIMIT ? items.subList(0, LIST_LIMIT) : items;
    }

    /** The meeting, if visible; refused to those who do not run it and for a cancelled meeting. */
    private Optional<Meetings.Found> running(Viewer viewer, CommunityRef ref, long id) {
        return meetings.visible(viewer, ref, id).map(f -> {
            if (!MeetingAccess.runs(viewer, f.community())) {
                throw new Refused(OutcomeRefusal.NOT_RUNNER);
            }
            if (f.meeting().isCancelled()) {
                throw new Refused(OutcomeRefusal.MEETING_CANCELLED);
            }
            return f;
        });
    }

    /** Numbers are taken under the meeting's row lock, so two recorders never take the same one. */
    private Meeting locked(Meetings.Found f) {
        em.lock(f.meeting(), LockModeType.PESSIMISTIC_WRITE);
        return f.meeting();
    }

    private int next(String table, long meetingId) {
        return ((Number) em.createNativeQuery("select coalesce(max(number), 0) + 1 from " + table
                + " where meeting_id = :m").setParameter("m", meetingId).getSingleResult()).intValue();
    }

    private Member me(Viewer viewer) {
        return em.getReference(Member.class, viewer.memberId());
    }

    private static Head head(Meetings.Found f, ZoneId zone, Locale locale) {
        Meeting m = f.meeting();
        return new Head(f.community(), m.id, m.title, MeetingTimes.of(m.startsAt, m.endsAt, m.zone(), zone, locale),
                m.status);
    }

    private static String agreementText(String text) {
        String clean = Texts.clean(text);
        List<Violation> violations = new ArrayList<>();
        Texts.required(violations, "text", clean, MeetingAgreement.TEXT_MAX);
        Texts.check(violations);
        return clean;
    }

    private static Optional<MeetingAgreement> agreement(Meeting meeting, int number) {
        return MeetingAgreement.<MeetingAgreement> find("meeting.id = ?1 and number = ?2", meeting.id, number)
                .firstResultOptional();
    }

    private static MeetingAction.Status status(List<Violation> violations, String value, MeetingAction.Status fallback) {
        String clean = Texts.clean(value);
        if (clean == null) {
            return fallback;
        }
        try {
            return MeetingAction.Status.valueOf(clean.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("status", Violation.Code.INVALID_CHOICE, 0));
            return fallback;
        }
    }

    /** The invited countries and officials with their answers and attendance: two statements. */
    AttendanceView attendance(Meeting meeting) {
        boolean recorded = meeting.attendanceAt != null;
        @SuppressWarnings("unchecked")
        List<Tuple> people = em.createNativeQuery("""
                select i.member_id, m.display_name, i.country_code, i.answer, i.attendance, i.represented_by
                from meeting_invitee i join member m on m.id = i.member_id
                where i.meeting_id = :m order by m.display_name, m.id
                """, Tuple.class).setParameter("m", meeting.id).getResultList();
        @SuppressWarnings("unchecked")
        List<Tuple> places = em.createNativeQuery("""
                select mc.country_code, c.name_es, c.name_pt, c.name_en, mc.attendance, mc.represented_by
                from meeting_country mc join country c on c.code = mc.country_code
                where mc.meeting_id = :m order by mc.country_code
                """, Tuple.class).setParameter("m", meeting.id).getResultList();
        Map<String, List<Official>> byCountry = new LinkedHashMap<>();
        for (Tuple p : places) {
            byCountry.put(p.get("country_code", String.class), new ArrayList<>());
        }
        List<Official> others = new ArrayList<>();
        int officialsPresent = 0;
        for (Tuple p : people) {
            Answer answer = enumOf(Answer.class, p.get("answer", String.class));
            Attendance attendance = enumOf(Attendance.class, p.get("attendance", String.class));
            Attendance value = recorded ? attendance : answer == null ? null : answer.prefill();
            Official official = new Official(((Number) p.get("member_id")).longValue(),
                    p.get("display_name", String.class), p.get("country_code", String.class), answer, attendance,
                    p.get("represented_by", String.class), value);
            if (recorded && attendance != null && attendance.counts()) {
                officialsPresent++;
            }
            List<Official> group = official.countryCode() == null ? null : byCountry.get(official.countryCode());
            (group == null ? others : group).add(official);
        }
        List<CountryRow> countries = new ArrayList<>();
        int countriesPresent = 0;
        for (Tuple p : places) {
            String code = p.get("country_code", String.class);
            Attendance attendance = enumOf(Attendance.class, p.get("attendance", String.class));
            List<Official> officials = byCountry.get(code);
            Attendance value = recorded ? attendance : prefill(officials);
            if (recorded && attendance != null && attendance.counts()) {
                countriesPresent++;
            }
            countries.add(new CountryRow(code, new Localized(p.get("name_es", String.class),
                    p.get("name_pt", String.class), p.get("name_en", String.class)), attendance,
                    p.get("represented_by", String.class), value, List.copyOf(officials)));
        }
        return new AttendanceView(recorded, meeting.attendanceAt, countriesPresent, countries.size(),
                officialsPresent, people.size(), countries, others);
    }

    /** A country's attendance as its officials' answers suggest: present if any of them attends. */
    private static Attendance prefill(List<Official> officials) {
        Attendance best = null;
        for (Official o : officials) {
            if (o.answer() == null) {
                continue;
            }
            Attendance a = o.answer().prefill();
            if (best == null || a.ordinal() < best.ordinal()) {
                best = a;
            }
        }
        return best;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private List<Agreement> agreements(long meetingId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(
                "select number, text from meeting_agreement where meeting_id = :m order by number", Tuple.class)
                .setParameter("m", meetingId).getResultList();
        return rows.stream().map(r -> new Agreement(((Number) r.get("number")).intValue(), r.get("text", String.class)))
                .toList();
    }

    /** Action items in one statement; {@code where} and {@code order} are this class's constants. */
    private List<ActionItem> actionItems(String where, Map<String, ?> params, String order, LocalDate today) {
        var query = em.createNativeQuery("""
                select a.id, a.number, a.text, a.owner_id, o.display_name as owner_name,
                       o.country_code as owner_member_country, a.owner_country, oc.name_es as oc_es,
                       oc.name_pt as oc_pt, oc.name_en as oc_en, a.due_date, a.status, mt.id as meeting_id,
                       mt.title as meeting_title, mt.starts_at, c.slug, c.name_es as c_es, c.name_pt as c_pt,
                       c.name_en as c_en
                from meeting_action a
                join meeting mt on mt.id = a.meeting_id
                join community c on c.id = mt.community_id
                left join member o on o.id = a.owner_id
                left join country oc on oc.code = a.owner_country
                where %s
                order by %s
                limit %d
                """.formatted(where, order, LIST_LIMIT + 1), Tuple.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        Function<Tuple, ActionItem> row = r -> {
            LocalDate due = SqlValues.date(r.get("due_date"));
            MeetingAction.Status status = MeetingAction.Status.valueOf(r.get("status", String.class));
            String ownerCountry = r.get("owner_country", String.class);
            Number ownerId = (Number) r.get("owner_id");
            return new ActionItem(((Number) r.get("id")).longValue(), ((Number) r.get("number")).intValue(),
                    r.get("text", String.class), ownerId == null ? null : ownerId.longValue(),
                    r.get("owner_name", String.class), r.get("owner_member_country", String.class), ownerCountry,
                    ownerCountry == null ? null : new Localized(r.get("oc_es", String.class),
                            r.get("oc_pt", String.class), r.get("oc_en", String.class)),
                    due, status, due != null && status.isOpen() && due.isBefore(today),
                    ((Number) r.get("meeting_id")).longValue(), r.get("meeting_title", String.class),
                    SqlValues.timestamp(r.get("starts_at")), r.get("slug", String.class),
                    new Localized(r.get("c_es", String.class), r.get("c_pt", String.class),
                            r.get("c_en", String.class)), null, null);
        };
        return rows.stream().map(row).toList();
    }

    /**
     * Who may own an action item: the meeting's invited officials and everyone who sees the meeting
     * as a member of its working group (the group or any of its subgroups).
     */
    private List<OwnerChoice> ownerChoices(Meetings.Found f) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select m.id, m.display_name, m.country_code from member m
                where m.disabled_at is null
                  and (m.id in (select member_id from meeting_invitee where meeting_id = :meeting)
                       or m.id in (select ms.member_id from membership ms join community c on c.id = ms.community_id
                                   where c.id = :group or c.parent_id = :group))
                order by m.display_name, m.id
                """, Tuple.class).setParameter("meeting", f.meeting().id)
                .setParameter("group", f.community().groupId()).getResultList();
        return rows.stream().map(r -> new OwnerChoice(((Number) r.get("id")).longValue(),
                r.get("display_name", String.class), r.get("country_code", String.class))).toList();
    }

    /** Which countries may own an action item: the invited ones and the community's. */
    private static List<Country> countryChoices(Meetings.Found f) {
        return Country.list("""
                code in (select mc.countryCode from MeetingCountry mc where mc.meetingId = ?1)
                or code in (select c.code from Community k join k.countries c where k.id = ?2) order by code""",
                f.meeting().id, f.community().id);
    }
}
