package org.comunidad.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.member.Member;
import org.comunidad.platform.content.ActionItems;
import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.notice.Notice;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.Links;

/**
 * Tasks: a community's list (open ones, or all), "my tasks" across my communities (overdue first),
 * a task's page with its comments and what it came from (a plan's activity, a meeting's action
 * item found through {@link ActionItems}), and the forms that create, edit, change the status of
 * and comment on a task, under {@link PlanAccess}. Assigning a task to someone else tells them
 * ({@link TaskNotice#TASK_ASSIGNED}). Every list reads a fixed number of statements.
 */
@ApplicationScoped
public class TaskService {

    /** How many tasks a list shows at most. */
    public static final int LIST_LIMIT = 500;

    /** A task as the lists show it; overdue: open and its deadline has passed. */
    public record Row(long id, String title, String assignee, String dueText, LocalDate deadline, boolean overdue,
            Task.Status status, String slug, Localized communityName) {

        public String link() {
            return Links.community(slug, "tasks", id);
        }
    }

    public record CommunityTasks(Community community, List<Row> rows, boolean all, boolean limited,
            boolean canCreate) {
    }

    public record MyTasks(List<Row> rows, boolean all, boolean limited, int overdue) {
    }

    /** A member a task may be assigned to. */
    public record Choice(long id, String name, String countryCode) {

        public String idText() {
            return Long.toString(id);
        }
    }

    /** What a form starts from (a new task prefilled from an activity or an action item, or the task as stored). */
    public record Values(String title, String description, String assignee, String due, String item, String action) {
    }

    /**
     * The new-task or edit form. taskId: null for a new task; from: the activity's or action
     * item's title it is made from (shown above the form).
     */
    public record FormPage(Community community, Long taskId, Values values, List<Choice> assignees, String from,
            String fromLink) {

        public boolean isNew() {
            return taskId == null;
        }
    }

    public record Comment(long id, String author, String body, OffsetDateTime at) {
    }

    /**
     * A task's page. itemTitle/itemLink: the plan activity it comes from; action: the meeting's
     * action item it follows (null when none or not visible).
     */
    public record TaskPage(Community community, long id, String title, String description, String assignee,
            String dueText, LocalDate deadline, boolean overdue, Task.Status status, String createdBy,
            OffsetDateTime createdAt, String itemTitle, String itemLink, ActionItems.Item action,
            List<Comment> comments, boolean canEdit, boolean canComment, List<Task.Status> statuses) {
    }

    /** A task as submitted; item and action: ids (as typed) of what it is made from, on creation only. */
    public record TaskInput(String title, String description, String assignee, String due, String item,
            String action) {
    }

    @Inject
    Plans plans;

    @Inject
    EntityManager em;

    @Inject
    Event<Notice> notices;

    @Inject
    Instance<ActionItems> actionItems;

    // ---- lists

    @Transactional
    public Optional<CommunityTasks> communityTasks(Viewer viewer, CommunityRef ref, boolean all, ZoneId zone) {
        return plans.community(viewer, ref).map(c -> {
            List<Row> rows = rows("t.community_id = :community" + openOnly(all), Map.of("community", c.id),
                    LocalDate.now(zone));
            return new CommunityTasks(c, capped(rows), all, rows.size() > LIST_LIMIT,
                    PlanAccess.createsTask(viewer, c));
        });
    }

    /** The tasks assigned to me in the communities I see: overdue first, then by deadline. */
    @Transactional
    public MyTasks mine(Viewer viewer, boolean all, ZoneId zone) {
        String visible = viewer.isAdmin() ? "" : " " + """
                 and exists (select 1 from membership ms join community k on k.id = ms.community_id
                             where ms.member_id = :me
                               and (k.id = coalesce(c.parent_id, c.id) or k.parent_id = coalesce(c.parent_id, c.id)))""";
        List<Row> rows = rows("t.assignee_id = :me" + visible + openOnly(all), Map.of("me", viewer.memberId()),
                LocalDate.now(zone));
        List<Row> shown = capped(rows);
        return new MyTasks(shown, all, rows.size() > LIST_LIMIT, (int) shown.stream().filter(Row::overdue).count());
    }

    // ---- one task

