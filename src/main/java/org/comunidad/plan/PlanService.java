package org.comunidad.plan;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.Country;
import org.comunidad.member.Member;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.Links;

import io.quarkus.qute.i18n.MessageBundles;

/**
 * A group's plans and its subgroups' annual work plans: the list, the plan page (the tree with
 * each level's name and every figure with how it was computed, from {@link PlanTree}), the annual
 * plan page, creating and editing plans and items, the focal points' quick progress form,
 * validation, and the history kept after it ({@link PlanHistory}). Each method is one transaction
 * that finds the community and the plan through {@link Plans}; who may do what is
 * {@link PlanAccess}. Every page runs a fixed number of statements whatever the number of items.
 */
@ApplicationScoped
public class PlanService {

    /** How many history lines the history page shows. */
    public static final int HISTORY_LIMIT = 500;
    /** How many members the form offers as the responsible person. */
    public static final int PEOPLE_MAX = 1000;

    // ---------------------------------------------------------------- inputs

    /** What the plan form (and the API) sends; scheme: a scheme's code. */
    public record PlanInput(String title, String scheme, String startYear, String endYear) {
    }

    /**
     * What the item form (and the API) sends, as typed. period: as people write it (Periods);
     * budgetCurrency: ISO 4217; country: ISO 3166 code; responsible: a member's id; community: the
     * subgroup owning a new specific objective; year: the id of an annual plan of the item's
     * community. A field left null keeps the stored value (the API's partial update).
     */
    public record ItemInput(String title, String description, String period, String budgetAmount,
            String budgetCurrency, String funding, String country, String responsible, String weight,
            String startYear, String durationYears, String status, String progress, String community, String year) {
    }

    // ---------------------------------------------------------------- views

    /** A choice of a form: its value and label. */
    public record Choice(String value, String label) {
    }

    /** The plan as its pages head it. */
    public record PlanHead(long id, String title, int startYear, int endYear, PlanStatus status, String scheme,
            String validatedBy, OffsetDateTime validatedAt) {
        public boolean validated() {
            return status == PlanStatus.VALIDATED;
        }
    }

    /** One child's share in a figure: its title, figure (null: none), weight, and whether it was left out. */
    public record ShareView(long id, String title, BigDecimal figure, BigDecimal weight, boolean excluded,
            boolean cancelled) {
    }

    /**
     * An item on the plan page. level: its level's name in the viewer's language; figure: its rolled-up
     * figure (null: none, as when cancelled); basis: how it was computed; shares: the children's
     * figures and weights (basis MEAN).
     */
    public record NodeView(long id, Long parentId, int depth, String level, String title, String description, String period,
            boolean overdue, String owner, Long yearId, Integer year, Integer startYear, Integer durationYears,
            String budget, String funding, String responsible, ItemStatus status, int progress, BigDecimal weight,
            BigDecimal figure, Rollup.Result.Basis basis, List<ShareView> shares, boolean leaf, boolean canEdit,
            boolean canAddChild, boolean canProgress, String formId, String taskLink) {
        public boolean cancelled() {
            return status == ItemStatus.CANCELLED;
        }

        public boolean weighted() {
            return weight.compareTo(BigDecimal.ONE) != 0;
        }
    }

    /** An annual plan in a list: the community, year, status and number of items it schedules. */
    public record YearRow(long id, long communityId, String community, int year, PlanStatus status, long items) {
        public boolean validated() {
            return status == PlanStatus.VALIDATED;
        }
    }

    /** A plan in the list: its figure (the whole plan, or from a subgroup's address, the subgroup's branch). */
    public record PlanRow(PlanHead plan, BigDecimal figure, List<ShareView> branch, List<YearRow> years) {
    }

    public record ListPage(Community community, boolean subgroup, List<PlanRow> plans, boolean canCreate) {
    }

    public record PlanPage(Community community, PlanHead plan, List<NodeView> nodes, BigDecimal figure,
            List<ShareView> shares, List<YearRow> years, List<Choice> yearCommunities, List<Integer> yearChoices,
            boolean canEdit, boolean canValidate, boolean canAddTop, boolean canCreateYear, String reportLink) {

        /** Those who draft an annual plan somewhere in the group import one. */
        public boolean canImport() {
            return canCreateYear;
        }
    }

    /** An activity of an annual plan, as its table shows it. */
    public record ActivityRow(long id, String parent, String level, String title, String period, boolean overdue,
            String budget, String funding, String responsible, ItemStatus status, int progress, BigDecimal figure,
            boolean leaf, boolean canProgress, String formId, String taskLink) {
    }

    /** canImport: the viewer drafts this annual plan (the import form adds to it). */
    public record YearPage(Community community, PlanHead plan, YearRow year, List<ActivityRow> rows,
            BigDecimal figure, boolean canValidate, List<ItemStatus> statuses, boolean canImport) {
    }

    /** The plan form: the schemes offered (the forum's first, selected by default) and the stored values. */
    public record PlanForm(Community community, Long planId, List<Choice> schemes, Map<String, String> stored) {
        public boolean editing() {
            return planId != null;
        }

        public String stored(String field) {
            return stored.getOrDefault(field, "");
        }
    }

    /**
     * The item form. parentTitle: where a new item goes; level: the new or edited item's level name;
     * subgroupLevel: the community must be chosen (a specific objective); leaf: progress may be typed;
     * canWeight: the coordinator may set a weight.
     */
    public record ItemForm(Community community, PlanHead plan, Long itemId, Long parentId, String parentTitle,
            String level, boolean subgroupLevel, boolean leaf, boolean canWeight, List<Choice> communities,
            List<Choice> years, List<Choice> countries, List<Choice> people, List<ItemStatus> statuses,
            Map<String, String> stored) {
        public boolean editing() {
            return itemId != null;
        }

        public String stored(String field) {
            return stored.getOrDefault(field, "");
        }
    }

