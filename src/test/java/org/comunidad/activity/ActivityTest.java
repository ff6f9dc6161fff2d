package org.comunidad.activity;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Members;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.comunidad.testsupport.WithAccessMatrix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Participation: the group's activity page shows active members per week or month by country (chart and
 * table), what is new and who is most active, to the coordinator and the forum admin only; the
 * member page adds the member's active days per month; both run a fixed number of statements.
 */
@QuarkusTest
class ActivityTest extends WithAccessMatrix {

    /** A group no demo user belongs to: its figures are the ones this test inserts. */
    static final String GROUP = "infraestructura";
    static final String SUBGROUP = "infra-fisica";
    /** The forum admin reads the page in their time zone. */
    static final ZoneId ADMIN_ZONE = ZoneId.of("America/Santiago");

    @Inject
    EntityManager em;

    @Inject
    SqlStatements sql;

    @AfterEach
    void cleanUp() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from post where author_id in (select id from member where subject like 'act-%')")
                    .executeUpdate();
            em.createNativeQuery("delete from member where subject like 'act-%'").executeUpdate();
        });
    }

    // ---------------------------------------------------------------- access

    static AccessMatrix matrix() {
        Map<Persona, Integer> coordinatorOnly = expect(200, 200, 403, 403, 403, 404, SIGN_IN);
        return AccessMatrix.of("activity")
                .get("/c/seguridad/activity").expect(coordinatorOnly)
                .get("/c/seguridad/activity?period=months&subgroup=seguridad-asistencia-victimas").expect(coordinatorOnly)
                .get("/c/seguridad-asistencia-victimas/activity").named("a subgroup has no page of its own")
                        .expect(404, 404, 404, 404, 404, 404, SIGN_IN);
    }

    @Test
    void theRefusalSaysWhyAndTheLinkIsOnlyForThoseWhoMayFollowIt() {
        String refused = Persona.LEADER.request().get("/c/seguridad/activity").then().statusCode(403).extract().asString();
        assertFalse(Html.all(refused, "[role=alert]").isEmpty(), refused);
        String link = "href=\"/c/seguridad/activity\"";
        assertTrue(Persona.COORDINATOR.request().get("/c/seguridad").body().asString().contains(link));
        assertTrue(Persona.ADMIN.request().get("/c/seguridad").body().asString().contains(link));
        for (Persona p : List.of(Persona.LEADER, Persona.MEMBER, Persona.GROUP_MEMBER)) {
            assertFalse(p.request().get("/c/seguridad").body().asString().contains(link), p.name());
        }
    }

    // ---------------------------------------------------------------- figures

    /** Members of three countries (and one removed), active over several weeks of the period. */
    private Map<String, Long> seedFigures() {
        Map<String, Long> ids = new LinkedHashMap<>();
        ids.put("cl1", Members.create("act-cl1").name("Ana Chilena").country("CL").in(GROUP).save());
        ids.put("cl2", Members.create("act-cl2").name("Bruno Chileno").country("CL").in(SUBGROUP).save());
        ids.put("pe1", Members.create("act-pe1").name("Carla Peruana").country("PE").in(GROUP).save());
        ids.put("pe2", Members.create("act-pe2").name("Diego Peruano").country("PE").in(SUBGROUP).save());
        ids.put("br1", Members.create("act-br1").name("Elisa Brasileira").country("BR").in(GROUP).save());
        // co1 left the group: their past days no longer count.
        ids.put("co1", Members.create("act-co1").name("Fabio Colombiano").country("CO").save());
        return ids;
    }

    record Day(String who, String community, LocalDate day) {
    }

    /** Week i of the page (0 the oldest, 11 the current one); day 0 is its Monday. */
    static LocalDate week(int i, int day) {
        return Period.WEEKS.buckets(LocalDate.now(ADMIN_ZONE)).get(0).plusWeeks(i).plusDays(day);
    }

    static List<Day> figureDays() {
        return List.of(
                new Day("cl1", GROUP, week(8, 0)), new Day("cl1", GROUP, week(8, 1)), new Day("cl1", GROUP, week(10, 0)),
                new Day("cl2", SUBGROUP, week(8, 2)), new Day("cl2", GROUP, week(8, 2)),
                new Day("pe1", GROUP, week(9, 0)), new Day("pe1", GROUP, week(0, 0)),
                new Day("pe2", SUBGROUP, week(9, 1)),
                new Day("br1", GROUP, week(10, 4)), new Day("br1", GROUP, week(-1, 3)),
                new Day("co1", GROUP, week(8, 0)));
    }

    private void insertDays(Map<String, Long> ids, List<Day> days) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Day d : days) {
                em.createNativeQuery("""
                        insert into member_activity_day (member_id, community_id, day)
                        select ?1, id, ?2 from community where slug = ?3""")
                        .setParameter(1, ids.get(d.who())).setParameter(2, d.day()).setParameter(3, d.community())
                        .executeUpdate();
            }
        });
    }

    @Test
    void thePageShowsActiveMembersPerWeekByCountryInChartAndTable() {
        Map<String, Long> ids = seedFigures();
        insertDays(ids, figureDays());

        String page = Persona.ADMIN.request().get("/c/" + GROUP + "/activity").then().statusCode(200).extract().asString();
        // Columns: the active countries, most active first (Chile and Peru 2, then Brazil 1), then the total.
        assertEquals(List.of("Semana", "Chile", "Perú", "Brasil", "Total"), headers(page, "activity-table"));
        assertEquals(List.of(0, 1, 0, 1), weekRow(page, 0), "week 0: one Peruvian");
        assertEquals(List.of(2, 0, 0, 2), weekRow(page, 8), "week 8: two Chileans (one of them twice, one in two places)");
        assertEquals(List.of(0, 2, 0, 2), weekRow(page, 9), "week 9: two Peruvians, one in the subgroup");
        assertEquals(List.of(1, 0, 1, 2), weekRow(page, 10));
        assertEquals(List.of(0, 0, 0, 0), weekRow(page, 5));
        assertEquals(List.of(0, 0, 0, 0), weekRow(page, 11), "the current week, empty");
        assertTrue(page.contains("(en curso)"), "the current week is marked");
        assertTrue(row(page, "<tfoot>").contains(cells(2, 2, 1, 5)), "each person once in the period: " + row(page, "<tfoot>"));
        assertTrue(page.contains("5 de "), "five active members in the headline");
        assertTrue(Pattern.compile("<tr data-country=\"CL\"><th scope=\"row\">Chile</th><td class=\"num\">2</td>"
                + "<td class=\"num\">2</td><td class=\"num\">100 %</td></tr>").matcher(page).find(), page);
        assertTrue(page.contains("<tr data-country=\"EC\"><th scope=\"row\">Ecuador</th><td class=\"num\">0</td>"
                + "<td class=\"num\">0</td><td class=\"num\">0 %</td></tr>"), "a participating country without members");

        // The chart: an accessible SVG, coloured by country, drawn without inline styles.
        assertTrue(page.contains("role=\"img\" aria-labelledby=\"active-chart-title\" aria-describedby=\"active-chart-desc\""));
        assertTrue(page.contains("<title id=\"active-chart-title\">Miembros activos por semana y país</title>"));
        assertTrue(page.contains("Máximo: 2 miembros activos"), page);
        assertEquals(2, occurrences(page, "fill=\"" + CountryColors.of("CL") + "\"") - 1, "two Chilean segments + legend");
        assertEquals(1, occurrences(page, "fill=\"" + CountryColors.of("BR") + "\"") - 1);
        assertFalse(page.contains("style="), "the CSP blocks inline styles");
        assertFalse(page.contains("<script"), "no chart library");

        // Most active: days in the period, then the latest; links to the member page; co1 left.
        List<String> top = topNames(page);
        assertEquals(List.of("Ana Chilena", "Carla Peruana", "Elisa Brasileira", "Diego Peruano", "Bruno Chileno"), top);
        assertTrue(Html.all(page, "a[href=\"/c/" + GROUP + "/members/" + ids.get("cl1") + "\"]").eachText().contains("Ana Chilena"));
        assertFalse(page.contains("Fabio Colombiano"));
    }

    @Test
    void monthsAndASubgroupAreChosenAndExplained() {
        Map<String, Long> ids = seedFigures();
        List<Day> days = figureDays();
        insertDays(ids, days);

        String months = Persona.ADMIN.request().get("/c/" + GROUP + "/activity?period=months").then().statusCode(200)
                .extract().asString();
        // Expected from the inserted days: distinct current members per month and country.
        Map<String, String> country = Map.of("cl1", "CL", "cl2", "CL", "pe1", "PE", "pe2", "PE", "br1", "BR");
        Map<YearMonth, Map<String, Set<String>>> expected = new TreeMap<>();
        for (Day d : days) {
            if (country.containsKey(d.who())) {
                expected.computeIfAbsent(YearMonth.from(d.day()), k -> new HashMap<>())
                        .computeIfAbsent(country.get(d.who()), k -> new HashSet<>()).add(d.who());
            }
        }
        expected.forEach((month, byCountry) -> {
            List<Integer> cells = new ArrayList<>();
            int total = 0;
            for (String code : List.of("CL", "PE", "BR")) {
                int n = byCountry.getOrDefault(code, Set.of()).size();
                cells.add(n);
                total += n;
            }
            cells.add(total);
            assertEquals(cells, numbers(row(months, "<time datetime=\"" + month.atDay(1) + "\">")), month.toString());
        });
        Html.selectedOption(months, "#activity-period", "months");
        assertTrue(months.contains("Miembros activos por mes y país"));
        assertTrue(row(months, "<tfoot>").contains(cells(2, 2, 1, 5)));

        String subgroup = Persona.ADMIN.request().get("/c/" + GROUP + "/activity?subgroup=" + SUBGROUP)
                .then().statusCode(200).extract().asString();
        Html.selectedOption(subgroup, "#activity-scope", SUBGROUP);
        assertTrue(subgroup.contains("Solo el subgrupo «"), "the page says which communities it counts");
        assertEquals(List.of(1, 0, 1), weekRow(subgroup, 8), "Chile, Peru, total: only the subgroup's own days");
        assertEquals(List.of(0, 1, 1), weekRow(subgroup, 9));
        assertEquals(List.of(0, 0, 0), weekRow(subgroup, 10), "the group's days are not the subgroup's");
        assertFalse(subgroup.contains("<dt>Novedades</dt>"), "news belong to the group");

        String whole = Persona.ADMIN.request().get("/c/" + GROUP + "/activity").then().extract().asString();
        assertTrue(whole.contains("Las cifras incluyen el grupo y todos sus subgrupos"));
    }

    @Test
    void newContentOfThePeriodIsCounted() {
        Map<String, Long> ids = seedFigures();
        String before = Persona.ADMIN.request().get("/c/" + GROUP + "/activity").then().extract().asString();
        QuarkusTransaction.requiringNew().run(() -> {
            for (String ago : List.of("1 day", "3 days", "200 days")) {
                em.createNativeQuery("""
                        insert into post (community_id, group_id, author_id, body, created_at)
                        select c.id, c.parent_id, ?1, 'Avance del subgrupo', now() - cast(?2 as interval)
                        from community c where c.slug = ?3""")
                        .setParameter(1, ids.get("cl2")).setParameter(2, ago).setParameter(3, SUBGROUP).executeUpdate();
            }
        });
        String after = Persona.ADMIN.request().get("/c/" + GROUP + "/activity").then().extract().asString();
        assertEquals(figure(before, "Publicaciones") + 2, figure(after, "Publicaciones"),
                "two posts in the last 12 weeks; the one of 200 days ago is older");
        String byMonth = Persona.ADMIN.request().get("/c/" + GROUP + "/activity?period=months").then().extract().asString();
        assertEquals(figure(after, "Publicaciones") + 1, figure(byMonth, "Publicaciones"), "within 12 months");
    }

    @Test
    void theMemberPageShowsActiveDaysPerMonth() {
        Map<String, Long> ids = seedFigures();
        List<Day> days = figureDays();
        insertDays(ids, days);
        String page = Persona.ADMIN.request().get("/c/" + GROUP + "/members/" + ids.get("cl1")).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("3 días activos en 12 meses"), page);
        Map<YearMonth, Integer> perMonth = new TreeMap<>();
        days.stream().filter(d -> d.who().equals("cl1")).map(Day::day).distinct()
                .forEach(d -> perMonth.merge(YearMonth.from(d), 1, Integer::sum));
        perMonth.forEach((month, n) -> assertEquals(List.of(n),
                numbers(row(page, "<time datetime=\"" + month.atDay(1) + "\">")), month.toString()));
        assertTrue(page.contains("<title id=\"member-activity-chart-title\">Días activos por mes</title>"));
        assertFalse(page.contains("style="));

        // Its language is the reader's.
        setLanguage("admin.prosur", "en");
        try {
            String english = Persona.ADMIN.request().get("/c/" + GROUP + "/members/" + ids.get("cl1")).then()
                    .extract().asString();
            assertTrue(english.contains("3 active days in 12 months"), english);
            String activity = Persona.ADMIN.request().get("/c/" + GROUP + "/activity").then().extract().asString();
            assertTrue(activity.contains("Active members per week and country"));
            assertTrue(activity.contains(">Week of "), "weeks are named in English");
            assertTrue(activity.contains("<th scope=\"col\" class=\"num\">Peru</th>"), "and the countries too");
        } finally {
            setLanguage("admin.prosur", "es");
        }
    }

    // ---------------------------------------------------------------- statements

    @Test
    void pagesRunTheSameStatementsWithFewOrManyMembersAndDays() {
        Map<String, Long> ids = seedFigures();
        insertDays(ids, figureDays());
        String member = "/c/" + GROUP + "/members/" + ids.get("cl1");
        String[] paths = { "/c/" + GROUP + "/activity", "/c/" + GROUP + "/activity?period=months",
                "/c/" + GROUP + "/activity?subgroup=" + SUBGROUP, member };
        Map<String, Long> small = countAll(paths);
        // 300 more members from four countries, in the group or the subgroup, active on about 90 days each.
        Members.numbered(1, 300).subject("act-load-%d").username("act.load%d").name("Carga %d")
                .countries("AR", "CL", "PE", "PY").save();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into membership (community_id, member_id, role, country_code)
                    select c.id, m.id, 'MEMBER', m.country_code from member m, community c
                    where m.subject like 'act-load-%' and c.slug = case when m.id % 2 = 0 then ?1 else ?2 end""")
                    .setParameter(1, GROUP).setParameter(2, SUBGROUP).executeUpdate();
            em.createNativeQuery("""
                    insert into member_activity_day (member_id, community_id, day)
                    select m.id, ms.community_id, current_date - k
                    from member m join membership ms on ms.member_id = m.id, generate_series(0, 364) k
                    where m.subject like 'act-load-%' and (m.id + k) % 4 = 0""").executeUpdate();
            em.createNativeQuery("""
                    insert into member_activity_day (member_id, community_id, day)
                    select ?1, c.id, current_date - k from community c, generate_series(1, 364) k
                    where c.slug = ?2 on conflict do nothing""").setParameter(1, ids.get("cl1")).setParameter(2, GROUP)
                    .executeUpdate();
        });
        assertTrue(count("select count(*) from member_activity_day d join member m on m.id = d.member_id "
                + "where m.subject like 'act-%'") > 27_000);
        Map<String, Long> large = countAll(paths);
        small.forEach((path, statements) -> {
            assertTrue(statements > 0, path + " ran no SQL: is the counter working?");
            assertEquals(statements, large.get(path), path + ": statements with 6 vs 306 members, 11 vs 27,000 days");
        });
        System.out.printf("SQL statements per activity page (6 -> 306 members): %s -> %s%n", small, large);
    }

    private Map<String, Long> countAll(String[] paths) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String path : paths) {
            Persona.ADMIN.request().get(path).then().statusCode(200);
            counts.put(path, sql.steady(() -> Persona.ADMIN.request().get(path).then().statusCode(200)));
        }
        return counts;
    }

    // ---------------------------------------------------------------- helpers

    private void setLanguage(String username, String language) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update member set language = ?1 where username = ?2").setParameter(1, language)
                .setParameter(2, username).executeUpdate());
    }

    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query).getSingleResult())
                .longValue());
    }

    /** The table row that starts with this text (up to its end). */
    private static String row(String page, String start) {
        int at = page.indexOf(start);
        assertTrue(at >= 0, "no row " + start);
        return page.substring(at, page.indexOf("</tr>", at));
    }

    private static List<Integer> weekRow(String page, int week) {
        return numbers(row(page, "<time datetime=\"" + week(week, 0) + "\">"));
    }

    private static final Pattern NUMBER_CELL = Pattern.compile("<td class=\"num\">(\\d+)</td>");

    private static List<Integer> numbers(String row) {
        List<Integer> values = new ArrayList<>();
        Matcher m = NUMBER_CELL.matcher(row);
        while (m.find()) {
            values.add(Integer.parseInt(m.group(1)));
        }
        return values;
    }

    private static String cells(int... values) {
        StringBuilder s = new StringBuilder();
        for (int v : values) {
            s.append("<td class=\"num\">").append(v).append("</td>");
        }
        return s.toString();
    }

    private static long figure(String page, String label) {
        Matcher m = Pattern.compile("<dt>" + label + "</dt><dd>(\\d+)</dd>").matcher(page);
        assertTrue(m.find(), label);
        return Long.parseLong(m.group(1));
    }

    /** The column headings of the activity table with this class. */
    private static List<String> headers(String page, String tableClass) {
        return Html.all(page, "table.doc-table." + tableClass + " thead th[scope=col]").eachText();
    }

    /** The names in the table of the most active members, in order. */
    private static List<String> topNames(String page) {
        return Html.all(page, "table.doc-table.activity-top th[scope=row] > a").eachText();
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