    @Transactional
    public Optional<TaskPage> page(Viewer viewer, CommunityRef ref, long id, ZoneId zone) {
        return plans.task(viewer, ref, id).map(f -> {
            Task t = f.task();
            Community c = f.community();
            LocalDate today = LocalDate.now(zone);
            String itemLink = null;
            String itemTitle = null;
            if (t.item != null) {
                itemTitle = t.item.title;
                itemLink = Links.community(c.slug, "plans", t.item.plan.id, "#item-" + t.item.id);
            }
            ActionItems.Item action = t.source != null && ActionItems.MEETING_ACTION.equals(t.source)
                    ? actionItem(viewer, t.sourceId).orElse(null) : null;
            List<Comment> comments = TaskComment.<TaskComment> find(
                    "select tc from TaskComment tc join fetch tc.author where tc.task.id = ?1 order by tc.createdAt, tc.id",
                    t.id).list().stream()
                    .map(tc -> new Comment(tc.id, tc.author.displayName, tc.body, tc.createdAt)).toList();
            Long assigneeId = t.assignee == null ? null : t.assignee.id;
            return new TaskPage(c, t.id, t.title, t.description, t.assignee == null ? null : t.assignee.displayName,
                    due(t).text, due(t).deadline(), t.status.isOpen() && due(t).overdueOn(today), t.status,
                    t.createdBy.displayName, t.createdAt, itemTitle, itemLink, action, comments,
                    PlanAccess.editsTask(viewer, c, t.createdBy.id, assigneeId),
                    PlanAccess.commentsOnTask(viewer, c, assigneeId), List.of(Task.Status.values()));
        });
    }

    /** The new-task form, prefilled from an activity ({@code item}) or a meeting's action item ({@code action}). */
    @Transactional
    public Optional<FormPage> newForm(Viewer viewer, CommunityRef ref, String item, String action) {
        return plans.community(viewer, ref).map(c -> {
            if (!PlanAccess.createsTask(viewer, c)) {
                throw new Refused(TaskRefusal.NOT_MEMBER);
            }
            Long itemId = id(item);
            Long actionId = id(action);
            if (itemId != null) {
                PlanItem i = item(viewer, c, itemId).orElse(null);
                if (i != null) {
                    return new FormPage(c, null, new Values(i.title, null,
                            i.responsible == null ? null : Long.toString(i.responsible.id),
                            i.period.text, Long.toString(i.id), null), assignees(c), i.title,
                            Links.community(c.slug, "plans", i.plan.id, "#item-" + i.id));
                }
            }
            if (actionId != null) {
                ActionItems.Item a = actionItem(viewer, actionId).filter(x -> sameGroup(c, x.communityId()))
                        .orElse(null);
                if (a != null) {
                    return new FormPage(c, null, new Values(a.text().length() > Task.TITLE_MAX
                            ? a.text().substring(0, Task.TITLE_MAX) : a.text(), a.text(),
                            a.ownerId() == null ? null : Long.toString(a.ownerId()),
                            a.due() == null ? null : a.due().toString(), null, Long.toString(a.id())),
                            assignees(c), a.text(), a.link());
                }
            }
            return new FormPage(c, null, new Values(null, null, null, null, null, null), assignees(c), null, null);
        });
    }

    @Transactional
    public Optional<Task> create(Viewer viewer, CommunityRef ref, TaskInput input) {
        return plans.community(viewer, ref).map(c -> {
            if (!PlanAccess.createsTask(viewer, c)) {
                throw new Refused(TaskRefusal.NOT_MEMBER);
            }
            List<Violation> violations = new ArrayList<>();
            Task t = new Task();
            t.community = c;
            t.createdBy = Member.findById(viewer.memberId());
            fill(violations, c, t, input);
            Long itemId = id(violations, "item", input.item());
            if (itemId != null) {
                t.item = item(viewer, c, itemId).orElse(null);
                if (t.item == null) {
                    violations.add(new Violation("item", Violation.Code.INVALID_CHOICE, 0));
                }
            }
            Long actionId = id(violations, "action", input.action());
            if (actionId != null) {
                ActionItems.Item a = actionItem(viewer, actionId)
                        .filter(x -> sameGroup(c, x.communityId())).orElse(null);
                if (a == null) {
                    violations.add(new Violation("action", Violation.Code.INVALID_CHOICE, 0));
                } else if (Task.count("source = ?1 and sourceId = ?2", ActionItems.MEETING_ACTION, a.id()) > 0) {
                    violations.add(new Violation("action", TaskViolation.ALREADY_A_TASK, 0));
                } else {
                    t.source = ActionItems.MEETING_ACTION;
                    t.sourceId = a.id();
                }
            }
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
            t.persist();
            assigned(viewer, c, t, null);
            return t;
        });
    }

