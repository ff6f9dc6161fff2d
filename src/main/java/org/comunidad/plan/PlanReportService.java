package org.comunidad.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.platform.content.Filing;
import org.comunidad.platform.content.GroupYear;
import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.Languages;
import org.comunidad.platform.web.Site;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * A working group's yearly activity report (seed 001's structure): gathered from the group, its
 * subgroups, its plan ({@link PlanTree}, the same figures as the plan's pages) and what the other
 * features contribute for the year ({@link GroupYear}: meetings with their agreements, documents),
 * with the introduction the coordinator writes per year and language ({@code plan_report}).
 * Only the group's coordinator and the admin reach it ({@link PlanAccess#reports}): other members
 * are refused, non-members and subgroups' addresses get 404. Saving files the PDF into the group's
 * repository as a REPORT document through {@link Filing}.
 */
@ApplicationScoped
public class PlanReportService {

    public static final int INTRODUCTION_MAX = 20_000;
    public static final int YEAR_MIN = 2000;
    public static final int YEAR_MAX = 2100;

    /** The report page: the year and language shown, the choices, the stored introduction, the preview. */
    public record ReportPage(Community community, int year, String language, List<Integer> years,
            List<String> languages, String introduction, PlanReport report, String previewHtml) {
        public String pdfLink() {
            return org.comunidad.platform.web.Links.community(community.slug, "report", year + ".pdf") + "?lang=" + language;
        }

        public String docxLink() {
            return org.comunidad.platform.web.Links.community(community.slug, "report", year + ".docx") + "?lang=" + language;
        }
    }

    /** A generated file and its name. */
    public record File(String name, byte[] content) {
    }

    @Inject
    Plans plans;

    @Inject
    EntityManager em;

    @Inject
    Instance<GroupYear> parts;

    @Inject
    PlanReportWriter writer;

    @Inject
    Filing filing;

    @Inject
    Site site;

    /** The language to write in: the one asked for if the forum has it, else the reader's. */
    public static String language(String asked, String fallback) {
        return Languages.isSupported(asked) ? asked : Languages.isSupported(fallback) ? fallback : Languages.DEFAULT;
    }

    @Transactional
    public Optional<ReportPage> page(Viewer viewer, CommunityRef ref, Integer year, String language) {
        return group(viewer, ref).map(group -> {
            int shown = year != null && year >= YEAR_MIN && year <= YEAR_MAX ? year : defaultYear(group);
            PlanReport report = gather(viewer, group, shown, language);
            return new ReportPage(group, shown, language, years(group, shown), Languages.SUPPORTED,
                    storedIntroduction(group.id, shown, language), report, writer.html(report));
        });
    }

    /** Stores (or, when blank, removes) the introduction of the year in the language. */
    @Transactional
    public Optional<Community> saveIntroduction(Viewer viewer, CommunityRef ref, String year, String language,
            String introduction) {
        Optional<Community> found = group(viewer, ref);
        if (found.isEmpty()) {
            return found;
        }
        List<Violation> violations = new ArrayList<>();
        Integer y = parseYear(year);
        if (y == null) {
            violations.add(Violation.invalidValue("year"));
        }
        if (!Languages.isSupported(language)) {
            violations.add(Violation.invalidValue("language"));
        }
        String text = introduction == null ? null : introduction.replace("\r\n", "\n").strip();
        if (text != null && text.length() > INTRODUCTION_MAX) {
            violations.add(Violation.tooLong("introduction", INTRODUCTION_MAX));
        }
        Texts.check(violations);
        long groupId = found.get().id;
        if (text == null || text.isEmpty()) {
            em.createNativeQuery("delete from plan_report where community_id = :g and year = :y and language = :l")
                    .setParameter("g", groupId).setParameter("y", y).setParameter("l", language).executeUpdate();
        } else {
            em.createNativeQuery("""
                    insert into plan_report (community_id, year, language, introduction, updated_by)
                    values (:g, :y, :l, :t, :by)
                    on conflict (community_id, year, language)
                    do update set introduction = excluded.introduction, updated_by = excluded.updated_by, updated_at = now()""")
                    .setParameter("g", groupId).setParameter("y", y).setParameter("l", language)
                    .setParameter("t", text).setParameter("by", viewer.memberId()).executeUpdate();
        }
        return found;
    }

    @Transactional
    public Optional<File> pdf(Viewer viewer, CommunityRef ref, int year, String language) {
        return report(viewer, ref, year, language).map(r -> new File(fileName(r, "pdf"), writer.pdf(r)));
    }

    @Transactional
    public Optional<File> docx(Viewer viewer, CommunityRef ref, int year, String language) {
        return report(viewer, ref, year, language).map(r -> new File(fileName(r, "docx"), writer.docx(r)));
    }

    /**
     * Generates the PDF and files it into the group's repository as a REPORT document (a new
     * version if the year's report in that language is already there). Not in a transaction: the
     * report is read in one, the file is stored, then referenced, by the repository's own path.
     */
    public Optional<Filing.Filed> save(Viewer viewer, CommunityRef ref, int year, String language) {
        record Made(long groupId, String title, File file) {
        }
        Optional<Made> made = QuarkusTransaction.requiringNew().call(() -> group(viewer, ref).filter(g -> valid(year))
                .map(group -> {
                    PlanReport r = gather(viewer, group, year, language);
                    return new Made(group.id, title(r), new File(fileName(r, "pdf"), writer.pdf(r)));
                }));
        return made.map(m -> filing.file(viewer, m.groupId(), "REPORT", m.title(), language, m.file().name(),
                m.file().content()));
    }

    // ---- Gathering

    private Optional<PlanReport> report(Viewer viewer, CommunityRef ref, int year, String language) {
        return group(viewer, ref).filter(g -> valid(year)).map(g -> gather(viewer, g, year, language));
    }

    private static boolean valid(int year) {
        return year >= YEAR_MIN && year <= YEAR_MAX;
    }

    private static Integer parseYear(String typed) {
        try {
            int y = Integer.parseInt(typed == null ? "" : typed.strip());
            return valid(y) ? y : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The working group, if the viewer sees it (else empty: 404) and writes its report (else refused). */
    private Optional<Community> group(Viewer viewer, CommunityRef ref) {
        Optional<Community> found = plans.community(viewer, ref).filter(Community::isGroup);
        found.ifPresent(g -> {
            if (!PlanAccess.reports(viewer, g)) {
                throw new Refused(Refused.Reason.NOT_COORDINATOR);
            }
        });
        return found;
    }

    static String title(PlanReport r) {
        PlanReportMessages m = messages(r.language());
        return m.report_title(r.year()) + " · " + r.group();
    }

    private static String fileName(PlanReport r, String extension) {
        String slug = java.text.Normalizer.normalize(r.group(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase(Locale.ROOT);
        return "informe-" + r.year() + "-" + slug + "-" + r.language() + "." + extension;
    }

    static PlanReportMessages messages(String language) {
        return MessageBundles.get(PlanReportMessages.class, io.quarkus.qute.i18n.Localized.Literal.of(language));
    }

    private int defaultYear(Community group) {
        return LocalDate.now().getYear();
    }

    private List<Integer> years(Community group, int shown) {
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.add(LocalDate.now().getYear());
        years.add(shown);
        for (Plan p : Plan.ofGroup(group.id)) {
            for (int y = p.startYear; y <= p.endYear; y++) {
                years.add(y);
            }
        }
        return List.copyOf(years);
    }

    private String storedIntroduction(long groupId, int year, String language) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery(
                "select introduction from plan_report where community_id = :g and year = :y and language = :l")
                .setParameter("g", groupId).setParameter("y", year).setParameter("l", language).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    PlanReport gather(Viewer viewer, Community group, int year, String language) {
        PlanReportMessages m = messages(language);
        Map<String, Localized> countryNames = countryNames();
        String introduction = storedIntroduction(group.id, year, language);

        List<PlanReport.CountryRow> countries = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Tuple> countryRows = em.createNativeQuery("""
                select cc.country_code as code,
                       (select string_agg(distinct m.institution, '; ' order by m.institution)
                        from membership ms join member m on m.id = ms.member_id join community c on c.id = ms.community_id
                        where (c.id = :g or c.parent_id = :g) and m.disabled_at is null and m.institution is not null
                          and coalesce(ms.country_code, m.country_code) = cc.country_code) as institutions
                from community_country cc where cc.community_id = :g""", Tuple.class)
                .setParameter("g", group.id).getResultList();
        for (Tuple r : countryRows) {
            countries.add(new PlanReport.CountryRow(name(countryNames, r.get("code", String.class), language),
                    r.get("institutions", String.class)));
        }
        Locale locale = Locale.forLanguageTag(language);
        java.text.Collator collator = java.text.Collator.getInstance(locale);
        countries.sort(Comparator.comparing(PlanReport.CountryRow::country, collator));

        @SuppressWarnings("unchecked")
        List<Tuple> subgroupRows = em.createNativeQuery("""
                select c.id, c.name_es, c.name_pt, c.name_en, c.description_es, c.description_pt, c.description_en, c.leader_country,
                       (select string_agg(m.display_name, ', ' order by m.display_name) from membership ms
                        join member m on m.id = ms.member_id
                        where ms.community_id = c.id and ms.role = 'LEADER' and m.disabled_at is null) as leaders,
                       (select string_agg(cc.country_code, ',') from community_country cc where cc.community_id = c.id) as members
                from community c where c.parent_id = :g order by c.position, c.id""", Tuple.class)
                .setParameter("g", group.id).getResultList();

        // The group's plan for the year (or the next): a validated one first, then the latest.
        Optional<Plan> plan = Plan.ofGroup(group.id).stream().filter(p -> p.covers(year + 1) || p.covers(year))
                .sorted(Comparator.comparing((Plan p) -> !p.isValidated())).findFirst();
        PlanTree tree = plan.map(p -> PlanTree.load(em, p.id)).orElse(null);
        Map<String, Long> yearIds = new HashMap<>();
        if (plan.isPresent()) {
            for (PlanYear py : PlanYear.ofPlan(plan.get().id)) {
                yearIds.put(py.community.id + ":" + py.year, py.id);
            }
        }

        String objectiveTitle = null;
        List<String> objective = List.of();
        if (tree != null) {
            Optional<PlanTree.Node> general = tree.roots().stream().filter(n -> n.communityId == group.id).findFirst();
            if (general.isPresent()) {
                objectiveTitle = general.get().title;
                objective = paragraphs(general.get().description);
            }
        }

        List<PlanReport.SubgroupRow> subgroups = new ArrayList<>();
        List<PlanReport.StatusRow> status = new ArrayList<>();
        List<PlanReport.YearTable> next = new ArrayList<>();
        for (Tuple r : subgroupRows) {
            long id = ((Number) r.get("id")).longValue();
            String name = new Localized(r.get("name_es", String.class), r.get("name_pt", String.class),
                    r.get("name_en", String.class)).in(language);
            List<PlanTree.Node> branch = tree == null ? List.of() : branchRoots(tree, id);
            String members = r.get("members", String.class);
            List<String> memberNames = new ArrayList<>();
            if (members != null) {
                for (String code : members.split(",")) {
                    memberNames.add(name(countryNames, code, language));
                }
            }
            memberNames.sort(collator);
            // The specific objective the subgroup owns in the plan; else the community's own description.
            String objectiveText = !branch.isEmpty() ? branch.get(0).title
                    : new Localized(r.get("description_es", String.class), r.get("description_pt", String.class),
                            r.get("description_en", String.class)).in(language);
            subgroups.add(new PlanReport.SubgroupRow(name, objectiveText,
                    name(countryNames, r.get("leader_country", String.class), language), r.get("leaders", String.class),
                    String.join(", ", memberNames)));
            if (tree != null) {
                Long thisYear = yearIds.get(id + ":" + year);
                if (thisYear != null || !branch.isEmpty()) {
                    status.add(statusRow(name, branch, thisYear == null ? List.of() : scheduled(tree, thisYear),
                            thisYear == null ? null : tree.annual(thisYear).figure(), m, locale));
                }
                Long nextYear = yearIds.get(id + ":" + (year + 1));
                if (nextYear != null) {
                    next.add(table(name, plan.get(), tree, nextYear, language));
                }
            }
        }

        List<PlanReport.Part> contributed = new ArrayList<>();
        parts.stream().sorted(Comparator.comparingInt(GroupYear::position)).forEach(part -> {
            String key = part.key();
            String heading = switch (key) {
                case "meetings" -> m.s_meetings(year);
                case "documents" -> m.s_documents(year);
                default -> m.s_part(key);
            };
            String nothing = switch (key) {
                case "meetings" -> m.meetings_none();
                case "documents" -> m.documents_none();
                default -> m.none();
            };
            contributed.add(new PlanReport.Part(5 + contributed.size(), key, heading, nothing, !"meetings".equals(key),
                    part.entries(viewer, group.id, year, language)));
        });

        String generatedOn = LocalDate.now().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        return new PlanReport(language, year, group.name.in(language), site.forumNameIn(language), generatedOn,
                paragraphs(introduction), objectiveTitle, objective, countries, subgroups, contributed, status, year + 1,
                next);
    }

    /** The items a subgroup owns whose parent it does not own: its specific objective(s). */
    private static List<PlanTree.Node> branchRoots(PlanTree tree, long communityId) {
        return tree.inOrder().stream().filter(n -> n.communityId == communityId)
                .filter(n -> n.parentId == null || tree.node(n.parentId).communityId != communityId).toList();
    }

    /** The items scheduled in an annual plan that have no child scheduled in it: its activities (or products). */
    private static List<PlanTree.Node> scheduled(PlanTree tree, long yearId) {
        return tree.inOrder().stream().filter(n -> n.yearId != null && n.yearId == yearId)
                .filter(n -> n.children.stream().noneMatch(c -> c.yearId != null && c.yearId == yearId)).toList();
    }

    private static PlanReport.StatusRow statusRow(String name, List<PlanTree.Node> branch, List<PlanTree.Node> items,
            BigDecimal year, PlanReportMessages m, Locale locale) {
        BigDecimal figure = branch.isEmpty() ? null : branch.get(0).figure();
        int done = 0;
        int inProgress = 0;
        int pending = 0;
        int cancelled = 0;
        // The year's figure (PlanTree.annual): the plan cut down to the annual plan's items, rolled up by the rule.
        for (PlanTree.Node n : items) {
            switch (n.status) {
                case DONE -> done++;
                case IN_PROGRESS -> inProgress++;
                case CANCELLED -> cancelled++;
                default -> pending++;
            }
        }
        return new PlanReport.StatusRow(name, percent(year, m, locale), percent(figure, m, locale), items.size(), done,
                inProgress, pending, cancelled);
    }

    private static String percent(BigDecimal figure, PlanReportMessages m, Locale locale) {
        if (figure == null) {
            return m.no_figure();
        }
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(0);
        return format.format(figure) + " %";
    }

    private static PlanReport.YearTable table(String community, Plan plan, PlanTree tree, long yearId, String language) {
        List<PlanTree.Node> items = scheduled(tree, yearId);
        List<PlanReport.Row> rows = new ArrayList<>();
        int itemDepth = items.isEmpty() ? plan.scheme.leafDepth() : items.get(0).depth;
        Integer lineDepth = null;
        int i = 0;
        while (i < items.size()) {
            PlanTree.Node first = items.get(i);
            PlanTree.Node parent = first.parentId == null ? null : tree.node(first.parentId);
            if (lineDepth == null && parent != null) {
                lineDepth = parent.depth;
            }
            int j = i;
            while (j < items.size() && java.util.Objects.equals(items.get(j).parentId, first.parentId)) {
                j++;
            }
            for (int k = i; k < j; k++) {
                PlanTree.Node n = items.get(k);
                rows.add(new PlanReport.Row(parent == null ? "" : parent.title, k == i ? j - i : 0, n.title,
                        n.period == null ? "" : n.period.written()));
            }
            i = j;
        }
        int line = lineDepth == null ? Math.max(1, itemDepth - 1) : lineDepth;
        return new PlanReport.YearTable(community, levelName(plan, line, language), levelName(plan, itemDepth, language),
                rows);
    }

    private static String levelName(Plan plan, int depth, String language) {
        return plan.scheme.level(depth).map(l -> l.name.in(language)).orElse("");
    }

    private Map<String, Localized> countryNames() {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("select code, name_es, name_pt, name_en from country", Tuple.class)
                .getResultList();
        Map<String, Localized> names = new HashMap<>();
        rows.forEach(r -> names.put(r.get("code", String.class), new Localized(r.get("name_es", String.class),
                r.get("name_pt", String.class), r.get("name_en", String.class))));
        return names;
    }

    private static String name(Map<String, Localized> names, String code, String language) {
        if (code == null) {
            return null;
        }
        Localized n = names.get(code);
        return n == null ? code : n.in(language);
    }

    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.replace("\r\n", "\n").split("\\n\\s*\\n")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> s.replaceAll("\\s*\\n\\s*", " ")).toList();
    }
}
