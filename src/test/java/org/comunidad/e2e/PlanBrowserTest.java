package org.comunidad.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.plan.PlanTree;
import org.comunidad.plan.TestPlans;
import org.comunidad.testsupport.Axe;
import org.comunidad.testsupport.Browser;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Db;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * In Debian's Chromium, through the real Keycloak, the acceptance: the leader of the
 * victims' subgroup imports its 2021 work plan from the seed's CSV table and confirms the preview;
 * the coordinator validates the annual plan; a focal point (Peru) marks an activity done and sees
 * the subgroup's progress move on the plan's dashboard, by the figure the plan's tree gives.
 *
 * <p>The routes: the import form {@code /c/seguridad/plans/{plan}/import} (select {@code community},
 * input {@code year}, file input {@code file}; the preview table {@code #import-preview}; the button
 * {@code button[name=confirm]}; lands on the annual plan page {@code /c/seguridad/plans/{plan}/years/{year}});
 * on the annual plan page, {@code form.validate-year} and, per activity, {@code form.progress-form}
 * with {@code status} and {@code progress}; on the dashboard, the subgroup's row
 * {@code #progress-{communityId}} with its figure in {@code td.figure}.
 */
@QuarkusTest
class PlanBrowserTest {

    static final String APP = "http://localhost:" + ComunidadTestResource.APP_PORT;
    static final String GROUP = "seguridad";
    static final String VICTIMS = "seguridad-asistencia-victimas";

    @Inject
    EntityManager em;

    @Test
    void leaderImportsCoordinatorValidatesFocalPointMarksDoneAndTheDashboardMoves() throws IOException {
        String title = "Plan sectorial de seguridad " + System.nanoTime();
        long plan = TestPlans.plan(GROUP).titled(title).years(2020, 2024).save();
        long goal = TestPlans.item(plan, GROUP).titled("Objetivo general").save();
        long objective = TestPlans.item(plan, VICTIMS).under(goal)
                .titled("Fortalecer la asistencia y protección a las víctimas de trata de personas").save();
        long victims = Db.community(VICTIMS);
        String base = APP + "/c/" + GROUP + "/plans/" + plan;
        Path csv = Files.createTempFile("plan-victimas-", ".csv");
        try (InputStream in = getClass().getResourceAsStream("/plan/seed001-victimas.csv")) {
            Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
        }

        try (Browser browser = Browser.launch();
                BrowserContext leaderContext = browser.newContext("es-PY");
                BrowserContext coordinatorContext = browser.newContext("es-CL");
                BrowserContext memberContext = browser.newContext("es-PE")) {
            // 1. The leader imports the subgroup's 2021 plan from the seed's table and confirms the preview.
            Page leader = Browser.signIn(leaderContext, base + "/import", "lider.victimas");
            leader.selectOption("select[name=community]", String.valueOf(victims));
            leader.fill("input[name=year]", "2021");
            leader.setInputFiles("input[type=file][name=file]", csv);
            Response preview = leader.waitForResponse(r -> "POST".equals(r.request().method()),
                    () -> leader.locator("form:has(input[name=file]) button[type=submit]").first().click());
            assertTrue(preview.status() == 200 || preview.status() == 303, "the preview: " + preview.status());
            leader.waitForLoadState();
            assertThat(leader.locator("#import-preview")).isVisible();
            assertThat(leader.locator("#import-preview")).containsText("Segundo semestre 2020");
            Axe.assertAccessible(leader);
            submit(leader, "form:has(button[name=confirm])", "button[name=confirm]");
            leader.waitForURL(Pattern.compile(Pattern.quote(base) + "/years/\\d+.*"));
            long year = Db.number("select id from plan_year where plan_id = ?1 and community_id = ?2 and year = 2021",
                    plan, victims);
            assertTrue(leader.url().contains("/years/" + year), leader.url());
            long imported = Db.number("select count(*) from plan_item where plan_id = ?1 and plan_year_id = ?2", plan, year);
            assertTrue(imported >= 4, "the table's products in the annual plan: " + imported);
            assertEquals(0, Db.number("""
                    select count(*) from plan_item i where i.plan_id = ?1 and i.community_id = ?2 and i.depth > 2
                    and not exists (select 1 from plan_item p where p.id = i.parent_id and p.plan_id = ?1)""", plan, victims),
                    "every imported item hangs from the tree");
            assertTrue(Db.number("select count(*) from plan_item where plan_id = ?1 and parent_id = ?2", plan, objective) > 0,
                    "the action lines under the subgroup's specific objective");

            // 2. The coordinator validates the annual plan on its page.
            Page coordinator = Browser.signIn(coordinatorContext, base + "/years/" + year, "coord.seguridad");
            submit(coordinator, "form.validate-year", "button[type=submit]");
            assertEquals("VALIDATED", Db.value("select status from plan_year where id = ?1", year));

            // 3. A focal point reads the subgroup's progress on the dashboard, marks an activity done, reads it again.
            Page member = Browser.signIn(memberContext, base + "/dashboard", "pf.peru");
            Locator figure = member.locator("#progress-" + victims + " td.figure");
            assertThat(figure).hasText(percent(BigDecimal.ZERO.setScale(1)));
            Axe.assertAccessible(member);

            member.navigate(base + "/years/" + year);
            Locator form = member.locator("form.progress-form").first();
            choose(form, "DONE");
            form.locator("[name=progress]").fill("100");
            Response answer = member.waitForResponse(r -> "POST".equals(r.request().method()),
                    () -> form.locator("button[type=submit]").first().click());
            assertEquals(303, answer.status(), () -> "POST " + answer.url() + ": " + answer.status());
            member.waitForLoadState();
            assertEquals(1, Db.number("select count(*) from plan_item where plan_id = ?1 and status = 'DONE'", plan));

            member.navigate(base + "/dashboard");
            BigDecimal expected = QuarkusTransaction.requiringNew()
                    .call(() -> PlanTree.load(em, plan).node(objective).figure());
            assertTrue(expected.signum() > 0, "the objective moved: " + expected);
            assertThat(figure).hasText(percent(expected));
            assertNotEquals(percent(BigDecimal.ZERO.setScale(1)), figure.textContent());
            // The same figure on the plan's objectives table, for the specific objective.
            assertThat(member.locator("#objective-" + objective + " td.figure")).hasText(percent(expected));
            Axe.assertAccessible(member);
            member.setViewportSize(390, 844);
            Axe.assertAccessible(member);
        } finally {
            Files.deleteIfExists(csv);
            Db.update("delete from plan where id = ?1", plan);
        }
    }

    /**
     * The dashboard and the timeline alone (no other helper's page): axe-core finds no serious or
     * critical violation at 1280 and 390 px, the page itself does not scroll sideways on a phone
     * (the charts scroll inside their frame, reached with Tab), and the subgroup's row is there.
     */
    @Test
    void dashboardAndTimelineAreAccessibleAtDesktopAndPhoneWidths() {
        long plan = TestPlans.plan(GROUP).titled("Plan accesible " + System.nanoTime()).years(2020, 2024).save();
        try {
            long goal = TestPlans.item(plan, GROUP).titled("Objetivo general").save();
            long objective = TestPlans.item(plan, VICTIMS).under(goal).titled("Objetivo específico de asistencia").save();
            long line = TestPlans.item(plan, VICTIMS).under(objective).titled("Procedimiento regional de retorno asistido")
                    .save();
            long year = TestPlans.year(plan, VICTIMS, 2021);
            TestPlans.item(plan, VICTIMS).under(line).in(year).titled("Borrador de protocolo regional")
                    .period("Primer bimestre 2021").status("IN_PROGRESS").progress(40).budget("12000", "USD")
                    .funding("Fondo Fiduciario Pérez-Guerrero").save();
            TestPlans.item(plan, VICTIMS).under(line).in(year).titled("Taller").period("15/03/2021").status("DONE").save();
            TestPlans.item(plan, VICTIMS).under(line).in(year).titled("Informe regional").period("Por definir.").save();
            TestPlans.item(plan, VICTIMS).under(line).in(year).titled("Red de enlaces").period("Continuidad")
                    .budget("3000", "EUR").save();
            String base = APP + "/c/" + GROUP + "/plans/" + plan;
            try (Browser browser = Browser.launch(); BrowserContext context = browser.newContext("es-PE")) {
                Page member = Browser.signIn(context, base + "/dashboard", "pf.peru");
                assertThat(member.locator("#progress-" + Db.community(VICTIMS) + " td.figure")).hasText("35,0 %");
                for (String path : new String[] { "/dashboard", "/dashboard?year=2021", "/timeline", "/timeline?year=2021" }) {
                    member.navigate(base + path);
                    for (int width : new int[] { 1280, 390 }) {
                        member.setViewportSize(width, 900);
                        Axe.assertAccessible(member);
                        assertEquals(Boolean.TRUE, member.evaluate(
                                "() => document.documentElement.scrollWidth <= window.innerWidth"), path + " at " + width);
                    }
                    assertThat(member.locator(".chart-scroll").first()).hasAttribute("tabindex", "0");
                }
            }
        } finally {
            Db.update("delete from plan where id = ?1", plan);
        }
    }

    /** A figure as the dashboard writes it in Spanish: "33,3 %". */
    static String percent(BigDecimal value) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.forLanguageTag("es"));
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(value) + " %";
    }

    /** A status chosen in a select or among radio buttons, whichever the form has. */
    static void choose(Locator form, String value) {
        if (form.locator("select[name=status]").count() > 0) {
            form.locator("select[name=status]").selectOption(value);
        } else {
            form.locator("input[name=status][value=" + value + "]").check();
        }
    }

    /** Submits the form with the button and expects the POST to be answered 303. */
    static void submit(Page page, String form, String button) {
        Response response = page.waitForResponse(r -> "POST".equals(r.request().method()),
                () -> page.locator(form).locator(button).first().click());
        assertEquals(303, response.status(), () -> "POST " + response.url() + ": " + response.status());
        page.waitForLoadState();
    }
}