    @Transactional
    public Optional<FormPage> editForm(Viewer viewer, CommunityRef ref, long id) {
        return editable(viewer, ref, id).map(f -> {
            Task t = f.task();
            return new FormPage(f.community(), t.id, new Values(t.title, t.description,
                    t.assignee == null ? null : Long.toString(t.assignee.id), due(t).text, null, null),
                    assignees(f.community()), null, null);
        });
    }

    @Transactional
    public Optional<Task> save(Viewer viewer, CommunityRef ref, long id, TaskInput input) {
        return save(viewer, ref, id, input, null);
    }

    /** Saves the task's fields and, when {@code status} is given, its status, under one check of the rights. */
    @Transactional
    public Optional<Task> save(Viewer viewer, CommunityRef ref, long id, TaskInput input, String status) {
        return editable(viewer, ref, id).map(f -> {
            Task t = f.task();
            Long before = t.assignee == null ? null : t.assignee.id;
            List<Violation> violations = new ArrayList<>();
            fill(violations, f.community(), t, input);
            if (status != null) {
                Task.Status s = status(status);
                if (s == null) {
                    violations.add(new Violation("status", Violation.Code.INVALID_CHOICE, 0));
                } else {
                    t.doneAt = s == Task.Status.DONE ? (t.status == s ? t.doneAt : OffsetDateTime.now()) : null;
                    t.status = s;
                }
            }
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
            assigned(viewer, f.community(), t, before);
            return t;
        });
    }

    @Transactional
    public Optional<Task> setStatus(Viewer viewer, CommunityRef ref, long id, String status) {
        return editable(viewer, ref, id).map(f -> {
            Task t = f.task();
            Task.Status s = status(status);
            if (s == null) {
                throw new InvalidInput(List.of(new Violation("status", Violation.Code.INVALID_CHOICE, 0)));
            }
            t.status = s;
            t.doneAt = s == Task.Status.DONE ? OffsetDateTime.now() : null;
            return t;
        });
    }

    @Transactional
    public Optional<TaskComment> comment(Viewer viewer, CommunityRef ref, long id, String body) {
        return plans.task(viewer, ref, id).map(f -> {
            Task t = f.task();
            if (!PlanAccess.commentsOnTask(viewer, f.community(), t.assignee == null ? null : t.assignee.id)) {
                throw new Refused(TaskRefusal.NOT_MEMBER);
            }
            String text = body == null ? "" : body.strip();
            if (text.isEmpty()) {
                throw new InvalidInput(List.of(Violation.required("body")));
            }
            if (text.length() > TaskComment.BODY_MAX) {
                throw new InvalidInput(List.of(Violation.tooLong("body", TaskComment.BODY_MAX)));
            }
            TaskComment tc = new TaskComment();
            tc.task = t;
            tc.author = Member.findById(viewer.memberId());
            tc.body = text;
            tc.persist();
            return tc;
        });
    }

    /** The task if found; refused (403) when the viewer may not edit it. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Plans.FoundTask> editable(Viewer viewer, CommunityRef ref, long id) {
        return plans.task(viewer, ref, id).map(f -> {
            Task t = f.task();
            if (!PlanAccess.editsTask(viewer, f.community(), t.createdBy.id, t.assignee == null ? null : t.assignee.id)) {
                throw new Refused(TaskRefusal.NOT_EDITOR);
            }
            return f;
        });
    }

    // ---- helpers

    /** Title, description, assignee and due, checked; violations collected. */
    private void fill(List<Violation> violations, Community c, Task t, TaskInput input) {
        String title = input.title() == null ? "" : input.title().strip();
        if (title.isEmpty()) {
            violations.add(Violation.required("title"));
        } else if (title.length() > Task.TITLE_MAX) {
            violations.add(Violation.tooLong("title", Task.TITLE_MAX));
        }
        t.title = title;
        String description = input.description() == null ? null : input.description().strip();
        if (description != null && description.length() > Task.DESCRIPTION_MAX) {
            violations.add(Violation.tooLong("description", Task.DESCRIPTION_MAX));
        }
        t.description = description == null || description.isEmpty() ? null : description;
        Long assignee = id(violations, "assignee", input.assignee());
        if (assignee == null) {
            t.assignee = null;
        } else if (assignees(c).stream().noneMatch(ch -> ch.id() == assignee)) {
            violations.add(new Violation("assignee", Violation.Code.INVALID_CHOICE, 0));
        } else {
            t.assignee = Member.findById(assignee);
        }
        String due = input.due() == null ? "" : input.due().strip();
        if (due.isEmpty()) {
            t.due = new PeriodColumns();
        } else if (due.length() > PeriodColumns.TEXT_MAX) {
            violations.add(Violation.tooLong("due", PeriodColumns.TEXT_MAX));
        } else {
            Periods.Reading reading = Periods.read(due);
            if (reading.ok()) {
                t.due = PeriodColumns.of(reading.period());
            } else {
                violations.add(new Violation("due", TaskViolation.UNREADABLE_DUE, 0));
            }
        }
    }