    /** A line of the history: who, when, what, on which item, the field, before and after. */
    public record ChangeRow(OffsetDateTime at, String actor, PlanChange.Action action, Long itemId, String item,
            String field, String before, String after, String year) {
    }

    public record HistoryPage(Community community, PlanHead plan, List<ChangeRow> changes) {
    }

    @Inject
    Plans plans;

    @Inject
    EntityManager em;

    @Inject
    PlanHistory history;

    // ---------------------------------------------------------------- the list

    @Transactional
    public Optional<ListPage> list(Viewer viewer, CommunityRef ref, String language) {
        return plans.community(viewer, ref).map(community -> {
            long groupId = community.groupId();
            List<Plan> all = Plan.ofGroup(groupId);
            Map<Long, PlanTree> trees = PlanTree.loadAll(em, all.stream().map(p -> p.id).toList());
            Map<Long, List<YearRow>> years = yearRows(all.stream().map(p -> p.id).toList(),
                    community.isGroup() ? null : community.id, language);
            List<PlanRow> rows = new ArrayList<>();
            for (Plan p : all) {
                PlanTree tree = trees.get(p.id);
                BigDecimal figure;
                List<ShareView> branch = List.of();
                if (community.isGroup()) {
                    figure = tree.whole().figure();
                } else {
                    List<PlanTree.Node> roots = tree.ownedBy(community.id).stream().filter(n -> n.parentId == null
                            || tree.node(n.parentId) == null || tree.node(n.parentId).communityId != community.id).toList();
                    branch = roots.stream().map(n -> new ShareView(n.id, n.title, n.figure(), n.weight,
                            n.figure() == null, n.status == ItemStatus.CANCELLED)).toList();
                    figure = roots.size() == 1 ? roots.get(0).figure() : null;
                }
                rows.add(new PlanRow(head(p, null), figure, branch, years.getOrDefault(p.id, List.of())));
            }
            return new ListPage(community, !community.isGroup(), rows, PlanAccess.coordinates(viewer, community));
        });
    }

