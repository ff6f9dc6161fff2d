package org.comunidad.plan;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.member.Member;
import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.CommunityRef;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Plans in and out of tables. <b>Import</b>: a subgroup's (or the group's) annual work plan read
 * from a CSV or XLSX file in the seeds' shape ({@link PlanTable}); the preview says what each row
 * becomes and why a row is refused, and carries the rows it read as a normalised CSV table that
 * the confirmation reads and checks again (nothing is trusted from the browser but that text).
 * Confirming creates the annual plan if missing, the action lines under the community's specific
 * objective (created, titled with the subgroup's name, when the plan has none for it; the group's
 * own lines hang from the general objective, created with the plan's title when missing), and the
 * products or activities with their periods in the annual plan. An action line already there
 * under the same objective with the same title is reused. <b>Export</b>: the same table shape
 * (so an export imports back into the same plan), plus a "details" sheet with every column.
 */
@ApplicationScoped
public class PlanTransferService {

    /** The largest file read (a seed's table is under 4 KiB). */
    public static final long MAX_BYTES = 512 * 1024;

    /** The table's headings as each language writes them (as {@link PlanTable} reads them). */
    static final Map<String, List<String>> PRODUCT_HEADINGS = Map.of("es", List.of("Líneas de Acción", "Productos", "Plazo"),
            "pt", List.of("Linhas de Ação", "Produtos", "Prazo"), "en", List.of("Action lines", "Products", "Deadline"));
    static final Map<String, List<String>> ACTIVITY_HEADINGS = Map.of("es",
            List.of("Líneas de Acción", "Actividades", "Plazo"), "pt", List.of("Linhas de Ação", "Atividades", "Prazo"),
            "en", List.of("Action lines", "Activities", "Deadline"));

    /** Where the import may put an annual plan, and the plan's years. */
    public record ImportForm(Community community, Plan plan, List<Community> targets, int firstYear, int lastYear,
            int suggestedYear) {
    }

    /** One row of the preview, its messages already in the viewer's language. */
    public record PreviewRow(int number, String line, boolean newLine, String item, String deadline, String readAs,
            String refusal) {

        public boolean ok() {
            return refusal == null;
        }
    }

    public record ImportPreview(ImportForm form, Community target, int year, boolean yearExists, boolean activities,
            List<PreviewRow> rows, long read, long refused, String table) {
    }

    /** A file to send: its name, media type and tables (the first is the importable one). */
    public record Export(String fileName, boolean xlsx, List<PlanSheets.Table> tables) {
    }

    @Inject
    Plans plans;

    @Inject
    PlanHistory history;

    @Inject
    EntityManager em;

    // ---------------------------------------------------------------- import

    /** The import form; 403 for a member who may draft no annual plan in this group. */
    @Transactional
    public Optional<ImportForm> importForm(Viewer viewer, CommunityRef ref, long planId) {
        return plans.plan(viewer, ref, planId).map(f -> form(viewer, f.community(), f.plan()));
    }

    private ImportForm form(Viewer viewer, Community community, Plan plan) {
        Community group = community.isGroup() ? community : Community.findById(community.groupId());
        List<Community> targets = new ArrayList<>();
        if (PlanAccess.draftsYear(viewer, group)) {
            targets.add(group);
        }
        Community.subgroupsOf(List.of(group.id)).stream().filter(s -> PlanAccess.draftsYear(viewer, s))
                .forEach(targets::add);
        if (targets.isEmpty()) {
            throw new Refused(Refused.Reason.NOT_LEADER);
        }
        if (!community.isGroup() && targets.stream().anyMatch(t -> t.id.equals(community.id))) {
            // From a subgroup's address, its own annual plan comes first.
            targets.sort(Comparator.comparing(t -> t.id.equals(community.id) ? 0 : 1));
        }
        int now = OffsetDateTime.now().getYear();
        int suggested = Math.max(plan.startYear, Math.min(plan.endYear, now));
        return new ImportForm(community, plan, List.copyOf(targets), plan.startYear, plan.endYear, suggested);
    }

    /** Reads the file and answers the preview; a file or table refused as a whole is an {@link InvalidInput}. */
    @Transactional
    public Optional<ImportPreview> preview(Viewer viewer, CommunityRef ref, long planId, String community, String year,
            String fileName, byte[] bytes, String language) {
        return plans.plan(viewer, ref, planId).map(f -> {
            ImportForm form = form(viewer, f.community(), f.plan());
            List<Violation> wrong = new ArrayList<>();
            Community target = target(form, community, wrong);
            Integer y = year(form, year, wrong);
            IntFunction<PlanTable.Preview> cells = null;
            if (bytes == null || bytes.length == 0) {
                wrong.add(Violation.required("file"));
            } else if (bytes.length > MAX_BYTES) {
                wrong.add(new Violation("file", PlanImportViolation.TOO_LARGE, MAX_BYTES / 1024));
            } else {
                try {
                    cells = cells(fileName, bytes);
                    if (cells == null) {
                        wrong.add(new Violation("file", PlanImportViolation.NOT_A_TABLE, 0));
                    }
                } catch (IOException e) {
                    wrong.add(new Violation("file", PlanImportViolation.UNREADABLE, 0));
                }
            }
            PlanTable.Preview read = null;
            if (cells != null && y != null) {
                read = cells.apply(y);
                if (read.refusal() != null) {
                    wrong.add(new Violation("file", PlanImportViolation.HEADINGS, 0));
                } else if (read.rows().stream().noneMatch(PlanTable.Row::ok)) {
                    wrong.add(new Violation("file", PlanImportViolation.NO_ROWS, 0));
                }
            }
            if (!wrong.isEmpty()) {
                throw new InvalidInput(wrong);
            }
            return preview(form, target, y, read, language);
        });
    }

    private ImportPreview preview(ImportForm form, Community target, int year, PlanTable.Preview read, String language) {
        PlanTransferMessages msg = MessageBundles.get(PlanTransferMessages.class, Localized.Literal.of(language));
        Plan plan = form.plan();
        Optional<PlanYear> existing = PlanYear.of(plan.id, target.id, year);
        List<String> knownLines = existingLines(plan, target);
        List<PreviewRow> rows = new ArrayList<>();
        String previousLine = null;
        for (PlanTable.Row r : read.rows()) {
            String refusal = null;
            if (!r.ok()) {
                refusal = msg.refusal(r.refusal());
                if (r.periodReason() != null) {
                    refusal = refusal + " " + msg.reason(r.periodReason());
                }
            }
            boolean newLine = r.line() != null && !r.line().equals(previousLine) && !knownLines.contains(r.line());
            if (r.ok()) {
                previousLine = r.line();
            }
            String readAs = r.period() == null ? null
                    : msg.kind(r.period().kind()) + (r.period().isDated()
                            ? " · " + msg.dates(r.period().start().toString(), r.period().end().toString())
                            : " · " + msg.no_dates());
            rows.add(new PreviewRow(r.number(), r.line(), newLine, r.item(), r.deadline(), readAs, refusal));
        }
        long ok = read.rows().stream().filter(PlanTable.Row::ok).count();
        return new ImportPreview(form, target, year, existing.isPresent(), read.items() == PlanTable.Items.ACTIVITIES,
                rows, ok, read.refused(), normalised(read, language));
    }

    /** The rows read, as a table in the same shape: what the confirmation reads again. */
    static String normalised(PlanTable.Preview read, String language) {
        List<List<String>> table = new ArrayList<>();
        table.add(headings(read.items() == PlanTable.Items.ACTIVITIES, language));
        for (PlanTable.Line line : read.lines()) {
            boolean first = true;
            for (PlanTable.Row row : line.items()) {
                table.add(List.of(first ? line.title() : "", row.item(), row.deadline() == null ? "" : row.deadline()));
                first = false;
            }
        }
        return PlanSheets.csvText(table);
    }

    static List<String> headings(boolean activities, String language) {
        Map<String, List<String>> by = activities ? ACTIVITY_HEADINGS : PRODUCT_HEADINGS;
        return by.getOrDefault(language, by.get("es"));
    }

    /** The file's table, read for a year; null when it is neither a CSV nor an XLSX file. */
    static IntFunction<PlanTable.Preview> cells(String fileName, byte[] bytes) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (PlanSheets.isXlsx(bytes)) {
            if (!(name.endsWith(".xlsx") || name.isEmpty())) {
                return null;
            }
            List<List<String>> rows = PlanSheets.xlsx(bytes);
            return y -> PlanTable.rows(rows, y);
        }
        if (!(name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv"))) {
            return null;
        }
        String text = text(bytes);
        if (text == null || text.indexOf('\0') >= 0) {
            return null;
        }
        return y -> csv(text, y);
    }

    static PlanTable.Preview csv(String text, int year) {
        try {
            return PlanTable.csv(new StringReader(text), year);
        } catch (IOException | RuntimeException e) {
            // commons-csv refuses an unbalanced quote: the table's headings cannot be trusted.
            return new PlanTable.Preview(null, PlanTable.Refusal.HEADINGS, List.of(), List.of());
        }
    }

    /** UTF-8, or Windows-1252 (what older spreadsheets save) when the bytes are not UTF-8. */
    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
        }
    }

    private static Community target(ImportForm form, String community, List<Violation> wrong) {
        if (community == null || community.isBlank()) {
            wrong.add(Violation.required("community"));
            return null;
        }
        try {
            long id = Long.parseLong(community.strip());
            Optional<Community> found = form.targets().stream().filter(t -> t.id == id).findFirst();
            if (found.isEmpty()) {
                wrong.add(new Violation("community", Violation.Code.INVALID_CHOICE, 0));
            }
            return found.orElse(null);
        } catch (NumberFormatException e) {
            wrong.add(new Violation("community", Violation.Code.INVALID_CHOICE, 0));
            return null;
        }
    }

    private static Integer year(ImportForm form, String year, List<Violation> wrong) {
        if (year == null || year.isBlank()) {
            wrong.add(Violation.required("year"));
            return null;
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (!form.plan().covers(y)) {
                wrong.add(new Violation("year", PlanImportViolation.YEAR_OUTSIDE, 0));
                return null;
            }
            return y;
        } catch (NumberFormatException e) {
            wrong.add(Violation.invalidValue("year"));
            return null;
        }
    }

    /**
     * Imports the table the preview carried, read and checked again; answers the annual plan.
     * The viewer must still draft for the community.
     */
    @Transactional
    public Optional<PlanYear> confirm(Viewer viewer, CommunityRef ref, long planId, String community, String year,
            String table) {
        return plans.plan(viewer, ref, planId).map(f -> {
            ImportForm form = form(viewer, f.community(), f.plan());
            List<Violation> wrong = new ArrayList<>();
            Community target = target(form, community, wrong);
            Integer y = year(form, year, wrong);
            PlanTable.Preview read = null;
            if (table == null || table.isBlank()) {
                wrong.add(new Violation("file", PlanImportViolation.NO_ROWS, 0));
            } else if (table.length() > MAX_BYTES) {
                wrong.add(new Violation("file", PlanImportViolation.TOO_LARGE, MAX_BYTES / 1024));
            } else if (y != null) {
                read = csv(table, y);
                if (read.refusal() != null) {
                    wrong.add(new Violation("file", PlanImportViolation.HEADINGS, 0));
                } else if (read.rows().stream().noneMatch(PlanTable.Row::ok)) {
                    wrong.add(new Violation("file", PlanImportViolation.NO_ROWS, 0));
                }
            }
            if (!wrong.isEmpty()) {
                throw new InvalidInput(wrong);
            }
            Member actor = em.getReference(Member.class, viewer.memberId());
            return store(f.plan(), target, y, read, actor);
        });
    }

    /** Writes what was read into the plan; the work of {@link #confirm} and of the demo. */
    PlanYear store(Plan plan, Community target, int year, PlanTable.Preview read, Member actor) {
        PlanYear annual = PlanYear.of(plan.id, target.id, year).orElseGet(() -> {
            PlanYear y = new PlanYear();
            y.plan = plan;
            y.community = target;
            y.year = year;
            y.createdBy = actor;
            y.persist();
            return y;
        });
        List<PlanItem> all = new ArrayList<>(PlanItem.ofPlan(plan.id));
        PlanScheme scheme = plan.scheme;
        int objectiveDepth = scheme.subgroupDepth().orElse(Math.min(2, scheme.leafDepth()));
        int lineDepth = objectiveDepth + 1;
        int itemDepth = read.items() == PlanTable.Items.ACTIVITIES ? scheme.leafDepth()
                : Math.min(lineDepth + 1, scheme.leafDepth());
        PlanItem anchor = anchor(plan, target, objectiveDepth, all, actor);
        int created = 0;
        for (PlanTable.Line line : read.lines()) {
            if (line.items().isEmpty()) {
                continue;
            }
            PlanItem parent = all.stream().filter(i -> i.parent != null && i.parent.id.equals(anchor.id)
                    && i.depth == lineDepth && i.title.equals(line.title())).findFirst()
                    .orElseGet(() -> add(all, plan, anchor, lineDepth, target, null, line.title(), null, actor));
            for (PlanTable.Row row : line.items()) {
                // The same item under the same line in the same annual plan is there already: a second
                // confirmation (a double click, the same table again) adds nothing twice.
                boolean there = all.stream().anyMatch(i -> i.parent != null && i.parent.id.equals(parent.id)
                        && i.planYear != null && i.planYear.id.equals(annual.id) && i.title.equals(row.item()));
                if (!there) {
                    add(all, plan, parent, itemDepth, target, annual, row.item(), row.period(), actor);
                    created++;
                }
            }
        }
        if (created > 0) {
            history.imported(plan, annual, actor, created);
        }
        return annual;
    }

    /** The item the community's action lines hang from: its specific objective, or the general one. */
    private PlanItem anchor(Plan plan, Community target, int objectiveDepth, List<PlanItem> all, Member actor) {
        PlanItem root = all.stream().filter(i -> i.parent == null && i.depth == 1).findFirst()
                .orElseGet(() -> add(all, plan, null, 1, plan.community, null, plan.title, null, actor));
        if (target.isGroup() || objectiveDepth <= 1) {
            return root;
        }
        return all.stream().filter(i -> i.depth == objectiveDepth && i.community.id.equals(target.id)).findFirst()
                .orElseGet(() -> add(all, plan, root, objectiveDepth, target, null, target.name.es, null, actor));
    }

    private PlanItem add(List<PlanItem> all, Plan plan, PlanItem parent, int depth, Community owner, PlanYear year,
            String title, Period period, Member actor) {
        PlanItem item = new PlanItem();
        item.plan = plan;
        item.parent = parent;
        item.depth = (short) depth;
        item.position = (int) all.stream().filter(i -> parent == null ? i.parent == null
                : i.parent != null && i.parent.id.equals(parent.id)).count();
        item.community = owner;
        item.planYear = year;
        item.title = title.length() > PlanItem.TITLE_MAX ? title.substring(0, PlanItem.TITLE_MAX) : title;
        item.period = PeriodColumns.of(period);
        item.createdBy = actor;
        item.persist();
        all.add(item);
        return item;
    }

    private static List<String> existingLines(Plan plan, Community target) {
        return PlanItem.<PlanItem> list("plan.id = ?1 and community.id = ?2 and planYear is null", plan.id, target.id)
                .stream().map(i -> i.title).toList();
    }

    // ---------------------------------------------------------------- export

    /**
     * The plan (or one annual plan: {@code community} and {@code year}) as tables: XLSX (each
     * annual plan a sheet in the import's shape, then the details) or CSV (one annual plan: the
     * import's shape; the whole plan: the details).
     */
    @Transactional
    public Optional<Export> export(Viewer viewer, CommunityRef ref, long planId, String format, String community,
            String year, String language) {
        return plans.plan(viewer, ref, planId).flatMap(f -> {
            boolean xlsx = format == null || format.isBlank() || "xlsx".equalsIgnoreCase(format);
            if (!xlsx && !"csv".equalsIgnoreCase(format)) {
                throw new InvalidInput(List.of(new Violation("format", Violation.Code.INVALID_CHOICE, 0)));
            }
            Plan plan = f.plan();
            List<PlanYear> years = em.createQuery("""
                    select y from PlanYear y join fetch y.community c where y.plan.id = ?1
                    order by y.year desc, c.position, c.id""", PlanYear.class).setParameter(1, plan.id).getResultList();
            Optional<PlanYear> one = Optional.empty();
            if ((community != null && !community.isBlank()) || (year != null && !year.isBlank())) {
                try {
                    long c = Long.parseLong(community == null ? "" : community.strip());
                    int y = Integer.parseInt(year == null ? "" : year.strip());
                    one = years.stream().filter(p -> p.community.id == c && p.year == y).findFirst();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (one.isEmpty()) {
                    return Optional.empty();
                }
            }
            List<PlanItem> items = em.createQuery("""
                    select i from PlanItem i join fetch i.community left join fetch i.planYear
                    left join fetch i.responsibleCountry left join fetch i.responsible
                    where i.plan.id = ?1 order by i.depth, i.position, i.id""", PlanItem.class)
                    .setParameter(1, plan.id).getResultList();
            Map<Long, PlanItem> byId = new HashMap<>();
            items.forEach(i -> byId.put(i.id, i));
            PlanTransferMessages msg = MessageBundles.get(PlanTransferMessages.class, Localized.Literal.of(language));
            List<PlanSheets.Table> tables = new ArrayList<>();
            List<PlanYear> chosen = one.map(List::of).orElse(years);
            String base = slug(plan.title);
            if (one.isPresent()) {
                PlanYear y = one.get();
                tables.add(new PlanSheets.Table(y.community.slug + " " + y.year, shape(plan, y, items, byId, language)));
                base = base + "-" + y.community.slug + "-" + y.year;
            } else if (xlsx) {
                for (PlanYear y : chosen) {
                    tables.add(new PlanSheets.Table(y.year + " " + y.community.slug, shape(plan, y, items, byId, language)));
                }
            }
            if (xlsx || one.isEmpty()) {
                tables.add(new PlanSheets.Table(msg.sheet_details(), details(plan, chosen, items, byId, msg, language)));
            }
            return Optional.of(new Export(base + (xlsx ? ".xlsx" : ".csv"), xlsx, tables));
        });
    }

    /** One annual plan in the import's shape: its items grouped by their action line. */
    static List<List<String>> shape(Plan plan, PlanYear year, List<PlanItem> items, Map<Long, PlanItem> byId,
            String language) {
        List<PlanItem> scheduled = items.stream().filter(i -> i.planYear != null && i.planYear.id.equals(year.id))
                .toList();
        boolean activities = !scheduled.isEmpty() && scheduled.stream().allMatch(i -> i.depth >= plan.scheme.leafDepth());
        List<List<String>> rows = new ArrayList<>();
        rows.add(headings(activities, language));
        Map<Long, List<PlanItem>> byLine = new LinkedHashMap<>();
        scheduled.stream().sorted(Comparator.comparing((PlanItem i) -> order(i.parent == null ? null : byId.get(i.parent.id), byId))
                .thenComparing(i -> i.position).thenComparing(i -> i.id))
                .forEach(i -> byLine.computeIfAbsent(i.parent == null ? 0L : i.parent.id, k -> new ArrayList<>()).add(i));
        byLine.forEach((lineId, children) -> {
            PlanItem line = byId.get(lineId);
            boolean first = true;
            for (PlanItem i : children) {
                rows.add(List.of(first && line != null ? line.title : "", i.title,
                        periodText(i.period)));
                first = false;
            }
        });
        return rows;
    }

    /** A sort key putting an item after its parents' earlier siblings: the positions from the root down. */
    private static String order(PlanItem item, Map<Long, PlanItem> byId) {
        StringBuilder key = new StringBuilder();
        for (PlanItem i = item; i != null; i = i.parent == null ? null : byId.get(i.parent.id)) {
            key.insert(0, String.format("%06d.", i.position));
        }
        return key.toString();
    }

    private static List<List<String>> details(Plan plan, List<PlanYear> years, List<PlanItem> items,
            Map<Long, PlanItem> byId, PlanTransferMessages msg, String language) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(msg.col_community(), msg.col_year(), msg.col_level(), msg.col_line(), msg.col_title(),
                msg.col_period(), msg.col_budget(), msg.col_currency(), msg.col_funding(), msg.col_country(),
                msg.col_responsible(), msg.col_status(), msg.col_progress()));
        List<Long> chosen = years.stream().map(y -> y.id).toList();
        items.stream().filter(i -> i.planYear != null && chosen.contains(i.planYear.id))
                .sorted(Comparator.comparing((PlanItem i) -> i.planYear.year).thenComparing(i -> order(i, byId)))
                .forEach(i -> {
                    PlanItem line = i.parent == null ? null : byId.get(i.parent.id);
                    String level = plan.scheme.level(i.depth).map(l -> l.name.in(language)).orElse("");
                    rows.add(List.of(i.community.name.in(language), String.valueOf(i.planYear.year), level,
                            line == null ? "" : line.title, i.title, periodText(i.period),
                            i.budgetAmount == null ? "" : i.budgetAmount.toPlainString(), nz(i.budgetCurrency),
                            nz(i.fundingSource), i.responsibleCountry == null ? "" : i.responsibleCountry.code,
                            i.responsible == null ? "" : nz(i.responsible.displayName), i.status.name(),
                            String.valueOf(i.progress)));
                });
        return rows;
    }

    // ---------------------------------------------------------------- tasks

    /** A community's tasks (every one) as a table. */
    @Transactional
    public Optional<Export> communityTasks(Viewer viewer, CommunityRef ref, String format, String language) {
        boolean xlsx = xlsx(format);
        return plans.community(viewer, ref).map(c -> {
            List<Task> tasks = em.createQuery("""
                    select t from Task t join fetch t.community left join fetch t.assignee left join fetch t.item
                    where t.community.id = ?1 order by t.due.end nulls last, t.id""", Task.class)
                    .setParameter(1, c.id).getResultList();
            return new Export("tasks-" + c.slug + (xlsx ? ".xlsx" : ".csv"), xlsx,
                    List.of(new PlanSheets.Table("tasks", taskRows(tasks, language))));
        });
    }

    /** The viewer's tasks (assigned to them) in every community they still see. */
    @Transactional
    public Export myTasks(Viewer viewer, String format, String language) {
        boolean xlsx = xlsx(format);
        List<Task> tasks = em.createQuery("""
                select t from Task t join fetch t.community left join fetch t.assignee left join fetch t.item
                where t.assignee.id = ?1 order by t.due.end nulls last, t.id""", Task.class)
                .setParameter(1, viewer.memberId()).getResultList().stream()
                .filter(t -> PlanAccess.reads(viewer, t.community)).toList();
        return new Export("my-tasks" + (xlsx ? ".xlsx" : ".csv"), xlsx,
                List.of(new PlanSheets.Table("tasks", taskRows(tasks, language))));
    }

    private static boolean xlsx(String format) {
        boolean xlsx = format == null || format.isBlank() || "xlsx".equalsIgnoreCase(format);
        if (!xlsx && !"csv".equalsIgnoreCase(format)) {
            throw new InvalidInput(List.of(new Violation("format", Violation.Code.INVALID_CHOICE, 0)));
        }
        return xlsx;
    }

    private static List<List<String>> taskRows(List<Task> tasks, String language) {
        PlanTransferMessages msg = MessageBundles.get(PlanTransferMessages.class, Localized.Literal.of(language));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(msg.col_community(), msg.col_task(), msg.col_status(), msg.col_period(), msg.col_due(),
                msg.col_assignee(), msg.col_activity()));
        for (Task t : tasks) {
            rows.add(List.of(t.community.name.in(language), t.title, t.status.name(), periodText(t.due),
                    t.due == null || t.due.deadline() == null ? "" : t.due.deadline().toString(),
                    t.assignee == null ? "" : nz(t.assignee.displayName), t.item == null ? "" : t.item.title));
        }
        return rows;
    }

    /** The period as written; Hibernate leaves an embedded period null when none was given. */
    private static String periodText(PeriodColumns period) {
        return period == null || period.text == null ? "" : period.text;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String slug(String title) {
        String s = java.text.Normalizer.normalize(title.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "plan" : s.length() > 60 ? s.substring(0, 60) : s;
    }

}