    /** Tells the assignee, unless they assigned it to themselves or it did not change. */
    private void assigned(Viewer viewer, Community c, Task t, Long before) {
        if (t.assignee == null || t.assignee.id.equals(before) || t.assignee.id == viewer.memberId()) {
            return;
        }
        notices.fire(new Notice(t.assignee.id, TaskNotice.TASK_ASSIGNED, "task:" + t.id + ":assigned:" + t.assignee.id
                + ":" + System.currentTimeMillis() / 1000, c.id, viewer.memberId(), Links.community(c.slug, "tasks", t.id),
                t.title));
    }

    /** Members of the community's working group (the group and its subgroups), not disabled. */
    private List<Choice> assignees(Community c) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select distinct m.id, m.display_name, m.country_code from member m
                join membership ms on ms.member_id = m.id join community k on k.id = ms.community_id
                where m.disabled_at is null and (k.id = :group or k.parent_id = :group)
                order by m.display_name, m.id""", Tuple.class).setParameter("group", c.groupId()).getResultList();
        return rows.stream().map(r -> new Choice(((Number) r.get("id")).longValue(), r.get("display_name", String.class),
                r.get("country_code", String.class))).toList();
    }

    private Optional<PlanItem> item(Viewer viewer, Community c, long id) {
        return PlanItem.<PlanItem> findByIdOptional(id).filter(i -> i.plan.community.id == c.groupId())
                .filter(i -> PlanAccess.reads(viewer, c));
    }

    private Optional<ActionItems.Item> actionItem(Viewer viewer, long id) {
        return actionItems.isResolvable() ? actionItems.get().find(viewer, id) : Optional.empty();
    }

    private static boolean sameGroup(Community c, long otherCommunityId) {
        if (otherCommunityId == c.id) {
            return true;
        }
        Community other = Community.findById(otherCommunityId);
        return other != null && other.groupId() == c.groupId();
    }

    /** The due columns; Hibernate reads an all-null embeddable back as null. */
    private static PeriodColumns due(Task t) {
        return t.due == null ? new PeriodColumns() : t.due;
    }

    private static Task.Status status(String value) {
        try {
            return value == null ? null : Task.Status.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long id(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long id(List<Violation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            violations.add(new Violation(field, Violation.Code.INVALID_CHOICE, 0));
            return null;
        }
    }

    private static String openOnly(boolean all) {
        return all ? "" : " and t.status in ('OPEN', 'IN_PROGRESS')";
    }

    private static <T> List<T> capped(List<T> rows) {
        return rows.size() > LIST_LIMIT ? rows.subList(0, LIST_LIMIT) : rows;
    }

    private List<Row> rows(String where, Map<String, ?> params, LocalDate today) {
        var query = em.createNativeQuery("""
                select t.id, t.title, t.status, t.period_text, t.period_kind, t.period_end,
                       a.display_name as assignee, c.slug, c.name_es, c.name_pt, c.name_en,
                       coalesce(t.status in ('OPEN', 'IN_PROGRESS') and t.period_kind not in ('TO_BE_DEFINED', 'CONTINUING')
                                and t.period_end < :today, false) as overdue
                from task t
                join community c on c.id = t.community_id
                left join member a on a.id = t.assignee_id
                where %s
                order by overdue desc, t.period_end nulls last, t.id
                limit %d""".formatted(where, LIST_LIMIT + 1), Tuple.class);
        params.forEach(query::setParameter);
        query.setParameter("today", today);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(r -> {
            String kind = r.get("period_kind", String.class);
            LocalDate end = SqlValues.date(r.get("period_end"));
            return new Row(((Number) r.get("id")).longValue(), r.get("title", String.class),
                    r.get("assignee", String.class), r.get("period_text", String.class),
                    "CONTINUING".equals(kind) ? null : end, Boolean.TRUE.equals(r.get("overdue")),
                    Task.Status.valueOf(r.get("status", String.class)), r.get("slug", String.class),
                    new Localized(r.get("name_es", String.class), r.get("name_pt", String.class),
                            r.get("name_en", String.class)));
        }).toList();
    }
}