    /** The annual plans of the plans (of one community when given), with their items counted, in one statement. */
    private Map<Long, List<YearRow>> yearRows(List<Long> planIds, Long communityId, String language) {
        Map<Long, List<YearRow>> byPlan = new HashMap<>();
        if (planIds.isEmpty()) {
            return byPlan;
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select y.id, y.plan_id, y.community_id, c.name_es, c.name_pt, c.name_en, y.year, y.status,
                       (select count(*) from plan_item i where i.plan_year_id = y.id) as items
                from plan_year y join community c on c.id = y.community_id
                where y.plan_id in (:plans) and (cast(:community as bigint) is null or y.community_id = :community)
                order by y.year desc, c.parent_id nulls first, c.position, c.id
                """, Tuple.class).setParameter("plans", planIds).setParameter("community", communityId).getResultList();
        for (Tuple r : rows) {
            byPlan.computeIfAbsent(((Number) r.get("plan_id")).longValue(), k -> new ArrayList<>())
                    .add(new YearRow(((Number) r.get("id")).longValue(), ((Number) r.get("community_id")).longValue(),
                            new org.comunidad.platform.persistence.Localized(r.get("name_es", String.class),
                                    r.get("name_pt", String.class), r.get("name_en", String.class)).in(language),
                            ((Number) r.get("year")).intValue(), PlanStatus.valueOf(r.get("status", String.class)),
                            ((Number) r.get("items")).longValue()));
        }
        return byPlan;
    }

    // ---------------------------------------------------------------- plans

    @Transactional
    public Optional<PlanForm> newForm(Viewer viewer, CommunityRef ref, String language) {
        return plans.community(viewer, ref).map(community -> {
            requireCoordinator(viewer, community);
            Community group = group(community);
            PlanScheme preferred = PlanScheme.forForum(group.forum.id);
            int year = LocalDate.now().getYear();
            return new PlanForm(community, null, schemes(preferred, language),
                    Map.of("scheme", preferred.code, "startYear", String.valueOf(year), "endYear",
                            String.valueOf(year + 4)));
        });
    }

    @Transactional
    public Optional<Plan> create(Viewer viewer, CommunityRef ref, PlanInput input) {
        return plans.community(viewer, ref).map(community -> {
            requireCoordinator(viewer, community);
            List<Violation> violations = new ArrayList<>();
            Plan plan = new Plan();
            plan.community = group(community);
            plan.scheme = PlanScheme.byCode(input.scheme() == null ? "" : input.scheme().trim()).orElse(null);
            if (plan.scheme == null) {
                violations.add(new Violation("scheme", Violation.Code.INVALID_CHOICE, 0));
            }
            readPlan(plan, input, violations);
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
            plan.createdBy = em.getReference(Member.class, viewer.memberId());
            plan.persist();
            AuditLog.record(viewer.memberId(), plan.community.id, PlanAudit.Action.PLAN_CREATE.name(), "plan", plan.id,
                    plan.title);
            return plan;
        });
    }

    @Transactional
    public Optional<PlanForm> editForm(Viewer viewer, CommunityRef ref, long planId, String language) {
        return plans.plan(viewer, ref, planId).map(f -> {
            requireCoordinator(viewer, f.community());
            Plan p = f.plan();
            return new PlanForm(f.community(), p.id, List.of(new Choice(p.scheme.code, levels(p.scheme, language))),
                    Map.of("title", p.title, "scheme", p.scheme.code, "startYear", String.valueOf(p.startYear),
                            "endYear", String.valueOf(p.endYear)));
        });
    }

    @Transactional
    public Optional<Plan> edit(Viewer viewer, CommunityRef ref, long planId, PlanInput input) {
        return plans.plan(viewer, ref, planId).map(f -> {
            requireCoordinator(viewer, f.community());
            Plan p = f.plan();
            String title = p.title;
            int start = p.startYear;
            int end = p.endYear;
            List<Violation> violations = new ArrayList<>();
            readPlan(p, input, violations);
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
            Member actor = em.getReference(Member.class, viewer.memberId());
            history.planChanged(p, actor, "title", title, p.title);
            history.planChanged(p, actor, "years", start + "-" + end, p.startYear + "-" + p.endYear);
            p.updatedAt = OffsetDateTime.now();
            return p;
        });
    }

    @Transactional
    public Optional<Plan> validate(Viewer viewer, CommunityRef ref, long planId) {
        return plans.plan(viewer, ref, planId).map(f -> {
            requireCoordinator(viewer, f.community());
            Plan p = f.plan();
            if (p.isValidated()) {
                throw new Refused(PlanRefusal.ALREADY_VALIDATED);
            }
            Member actor = em.getReference(Member.class, viewer.memberId());
            p.status = PlanStatus.VALIDATED;
            p.validatedBy = actor;
            p.validatedAt = OffsetDateTime.now();
            history.validated(p, null, actor);
            AuditLog.record(viewer.memberId(), p.community.id, PlanAudit.Action.PLAN_VALIDATE.name(), "plan", p.id,
                    p.title);
            return p;
        });
    }

    private static void readPlan(Plan plan, PlanInput input, List<Violation> violations) {
        String title = input.title() == null ? "" : input.title().strip();
        if (title.isEmpty()) {
            violations.add(Violation.required("title"));
        } else if (title.length() > Plan.TITLE_MAX) {
            violations.add(Violation.tooLong("title", Plan.TITLE_MAX));
        }
        Integer start = year(input.startYear(), "startYear", violations);
        Integer end = year(input.endYear(), "endYear", violations);
        if (start != null && end != null && (end < start || end > start + Plan.YEARS_MAX - 1)) {
            violations.add(new Violation("endYear", PlanViolation.INVALID_YEARS, Plan.YEARS_MAX));
        }
        plan.title = title;
        if (start != null) {
            plan.startYear = start;
        }
        if (end != null) {
            plan.endYear = end;
        }
    }

    private static Integer year(String typed, String field, List<Violation> violations) {
        if (typed == null || typed.isBlank()) {
            violations.add(Violation.required(field));
            return null;
        }
        try {
            int y = Integer.parseInt(typed.strip());
            if (y < 2000 || y > 2100) {
                violations.add(new Violation(field, Violation.Code.INVALID_VALUE, 0));
                return null;
            }
            return y;
        } catch (NumberFormatException e) {
            violations.add(Violation.invalidValue(field));
            return null;
        }
    }

    // ---------------------------------------------------------------- the plan page

    @Transactional
    public Optional<PlanPage> page(Viewer viewer, CommunityRef ref, long planId, Locale locale) {
        return plans.plan(viewer, ref, planId).map(f -> {
            String language = locale.getLanguage();
            Plan p = f.plan();
            Map<Long, Community> owners = communities(p.community.id);
            PlanTree tree = PlanTree.load(em, p.id);
            LocalDate today = LocalDate.now();
            List<NodeView> nodes = new ArrayList<>();
            int leafDepth = p.scheme.leafDepth();
            for (PlanTree.Node n : tree.inOrder()) {
                nodes.add(node(viewer, p, n, tree, owners, today, language, locale, leafDepth));
            }
            boolean coordinates = PlanAccess.coordinates(viewer, f.community());
            List<YearRow> years = yearRows(List.of(p.id), null, language).getOrDefault(p.id, List.of());
            List<Choice> yearCommunities = owners.values().stream().filter(c -> PlanAccess.draftsYear(viewer, c))
                    .map(c -> new Choice(String.valueOf(c.id), c.name.in(language))).toList();
            List<Integer> yearChoices = new ArrayList<>();
            for (int y = p.startYear; y <= p.endYear; y++) {
                yearChoices.add(y);
            }
            return new PlanPage(f.community(), head(p, language), nodes, tree.whole().figure(),
                    shares(tree.whole(), tree), years, yearCommunities, yearChoices, coordinates, coordinates
                            && !p.isValidated(),
                    coordinates, !yearCommunities.isEmpty(),
                    PlanAccess.reports(viewer, f.community()) ? Links.community(p.community.slug, "report") : null);
        });
    }

    private NodeView node(Viewer viewer, Plan p, PlanTree.Node n, PlanTree tree, Map<Long, Community> owners,
            LocalDate today, String language, Locale locale, int leafDepth) {
        Community owner = owners.get(n.communityId);
        boolean edits = owner != null && PlanAccess.edits(viewer, owner);
        boolean reports = owner != null && PlanAccess.reportsProgress(viewer, owner, n.responsibleId);
        return new NodeView(n.id, n.parentId, n.depth, levelName(p.scheme, n.depth, language), n.title, n.description,
                n.period == null ? null : n.period.written(), n.overdueOn(today), n.communityName.in(language),
                n.yearId, n.year, n.startYear, n.durationYears, budget(n.budget, n.currency, locale), n.funding,
                responsible(n.responsibleName, n.countryName == null ? null : n.countryName.in(language)), n.status,
                n.progress, n.weight, n.figure(), n.rollup().basis(), shares(n.rollup(), tree), n.isLeaf(), edits,
                edits && n.depth < leafDepth, reports && n.isLeaf(), "progress-" + n.id, taskLink(viewer, owner, n));
    }

    /** "Make it a task" for an item without children, where the viewer may create tasks in its community. */
    private static String taskLink(Viewer viewer, Community owner, PlanTree.Node n) {
        return owner != null && n.isLeaf() && n.status.isOpen() && PlanAccess.createsTask(viewer, owner)
                ? Links.community(owner.slug, "tasks", "new") + "?item=" + n.id
                : null;
    }

    private static List<ShareView> shares(Rollup.Result result, PlanTree tree) {
        return result.shares().stream().map(s -> {
            PlanTree.Node child = tree.node(s.id());
            return new ShareView(s.id(), child.title, s.figure(), s.weight(), s.excluded(),
                    child.status == ItemStatus.CANCELLED);
        }).toList();
    }

    static String levelName(PlanScheme scheme, int depth, String language) {
        return scheme.level(depth).map(l -> l.name.in(language)).orElse(String.valueOf(depth));
    }

    static String budget(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount) + " " + currency;
    }

    private static String responsible(String name, String country) {
        if (name == null && country == null) {
            return null;
        }
        return name == null ? country : country == null ? name : name + " (" + country + ")";
    }

    // ---------------------------------------------------------------- annual plans

    @Transactional
    public Optional<PlanYear> createYear(Viewer viewer, CommunityRef ref, long planId, String communityId,
            String yearText) {
        return plans.plan(viewer, ref, planId).map(f -> {
            Plan p = f.plan();
            Map<Long, Community> owners = communities(p.community.id);
            List<Violation> violations = new ArrayList<>();
            Community community = null;
            try {
                community = owners.get(Long.parseLong(communityId == null ? "" : communityId.strip()));
            } catch (NumberFormatException e) {
                // below
            }
            if (community == null) {
                violations.add(new Violation("community", Violation.Code.INVALID_CHOICE, 0));
            } else if (!PlanAccess.draftsYear(viewer, community)) {
                throw new Refused(PlanRefusal.NOT_EDITOR);
            }
            Integer year = year(yearText, "year", violations);
            if (year != null && !p.covers(year)) {
                violations.add(new Violation("year", PlanViolation.YEAR_OUTSIDE_PLAN, 0));
            }
            if (violations.isEmpty() && PlanYear.of(p.id, community.id, year).isPresent()) {
                violations.add(new Violation("year", PlanViolation.YEAR_EXISTS, 0));
            }
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
            PlanYear y = new PlanYear();
            y.plan = p;
            y.community = community;
            y.year = year;
            y.createdBy = em.getReference(Member.class, viewer.memberId());
            y.persist();
            return y;
        });
    }

    @Transactional
    public Optional<YearPage> year(Viewer viewer, CommunityRef ref, long planId, long yearId, Locale locale) {
        return plans.year(viewer, ref, planId, yearId).map(f -> {
            String language = locale.getLanguage();
            Plan p = f.plan();
            PlanYear y = f.year();
            Map<Long, Community> owners = communities(p.community.id);
            PlanTree tree = PlanTree.load(em, p.id);
            LocalDate today = LocalDate.now();
            List<ActivityRow> rows = new ArrayList<>();
            for (PlanTree.Node n : tree.inOrder()) {
                if (n.yearId == null || n.yearId != y.id.longValue()) {
                    continue;
                }
                Community owner = owners.get(n.communityId);
                PlanTree.Node parent = n.parentId == null ? null : tree.node(n.parentId);
                rows.add(new ActivityRow(n.id, parent == null ? null : parent.title, levelName(p.scheme, n.depth, language),
                        n.title, n.period == null ? null : n.period.written(), n.overdueOn(today),
                        budget(n.budget, n.currency, locale), n.funding,
                        responsible(n.responsibleName, n.countryName == null ? null : n.countryName.in(language)),
                        n.status, n.progress, n.figure(), n.isLeaf(),
                        owner != null && n.isLeaf() && PlanAccess.reportsProgress(viewer, owner, n.responsibleId),
                        "progress-" + n.id, taskLink(viewer, owner, n)));
            }
            BigDecimal figure = tree.annual(y.id).figure();
            YearRow head = new YearRow(y.id, y.community.id, y.community.name.in(language), y.year, y.status, rows.size());
            return new YearPage(f.community(), head(p, language), head, rows, figure,
                    PlanAccess.coordinates(viewer, f.community()) && !y.isValidated(), List.of(ItemStatus.values()),
                    PlanAccess.draftsYear(viewer, y.community));
        });
    }

    @Transactional
    public Optional<PlanYear> validateYear(Viewer viewer, CommunityRef ref, long planId, long yearId) {
        return plans.year(viewer, ref, planId, yearId).map(f -> {
            requireCoordinator(viewer, f.community());
            PlanYear y = f.year();
            if (y.isValidated()) {
                throw new Refused(PlanRefusal.ALREADY_VALIDATED);
            }
            Member actor = em.getReference(Member.class, viewer.memberId());
            y.status = PlanStatus.VALIDATED;
            y.validatedBy = actor;
            y.validatedAt = OffsetDateTime.now();
            y.updatedAt = OffsetDateTime.now();
            history.validated(f.plan(), y, actor);
            AuditLog.record(viewer.memberId(), f.plan().community.id, PlanAudit.Action.PLAN_YEAR_VALIDATE.name(),
                    "plan_year", y.id, f.plan().title + " · " + y.year);
            return y;
        });
    }

    // ---------------------------------------------------------------- items

    /** Where a new item goes: under {@code parent} (null: at the top), owned by {@code owner}, at {@code depth}. */
    private record Placement(PlanItem parent, Community owner, int depth) {
    }

    /**
     * The place of a new item under {@code parentId} within the plan (empty: no such item there, 404),
     * for a viewer who edits there (else refused: the coordinator alone adds at the top).
     */
    private static Optional<Placement> placement(Viewer viewer, Plan p, Long parentId) {
        PlanItem parent = null;
        if (parentId != null) {
            parent = PlanItem.<PlanItem> findByIdOptional(parentId).filter(i -> i.plan.id.equals(p.id)).orElse(null);
            if (parent == null) {
                return Optional.empty();
            }
        }
        Community owner = parent == null ? p.community : parent.community;
        if (!PlanAccess.edits(viewer, owner)) {
            throw new Refused(parent == null ? PlanRefusal.NOT_COORDINATOR : PlanRefusal.NOT_EDITOR);
        }
        return Optional.of(new Placement(parent, owner, parent == null ? 1 : parent.depth + 1));
    }

    /** The form of a new item under {@code parentId} (null: a top-level item). */
    @Transactional
    public Optional<ItemForm> newItemForm(Viewer viewer, CommunityRef ref, long planId, Long parentId, Locale locale) {
        return plans.plan(viewer, ref, planId).flatMap(f -> {
            Plan p = f.plan();
            Optional<Placement> at = placement(viewer, p, parentId);
            if (at.isEmpty()) {
                return Optional.empty();
            }
            PlanItem parent = at.get().parent();
            Community owner = at.get().owner();
            int depth = at.get().depth();
            if (depth > p.scheme.leafDepth()) {
                throw new InvalidInput(List.of(new Violation("parent", PlanViolation.NO_LEVEL_BELOW, 0)));
            }
            Map<String, String> stored = new HashMap<>();
            stored.put("status", ItemStatus.PLANNED.name());
            stored.put("progress", "0");
            stored.put("weight", "1");
            if (parent != null && parent.planYear != null) {
                stored.put("year", String.valueOf(parent.planYear.id));
            }
            return Optional.of(itemForm(viewer, f.community(), p, null, parent, depth, true, stored, locale));
        });
    }

    @Transactional
    public Optional<ItemForm> editItemForm(Viewer viewer, CommunityRef ref, long planId, long itemId, Locale locale) {
        return plans.item(viewer, ref, planId, itemId).map(f -> {
            PlanItem i = f.item();
            if (!PlanAccess.edits(viewer, i.community)) {
                throw new Refused(PlanRefusal.NOT_EDITOR);
            }
            boolean leaf = PlanItem.count("parent.id", i.id) == 0;
            Map<String, String> stored = new HashMap<>();
            stored.put("title", i.title);
            put(stored, "description", i.description);
            put(stored, "period", i.period.text);
            put(stored, "budgetAmount", i.budgetAmount == null ? null : i.budgetAmount.toPlainString());
            put(stored, "budgetCurrency", i.budgetCurrency);
            put(stored, "funding", i.fundingSource);
            put(stored, "country", i.responsibleCountry == null ? null : i.responsibleCountry.code);
            put(stored, "responsible", i.responsible == null ? null : String.valueOf(i.responsible.id));
            stored.put("weight", i.weight.stripTrailingZeros().toPlainString());
            put(stored, "startYear", i.startYear == null ? null : String.valueOf(i.startYear));
            put(stored, "durationYears", i.durationYears == null ? null : String.valueOf(i.durationYears));
            stored.put("status", i.status.name());
            stored.put("progress", String.valueOf(i.progress));
            stored.put("community", String.valueOf(i.community.id));
            put(stored, "year", i.planYear == null ? null : String.valueOf(i.planYear.id));
            return itemForm(viewer, f.community(), f.plan(), i, i.parent, i.depth, leaf, stored, locale);
        });
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private ItemForm itemForm(Viewer viewer, Community community, Plan p, PlanItem item, PlanItem parent, int depth,
            boolean leaf, Map<String, String> stored, Locale locale) {
        String language = locale.getLanguage();
        Map<Long, Community> owners = communities(p.community.id);
        boolean subgroupLevel = item == null && p.scheme.level(depth).map(l -> l.subgroupOwned).orElse(false);
        List<Choice> communities = owners.values().stream().filter(c -> !c.isGroup())
                .map(c -> new Choice(String.valueOf(c.id), c.name.in(language))).toList();
        List<Choice> years = PlanYear.ofPlan(p.id).stream().map(y -> new Choice(String.valueOf(y.id),
                y.year + " · " + y.community.name.in(language))).toList();
        List<Choice> countries = Country.all().stream().map(c -> new Choice(c.code, c.name.in(language))).toList();
        @SuppressWarnings("unchecked")
        List<Tuple> people = em.createNativeQuery("""
                select distinct m.id, m.display_name from member m join membership ms on ms.member_id = m.id
                where ms.community_id in (:ids) order by m.display_name, m.id limit %d""".formatted(PEOPLE_MAX),
                Tuple.class).setParameter("ids", owners.keySet()).getResultList();
        return new ItemForm(community, head(p, language), item == null ? null : item.id,
                parent == null ? null : parent.id, parent == null ? null : parent.title,
                levelName(p.scheme, depth, language), subgroupLevel, leaf, PlanAccess.coordinates(viewer, p.community),
                communities, years, countries,
                people.stream().map(t -> new Choice(String.valueOf(((Number) t.get(0)).longValue()), t.get(1, String.class)))
                        .toList(),
                List.of(ItemStatus.values()), stored);
    }

    @Transactional
    public Optional<PlanItem> createItem(Viewer viewer, CommunityRef ref, long planId, Long parentId, ItemInput input) {
        return plans.plan(viewer, ref, planId).flatMap(f -> {
            Plan p = f.plan();
            Optional<Placement> at = placement(viewer, p, parentId);
            if (at.isEmpty()) {
                return Optional.empty();
            }
            PlanItem parent = at.get().parent();
            Community owner = at.get().owner();
            int depth = at.get().depth();
            List<Violation> violations = new ArrayList<>();
            if (depth > p.scheme.leafDepth()) {
                violations.add(new Violation("parent", PlanViolation.NO_LEVEL_BELOW, 0));
            }
            PlanItem item = new PlanItem();
            item.plan = p;
            item.parent = parent;
            item.depth = (short) depth;
            item.community = owner;
            Map<Long, Community> owners = communities(p.community.id);
            if (p.scheme.level(depth).map(l -> l.subgroupOwned).orElse(false)) {
                Community chosen = choose(owners, input.community());
                if (chosen == null || chosen.isGroup()) {
                    violations.add(new Violation("community", Violation.Code.INVALID_CHOICE, 0));
                } else {
                    item.community = chosen;
                }
            }
            item.position = (int) PlanItem.count("plan.id = ?1 and parent " + (parent == null ? "is null" : "= ?2"),
                    parent == null ? new Object[] { p.id } : new Object[] { p.id, parent });
            read(viewer, item, input, true, violations);
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
            Member actor = em.getReference(Member.class, viewer.memberId());
            item.createdBy = actor;
            item.persist();
            history.created(item, actor);
            return Optional.of(item);
        });
    }

    private static Community choose(Map<Long, Community> owners, String id) {
        try {
            return id == null || id.isBlank() ? null : owners.get(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Transactional
    public Optional<PlanItem> saveItem(Viewer viewer, CommunityRef ref, long planId, long itemId, ItemInput input,
            Locale locale) {
        return plans.item(viewer, ref, planId, itemId).map(f -> {
            PlanItem i = f.item();
            if (!PlanAccess.edits(viewer, i.community)) {
                throw new Refused(PlanRefusal.NOT_EDITOR);
            }
            Map<String, String> before = shown(i, locale);
            PlanYear yearBefore = i.planYear;
            List<Violation> violations = new ArrayList<>();
            read(viewer, i, input, PlanItem.count("parent.id", i.id) == 0, violations);
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
            i.updatedAt = OffsetDateTime.now();
            Member actor = em.getReference(Member.class, viewer.memberId());
            Map<String, String> after = shown(i, locale);
            before.forEach((field, value) -> history.changed(i, yearBefore, actor, field, value, after.get(field)));
            return i;
        });
    }

    /** The quick form: status and progress of an item without children. */
    @Transactional
    public Optional<PlanItem> progress(Viewer viewer, CommunityRef ref, long planId, long itemId, String status,
            String progress) {
        return plans.item(viewer, ref, planId, itemId).map(f -> {
            PlanItem i = f.item();
            Long responsible = i.responsible == null ? null : i.responsible.id;
            if (!PlanAccess.reportsProgress(viewer, i.community, responsible)) {
                throw new Refused(PlanRefusal.NOT_REPORTER);
            }
            List<Violation> violations = new ArrayList<>();
            if (PlanItem.count("parent.id", i.id) > 0) {
                violations.add(new Violation("progress", PlanViolation.PARENT_PROGRESS, 0));
                throw new InvalidInput(violations);
            }
            ItemStatus oldStatus = i.status;
            int oldProgress = i.progress;
            ItemStatus newStatus = status(status, violations);
            Integer newProgress = progress == null || progress.isBlank()
                    ? (newStatus == ItemStatus.DONE ? Integer.valueOf(100) : Integer.valueOf(i.progress))
                    : percent(progress, violations);
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
            i.status = newStatus;
            i.progress = newProgress.shortValue();
            i.updatedAt = OffsetDateTime.now();
            Member actor = em.getReference(Member.class, viewer.memberId());
            history.changed(i, i.planYear, actor, "status", oldStatus.name(), i.status.name());
            history.changed(i, i.planYear, actor, "progress", String.valueOf(oldProgress), String.valueOf(i.progress));
            return i;
        });
    }

    @Transactional
    public Optional<Plan> deleteItem(Viewer viewer, CommunityRef ref, long planId, long itemId) {
        return plans.item(viewer, ref, planId, itemId).map(f -> {
            PlanItem i = f.item();
            if (!PlanAccess.edits(viewer, i.community)) {
                throw new Refused(PlanRefusal.NOT_EDITOR);
            }
            history.deleted(i, em.getReference(Member.class, viewer.memberId()));
            AuditLog.record(viewer.memberId(), f.plan().community.id, PlanAudit.Action.PLAN_ITEM_DELETE.name(),
                    "plan_item", i.id, i.title);
            // The database removes the branch under it (on delete cascade) and unlinks its tasks.
            em.flush();
            em.createNativeQuery("delete from plan_item where id = :id").setParameter("id", i.id).executeUpdate();
            em.detach(i);
            return f.plan();
        });
    }

    /** The item's fields as pages show them, for the history (before and after). */
    private static Map<String, String> shown(PlanItem i, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", i.title);
        m.put("description", i.description);
        m.put("period", i.period.text);
        m.put("budget", i.budgetAmount == null ? null : i.budgetAmount.toPlainString() + " " + i.budgetCurrency);
        m.put("funding", i.fundingSource);
        m.put("country", i.responsibleCountry == null ? null : i.responsibleCountry.code);
        m.put("responsible", i.responsible == null ? null : i.responsible.displayName);
        m.put("weight", i.weight.stripTrailingZeros().toPlainString());
        m.put("startYear", i.startYear == null ? null : String.valueOf(i.startYear));
        m.put("durationYears", i.durationYears == null ? null : String.valueOf(i.durationYears));
        m.put("status", i.status.name());
        m.put("progress", String.valueOf(i.progress));
        m.put("year", i.planYear == null ? null : String.valueOf(i.planYear.year));
        return m;
    }

    /** Reads the item form into the item; a null field keeps its value (the API's partial update). */
    private void read(Viewer viewer, PlanItem i, ItemInput in, boolean leaf, List<Violation> violations) {
        if (in.title() != null || i.title == null) {
            String title = in.title() == null ? "" : in.title().strip();
            if (title.isEmpty()) {
                violations.add(Violation.required("title"));
            } else if (title.length() > PlanItem.TITLE_MAX) {
                violations.add(Violation.tooLong("title", PlanItem.TITLE_MAX));
            }
            i.title = title;
        }
        if (in.description() != null) {
            String d = in.description().strip();
            if (d.length() > PlanItem.DESCRIPTION_MAX) {
                violations.add(Violation.tooLong("description", PlanItem.DESCRIPTION_MAX));
            }
            i.description = d.isEmpty() ? null : d;
        }
        if (in.period() != null) {
            String written = in.period().strip();
            if (written.isEmpty()) {
                i.period = new PeriodColumns();
            } else if (written.length() > PeriodColumns.TEXT_MAX) {
                violations.add(Violation.tooLong("period", PeriodColumns.TEXT_MAX));
            } else {
                Periods.Reading reading = Periods.read(written);
                if (reading.ok()) {
                    i.period = PeriodColumns.of(reading.period());
                } else {
                    violations.add(new Violation("period", PlanViolation.INVALID_PERIOD, 0));
                }
            }
        }
        if (in.budgetAmount() != null || in.budgetCurrency() != null) {
            String amount = in.budgetAmount() == null ? (i.budgetAmount == null ? "" : i.budgetAmount.toPlainString())
                    : in.budgetAmount().strip().replace(" ", "");
            String currency = in.budgetCurrency() == null ? (i.budgetCurrency == null ? "" : i.budgetCurrency)
                    : in.budgetCurrency().strip().toUpperCase(Locale.ROOT);
            if (amount.isEmpty()) {
                i.budgetAmount = null;
                i.budgetCurrency = null;
                if (!currency.isEmpty() && !isCurrency(currency)) {
                    violations.add(new Violation("budgetCurrency", PlanViolation.INVALID_CURRENCY, 0));
                }
            } else {
                BigDecimal value = null;
                try {
                    value = new BigDecimal(amount.replace(",", "."));
                } catch (NumberFormatException e) {
                    // below
                }
                if (value == null || value.signum() < 0 || value.scale() > 2 || value.precision() - value.scale() > 14) {
                    violations.add(new Violation("budgetAmount", PlanViolation.INVALID_AMOUNT, 0));
                }
                if (currency.isEmpty()) {
                    violations.add(new Violation("budgetCurrency", PlanViolation.CURRENCY_REQUIRED, 0));
                } else if (!isCurrency(currency)) {
                    violations.add(new Violation("budgetCurrency", PlanViolation.INVALID_CURRENCY, 0));
                }
                i.budgetAmount = value == null || value.scale() > 2 ? value : value.setScale(2);
                i.budgetCurrency = currency;
            }
        }
        if (in.funding() != null) {
            String funding = in.funding().strip();
            if (funding.length() > PlanItem.FUNDING_MAX) {
                violations.add(Violation.tooLong("funding", PlanItem.FUNDING_MAX));
            }
            i.fundingSource = funding.isEmpty() ? null : funding;
        }
        if (in.country() != null) {
            String code = in.country().strip().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                i.responsibleCountry = null;
            } else {
                Country c = Country.findById(code);
                if (c == null) {
                    violations.add(new Violation("country", Violation.Code.INVALID_CHOICE, 0));
                }
                i.responsibleCountry = c;
            }
        }
        if (in.responsible() != null) {
            String id = in.responsible().strip();
            if (id.isEmpty()) {
                i.responsible = null;
            } else {
                Member m = null;
                try {
                    long memberId = Long.parseLong(id);
                    Number found = (Number) em.createNativeQuery("""
                            select count(*) from membership ms join community c on c.id = ms.community_id
                            where ms.member_id = :m and (c.id = :g or c.parent_id = :g)""")
                            .setParameter("m", memberId).setParameter("g", i.plan.community.id)
                            // Not flushed first: the item may hold values this form will refuse.
                            .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getSingleResult();
                    if (found.longValue() > 0) {
                        m = em.find(Member.class, memberId);
                    }
                } catch (NumberFormatException e) {
                    // below
                }
                if (m == null) {
                    violations.add(new Violation("responsible", Violation.Code.INVALID_CHOICE, 0));
                }
                i.responsible = m;
            }
        }
        if (in.weight() != null && !in.weight().isBlank()) {
            BigDecimal w = null;
            try {
                w = new BigDecimal(in.weight().strip().replace(",", "."));
            } catch (NumberFormatException e) {
                // below
            }
            if (w == null || w.signum() <= 0 || w.compareTo(BigDecimal.valueOf(1000)) > 0 || w.scale() > 2) {
                violations.add(new Violation("weight", PlanViolation.INVALID_WEIGHT, 0));
            } else if (w.compareTo(i.weight) != 0) {
                if (!PlanAccess.coordinates(viewer, i.plan.community)) {
                    violations.add(new Violation("weight", PlanViolation.WEIGHT_COORDINATOR, 0));
                } else {
                    i.weight = w;
                }
            }
        }
        if (in.startYear() != null) {
            if (in.startYear().isBlank()) {
                i.startYear = null;
            } else {
                Integer y = year(in.startYear(), "startYear", violations);
                if (y != null && !i.plan.covers(y)) {
                    violations.add(new Violation("startYear", PlanViolation.YEAR_OUTSIDE_PLAN, 0));
                }
                i.startYear = y;
            }
        }
        if (in.durationYears() != null) {
            if (in.durationYears().isBlank()) {
                i.durationYears = null;
            } else {
                try {
                    int d = Integer.parseInt(in.durationYears().strip());
                    if (d < 1 || d > Plan.YEARS_MAX) {
                        violations.add(new Violation("durationYears", Violation.Code.INVALID_VALUE, 0));
                    } else {
                        i.durationYears = (short) d;
                    }
                } catch (NumberFormatException e) {
                    violations.add(Violation.invalidValue("durationYears"));
                }
            }
        }
        if (in.status() != null) {
            ItemStatus s = status(in.status(), violations);
            if (s != null) {
                i.status = s;
            }
        }
        if (in.progress() != null && !in.progress().isBlank()) {
            Integer p = percent(in.progress(), violations);
            if (p != null && p != i.progress) {
                if (!leaf) {
                    violations.add(new Violation("progress", PlanViolation.PARENT_PROGRESS, 0));
                } else {
                    i.progress = p.shortValue();
                }
            }
        }
        if (in.year() != null) {
            String y = in.year().strip();
            if (y.isEmpty()) {
                i.planYear = null;
            } else {
                PlanYear found = null;
                try {
                    found = PlanYear.findById(Long.parseLong(y));
                } catch (NumberFormatException e) {
                    // below
                }
                if (found == null || !found.plan.id.equals(i.plan.id)) {
                    violations.add(new Violation("year", Violation.Code.INVALID_CHOICE, 0));
                } else if (!found.community.id.equals(i.community.id)) {
                    violations.add(new Violation("year", PlanViolation.YEAR_OF_OTHER_COMMUNITY, 0));
                } else {
                    i.planYear = found;
                }
            }
        }
    }

    private static boolean isCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ItemStatus status(String typed, List<Violation> violations) {
        try {
            return ItemStatus.valueOf(typed == null ? "" : typed.strip());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("status", Violation.Code.INVALID_CHOICE, 0));
            return null;
        }
    }

    private static Integer percent(String typed, List<Violation> violations) {
        try {
            int p = Integer.parseInt(typed.strip().replace("%", "").strip());
            if (p < 0 || p > 100) {
                violations.add(new Violation("progress", PlanViolation.INVALID_PROGRESS, 0));
                return null;
            }
            return p;
        } catch (NumberFormatException e) {
            violations.add(new Violation("progress", PlanViolation.INVALID_PROGRESS, 0));
            return null;
        }
    }

    // ---------------------------------------------------------------- history

    @Transactional
    public Optional<HistoryPage> history(Viewer viewer, CommunityRef ref, long planId, String language) {
        return plans.plan(viewer, ref, planId).map(f -> {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery("""
                    select ch.at, m.display_name, ch.action, ch.item_id, ch.item_title, ch.field, ch.before_value,
                           ch.after_value, y.year, c.name_es, c.name_pt, c.name_en
                    from plan_change ch join member m on m.id = ch.actor_id
                    left join plan_year y on y.id = ch.plan_year_id
                    left join community c on c.id = y.community_id
                    where ch.plan_id = :plan order by ch.at desc, ch.id desc limit %d""".formatted(HISTORY_LIMIT),
                    Tuple.class).setParameter("plan", f.plan().id).getResultList();
            PlanMessages msg = MessageBundles.get(PlanMessages.class,
                    io.quarkus.qute.i18n.Localized.Literal.of(language));
            Function<String, String> statusName = v -> {
                try {
                    return v == null ? null : msg.status(ItemStatus.valueOf(v));
                } catch (IllegalArgumentException e) {
                    return v;
                }
            };
            List<ChangeRow> changes = rows.stream().map(r -> {
                String field = r.get(5, String.class);
                String before = r.get(6, String.class);
                String after = r.get(7, String.class);
                if ("status".equals(field)) {
                    before = statusName.apply(before);
                    after = statusName.apply(after);
                }
                Number year = (Number) r.get(8);
                String yearLabel = year == null ? null
                        : year + " · " + new org.comunidad.platform.persistence.Localized(r.get(9, String.class),
                                r.get(10, String.class), r.get(11, String.class)).in(language);
                Number item = (Number) r.get(3);
                return new ChangeRow(org.comunidad.platform.persistence.SqlValues.timestamp(r.get(0)),
                        r.get(1, String.class), PlanChange.Action.valueOf(r.get(2, String.class)),
                        item == null ? null : item.longValue(), r.get(4, String.class),
                        field == null ? null : msg.field(field), before, after, yearLabel);
            }).toList();
            return new HistoryPage(f.community(), head(f.plan(), language), changes);
        });
    }

    // ---------------------------------------------------------------- shared

    private static void requireCoordinator(Viewer viewer, Community community) {
        if (!PlanAccess.coordinates(viewer, community)) {
            throw new Refused(PlanRefusal.NOT_COORDINATOR);
        }
    }

    private static Community group(Community community) {
        return community.isGroup() ? community : community.parent;
    }

    /** The group and its subgroups, by id, the group first (one statement). */
    private Map<Long, Community> communities(long groupId) {
        Map<Long, Community> byId = new LinkedHashMap<>();
        Community.<Community> list("id = ?1 or parent.id = ?1 order by case when id = ?1 then 0 else 1 end, position, id",
                groupId).forEach(c -> byId.put(c.id, c));
        return byId;
    }

    /** The schemes, the preferred first, each named by its levels in the language. */
    private static List<Choice> schemes(PlanScheme preferred, String language) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(preferred.code, levels(preferred, language)));
        PlanScheme.all().stream().filter(s -> !s.code.equals(preferred.code))
                .forEach(s -> choices.add(new Choice(s.code, levels(s, language))));
        return choices;
    }

    private static String levels(PlanScheme scheme, String language) {
        return scheme.code.toUpperCase(Locale.ROOT) + ": " + String.join(" › ",
                scheme.levels.stream().map(l -> l.name.in(language)).toList());
    }

    private static PlanHead head(Plan p, String language) {
        return new PlanHead(p.id, p.title, p.startYear, p.endYear, p.status, p.scheme.code,
                p.validatedBy == null ? null : p.validatedBy.displayName, p.validatedAt);
    }
}
