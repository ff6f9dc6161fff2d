package org.comunidad.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.comunidad.discussion.Discussion;
import org.comunidad.discussion.DiscussionReply;
import org.comunidad.member.Member;
import org.comunidad.news.NewsItem;
import org.comunidad.testsupport.Axe;
import org.comunidad.testsupport.Browser;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.TestFiles;
import org.comunidad.testsupport.Uploads;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * axe-core on every main page, at a desktop width (1280 px) and a phone width (390 px), in
 * Debian's Chromium signed in through the real Keycloak: the forum admin (who sees every
 * page), a focal point (their notifications, joining a group) and an anonymous visitor (the
 * landing page). Zero serious or critical WCAG 2.0/2.1 A/AA violations are allowed. The work
 * plans' pages (plans, plan, annual plan, dashboard, timeline, the import's form and preview),
 * tasks, my tasks and the activity report's page are among them.
 *
 * <p>Beside the rules axe checks, what the review saw by eye: the header fits one row on a
 * phone with the language in the user menu, each empty search section says what it did not
 * find, the search boxes look like the other fields, folder icons are drawn (not an emoji the
 * fonts may lack). Screenshots of the main pages land in target/screenshots/ for a human look.
 */
@QuarkusTest
class AccessibilityBrowserTest {

    static final String APP = "http://localhost:" + ComunidadTestResource.APP_PORT;
    static final String GROUP = "/c/seguridad";
    static final String SUBGROUP = "/c/seguridad-asistencia-victimas";
    static final String PERU_SUBJECT = "00000000-0000-4000-a000-000000000004";
    static final int[] WIDTHS = { 1280, 390 };
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static long folder;
    static long document;
    static long post;

    /**
     * A folder holding a document, and a post with a mention and a comment: pages with content.
     * (In a test, not in a static @BeforeAll: RestAssured knows the app's port from then on.)
     */
    @BeforeEach
    void content() {
        if (post != 0) {
            return;
        }
        io.restassured.response.Response created = Web.form(Persona.LEADER, SUBGROUP + "/documents/folders",
                Map.of("name", "Protocolos " + System.nanoTime()));
        assertEquals(303, created.statusCode(), created.body().asString());
        folder = Long.parseLong(created.header("Location").replaceAll(".*folder=", ""));
        Map<String, String> meta = Uploads.report("Informe sobre asistencia a víctimas");
        meta.put("folder", String.valueOf(folder));
        io.restassured.response.Response uploaded = Uploads.upload(Persona.MEMBER, SUBGROUP + "/documents/upload",
                "informe-victimas.pdf", TestFiles.pdf("Asistencia a víctimas de trata"), meta);
        assertEquals(201, uploaded.statusCode(), uploaded.body().asString());
        document = uploaded.jsonPath().getLong("id");
        io.restassured.response.Response posted = Web.form(Persona.LEADER, SUBGROUP + "/posts",
                Map.of("body", "Gracias @pf.peru por la propuesta sobre víctimas de trata."));
        assertEquals(303, posted.statusCode(), posted.body().asString());
        post = Long.parseLong(posted.header("Location").replaceAll(".*#post-", ""));
        Web.form(Persona.MEMBER, SUBGROUP + "/posts/" + post + "/comments", Map.of("body", "Con gusto."));
    }

    @AfterEach
    void restoreLanguage() {
        QuarkusTransaction.requiringNew().run(() -> Member.bySubject(PERU_SUBJECT).ifPresent(m -> m.language = "es"));
    }

    @Test
    void everyMainPageHasNoSeriousOrCriticalViolationAtDesktopAndPhoneWidths() {
        long news = QuarkusTransaction.requiringNew().call(() -> NewsItem.<NewsItem> find("title",
                "Plan de Trabajo 2021: propuestas de los subgrupos").firstResult().id);
        long discussion = QuarkusTransaction.requiringNew().call(() -> Discussion.<Discussion> find("title",
                "Protocolo multilateral de asistencia a víctimas").firstResult().id);
        long reply = QuarkusTransaction.requiringNew().call(() -> DiscussionReply.<DiscussionReply> find(
                "discussion.id = ?1 and parentId is null order by id", discussion).firstResult().id);
        long peru = QuarkusTransaction.requiringNew().call(() -> Member.bySubject(PERU_SUBJECT).orElseThrow().id);
        List<String> violations = new ArrayList<>();
        try (Browser browser = Browser.launch();
                BrowserContext anonymousContext = browser.newContext("es-AR");
                BrowserContext adminContext = browser.newContext("es-AR");
                BrowserContext memberContext = browser.newContext("es-PE")) {
            Page anonymous = anonymousContext.newPage();
            visit(anonymous, "landing", "/", 200, violations);
            openMenu(anonymous, ".lang-menu", "landing-language-menu", violations);

            Page admin = Browser.signIn(adminContext, APP + "/communities", "admin.prosur");
            visit(admin, "home", "/", 200, violations);
            visit(admin, "communities", "/communities", 200, violations);
            visit(admin, "group", GROUP, 200, violations);
            openMenu(admin, ".user-menu", "user-menu", violations);
            visit(admin, "subgroup", SUBGROUP, 200, violations);
            visit(admin, "feed", GROUP + "/feed", 200, violations);
            visit(admin, "news", GROUP + "/news", 200, violations);
            visit(admin, "news-item", GROUP + "/news/" + news, 200, violations);
            visit(admin, "posts", SUBGROUP + "/posts", 200, violations);
            visit(admin, "post", SUBGROUP + "/posts/" + post, 200, violations);
            visit(admin, "discussions", SUBGROUP + "/discussions", 200, violations);
            visit(admin, "discussion", SUBGROUP + "/discussions/" + discussion, 200, violations);
            visit(admin, "discussion-new", SUBGROUP + "/discussions/new", 200, violations);
            visit(admin, "documents-browse", "/documents", 200, violations);
            visit(admin, "documents-group", GROUP + "/documents", 200, violations);
            visit(admin, "documents-subgroup", SUBGROUP + "/documents", 200, violations);
            visit(admin, "documents-folder", SUBGROUP + "/documents?folder=" + folder, 200, violations);
            visit(admin, "documents-folder-uploaded", SUBGROUP + "/documents?folder=" + folder + "&uploaded=" + document,
                    200, violations);
            visit(admin, "document", SUBGROUP + "/documents/" + document, 200, violations);
            visit(admin, "documents-trash", GROUP + "/documents/trash", 200, violations);
            visit(admin, "search", "/search?q=v%C3%ADctimas", 200, violations);
            visit(admin, "search-nothing", "/search?q=zzqxwv", 200, violations);
            visit(admin, "search-empty", "/search", 200, violations);
            visit(admin, "members", GROUP + "/members", 200, violations);
            visit(admin, "members-subgroup", SUBGROUP + "/members", 200, violations);
            visit(admin, "member", GROUP + "/members/" + peru, 200, violations);
            visit(admin, "invitations", GROUP + "/invitations", 200, violations);
            visit(admin, "join-requests", GROUP + "/requests", 200, violations);
            visit(admin, "activity", GROUP + "/activity", 200, violations);
            visit(admin, "audit", "/audit", 200, violations);
            visit(admin, "audit-group", GROUP + "/audit", 200, violations);
            visit(admin, "presidency", "/presidency", 200, violations);
            visit(admin, "notifications-admin", "/notifications", 200, violations);
            visit(admin, "profile", "/profile", 200, violations);
            // Meetings: next week's subgroup meeting (demo) and the group's held one with its agreements.
            long meeting = org.comunidad.testsupport.Db.number("""
                    select m.id from meeting m join community c on c.id = m.community_id
                    where c.slug = 'seguridad-asistencia-victimas' and m.starts_at > now() order by m.starts_at limit 1""");
            long held = org.comunidad.testsupport.Db.number("""
                    select m.id from meeting m join community c on c.id = m.community_id
                    where c.slug = 'seguridad' and exists (select 1 from meeting_agreement a where a.meeting_id = m.id)
                    order by m.starts_at desc limit 1""");
            visit(admin, "meetings", SUBGROUP + "/meetings", 200, violations);
            visit(admin, "meeting-new", SUBGROUP + "/meetings/new", 200, violations);
            visit(admin, "meeting", SUBGROUP + "/meetings/" + meeting, 200, violations);
            visit(admin, "meeting-edit", SUBGROUP + "/meetings/" + meeting + "/edit", 200, violations);
            visit(admin, "meeting-join-closed", SUBGROUP + "/meetings/" + meeting + "/join", 409, violations);
            visit(admin, "meeting-recordings", SUBGROUP + "/meetings/" + meeting + "/recordings", 200, violations);
            visit(admin, "meeting-held", GROUP + "/meetings/" + held, 200, violations);
            visit(admin, "meeting-attendance", GROUP + "/meetings/" + held + "/outcome/attendance", 200, violations);
            visit(admin, "meeting-minutes", GROUP + "/meetings/" + held + "/outcome/minutes", 200, violations);
            visit(admin, "meeting-agreements", GROUP + "/meetings/" + held + "/outcome/agreements", 200, violations);
            visit(admin, "meeting-actions-form", GROUP + "/meetings/" + held + "/outcome/actions", 200, violations);
            visit(admin, "meeting-actions", GROUP + "/meetings/actions", 200, violations);
            visit(admin, "meeting-month", GROUP + "/meetings/month", 200, violations);
            visit(admin, "room", GROUP + "/room", 200, violations);
            visit(admin, "my-meetings", "/meetings", 200, violations);
            visit(admin, "my-meetings-month", "/meetings/month", 200, violations);
            visit(admin, "my-calendar", "/meetings/calendar", 200, violations);
            visit(admin, "my-actions", "/meetings/actions", 200, violations);
            // Work plans: a plan with a subgroup's annual plan of dated, undated and continuing activities.
            long plan = org.comunidad.plan.TestPlans.plan("seguridad").titled("Plan de accesibilidad " + System.nanoTime())
                    .years(2020, 2024).save();
            try {
                long goal = org.comunidad.plan.TestPlans.item(plan, "seguridad").titled("Objetivo general").save();
                long objective = org.comunidad.plan.TestPlans.item(plan, "seguridad-asistencia-victimas").under(goal)
                        .titled("Objetivo específico de asistencia a víctimas").save();
                long line = org.comunidad.plan.TestPlans.item(plan, "seguridad-asistencia-victimas").under(objective)
                        .titled("Procedimiento regional de retorno asistido").save();
                long planYear = org.comunidad.plan.TestPlans.year(plan, "seguridad-asistencia-victimas", 2021);
                org.comunidad.plan.TestPlans.item(plan, "seguridad-asistencia-victimas").under(line).in(planYear)
                        .titled("Borrador de protocolo regional").period("Primer bimestre 2021").status("IN_PROGRESS")
                        .progress(40).budget("12000", "USD").funding("Fondo Fiduciario Pérez-Guerrero").save();
                org.comunidad.plan.TestPlans.item(plan, "seguridad-asistencia-victimas").under(line).in(planYear)
                        .titled("Taller de validación").period("15/03/2021").status("DONE").save();
                org.comunidad.plan.TestPlans.item(plan, "seguridad-asistencia-victimas").under(line).in(planYear)
                        .titled("Informe regional").period("Por definir.").save();
                org.comunidad.plan.TestPlans.item(plan, "seguridad-asistencia-victimas").under(line).in(planYear)
                        .titled("Red de enlaces").period("Continuidad").save();
                visit(admin, "plans", GROUP + "/plans", 200, violations);
                visit(admin, "plan", GROUP + "/plans/" + plan, 200, violations);
                visit(admin, "plan-year", GROUP + "/plans/" + plan + "/years/" + planYear, 200, violations);
                visit(admin, "plan-dashboard", GROUP + "/plans/" + plan + "/dashboard", 200, violations);
                visit(admin, "plan-dashboard-year", SUBGROUP + "/plans/" + plan + "/dashboard?year=2021", 200, violations);
                visit(admin, "plan-timeline", GROUP + "/plans/" + plan + "/timeline", 200, violations);
                visit(admin, "plan-timeline-year", GROUP + "/plans/" + plan + "/timeline?year=2021", 200, violations);
                visit(admin, "plan-import", GROUP + "/plans/" + plan + "/import", 200, violations);
                // The import's preview: the seed's table uploaded through the form.
                java.nio.file.Path csv = java.nio.file.Files.createTempFile("plan-", ".csv");
                try (java.io.InputStream in = getClass().getResourceAsStream("/plan/seed001-prevencion.csv")) {
                    java.nio.file.Files.copy(in, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                admin.selectOption("select[name=community]",
                        String.valueOf(org.comunidad.testsupport.Db.community("seguridad-prevencion-violencia-genero")));
                admin.fill("input[name=year]", "2021");
                admin.setInputFiles("input[type=file][name=file]", csv);
                admin.waitForResponse(r -> "POST".equals(r.request().method()),
                        () -> admin.locator("form:has(input[name=file]) button[type=submit]").first().click());
                admin.waitForLoadState();
                java.nio.file.Files.deleteIfExists(csv);
                here(admin, "plan-import-preview", violations);
                visit(admin, "tasks", GROUP + "/tasks", 200, violations);
                visit(admin, "tasks-subgroup", SUBGROUP + "/tasks", 200, violations);
                visit(admin, "task-new", SUBGROUP + "/tasks/new", 200, violations);
                visit(admin, "my-tasks", "/tasks", 200, violations);
                visit(admin, "report", GROUP + "/report", 200, violations);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                org.comunidad.testsupport.Db.update("delete from plan where id = ?1", plan);
            }
            visit(admin, "not-found", "/c/no-existe", 404, violations);

            Page member = Browser.signIn(memberContext, APP + "/notifications", "pf.peru");
            visit(member, "notifications", "/notifications", 200, violations);
            visit(member, "join", "/join", 200, violations);
            visit(member, "communities-member", "/communities", 200, violations);
            visit(member, "post-member", SUBGROUP + "/posts/" + post, 200, violations);
            // The discussion's one form in answer mode (quote, hidden parentId), and with an id it cannot answer (notice).
            visit(member, "discussion-answer", SUBGROUP + "/discussions/" + discussion + "?answer=" + reply, 200, violations);
            visit(member, "discussion-answer-unknown", SUBGROUP + "/discussions/" + discussion + "?answer=0", 200,
                    violations);
        }
        assertTrue(violations.isEmpty(), violations.size() + " serious or critical violation(s):\n"
                + String.join("\n", violations));
    }

    @Test
    void onAPhoneTheHeaderIsOneRowAndTheLanguageIsChosenInTheUserMenu() {
        try (Browser browser = Browser.launch();
                BrowserContext visitorContext = browser.newContext("es-AR");
                BrowserContext memberContext = browser.newContext("es-PE")) {
            // A visitor: the language menu beside the sign-in button, one row.
            Page visitor = visitorContext.newPage();
            visitor.setViewportSize(390, 844);
            visitor.navigate(APP + "/");
            photographHeader(visitor, "header-visitor");
            assertOneRow(visitor);
            assertThat(visitor.locator(".lang-form")).isHidden();
            visitor.click(".lang-menu > summary");
            visitor.click(".lang-menu .lang-form button[value=en]");
            visitor.waitForURL(APP + "/");
            assertThat(visitor.locator("html")).hasAttribute("lang", "en");
            assertThat(visitor.locator("h1")).hasText("PROSUR digital communities");
            visitor.click(".lang-menu > summary");
            assertThat(visitor.locator(".lang-form button[value=en]")).hasAttribute("aria-current", "true");

            // A member: the main links, the profile, the language and sign-out are in the user menu.
            Page member = Browser.signIn(memberContext, APP + "/communities", "pf.peru");
            member.setViewportSize(390, 844);
            photographHeader(member, "header-member");
            assertOneRow(member);
            assertThat(member.locator(".main-nav")).isHidden();
            assertThat(member.locator(".lang-form")).isHidden();
            member.click(".user-menu > summary");
            assertThat(member.locator(".user-menu-panel nav a[href='/documents']")).isVisible();
            assertThat(member.locator(".user-menu-panel a[href='/profile']")).isVisible();
            assertThat(member.locator(".user-menu-panel form[action='/logout'][method=post] button")).isVisible();
            assertThat(member.locator(".user-menu-panel form[action='/logout'] input[name=csrf-token]")).hasCount(1);
            member.click(".user-menu-panel .lang-form button[value=pt]");
            member.waitForURL(APP + "/communities");
            assertThat(member.locator("html")).hasAttribute("lang", "pt");
            assertThat(member.locator("h1")).hasText("Minhas comunidades");
            assertEquals("pt", QuarkusTransaction.requiringNew()
                    .call(() -> Member.bySubject(PERU_SUBJECT).orElseThrow().language));
            // On a desktop the navigation and the search box are back in the header, the language stays in the menu.
            member.setViewportSize(1280, 900);
            assertThat(member.locator(".main-nav a[href='/documents']")).isVisible();
            assertThat(member.locator("#site-search-q")).isVisible();
            assertThat(member.locator(".lang-form")).isHidden();
        }
    }

    @Test
    void eachEmptySearchSectionSaysWhatItDidNotFindInTheMembersLanguage() {
        Map<String, List<String>> expected = Map.of(
                "es", List.of("No se encontraron documentos.", "No se encontraron novedades.",
                        "No se encontraron publicaciones.", "No se encontraron debates.",
                        "No se encontraron reuniones ni acuerdos.", "No se encontraron elementos de planes de trabajo."),
                "pt", List.of("Nenhum documento encontrado.", "Nenhuma novidade encontrada.",
                        "Nenhuma publicação encontrada.", "Nenhum debate encontrado.",
                        "Nenhuma reunião ou acordo encontrado.", "Nenhum elemento de planos de trabalho encontrado."),
                "en", List.of("No documents found.", "No news found.", "No posts found.", "No discussions found.",
                        "No meetings or agreements found.", "No work plan items found."));
        try (Browser browser = Browser.launch(); BrowserContext context = browser.newContext("es-PE")) {
            Page page = Browser.signIn(context, APP + "/search?q=zzqxwv", "pf.peru");
            for (String language : List.of("es", "pt", "en")) {
                if (!language.equals("es")) {
                    page.click(".user-menu > summary");
                    page.click(".user-menu-panel .lang-form button[value=" + language + "]");
                    page.waitForURL(APP + "/search?q=zzqxwv");
                }
                assertEquals(expected.get(language), page.locator("main section .empty").allInnerTexts(), language);
            }
        }
    }

    @Test
    void searchCountsAreReadable() {
        try (Browser browser = Browser.launch(); BrowserContext context = browser.newContext("es-PE")) {
            Page page = Browser.signIn(context, APP + "/search?q=v%C3%ADctimas", "pf.peru");
            List<String> unreadable = new ArrayList<>();
            for (var count : page.locator("main h2 .count").all()) {
                double ratio = Axe.contrast(count);
                if (ratio < 4.5) {
                    unreadable.add(count.innerText() + " at " + String.format("%.2f", ratio) + ":1");
                }
            }
            assertEquals(6, page.locator("main h2 .count").count(), "documents, news, posts, discussions, meetings, plans");
            assertTrue(unreadable.isEmpty(), "count badges under 4.5:1 contrast: " + unreadable);
        }
    }

    @Test
    void searchBoxesLookLikeTheOtherFields() {
        try (Browser browser = Browser.launch(); BrowserContext context = browser.newContext("es-PE")) {
            Page page = Browser.signIn(context, APP + "/search?q=v%C3%ADctimas", "pf.peru");
            // The header's box and the page's box: the page's font and the fields' rounded border,
            // not the browser's default small, square input.
            for (String box : List.of("#site-search-q", "#search-page-q")) {
                Map<?, ?> style = (Map<?, ?>) page.locator(box).evaluate(
                        "el => { const s = getComputedStyle(el); return { font: s.fontSize, radius: s.borderTopLeftRadius,"
                                + " padding: s.paddingLeft }; }");
                assertEquals("16px", style.get("font"), box + " " + style);
                assertEquals("6px", style.get("radius"), box + " " + style);
                assertTrue(Double.parseDouble(((String) style.get("padding")).replace("px", "")) >= 8, box + " " + style);
            }
        }
    }

    @Test
    void folderAndReactionIconsAreDrawnNotLeftToTheFonts() {
        try (Browser browser = Browser.launch(); BrowserContext context = browser.newContext("es-PE")) {
            Page page = Browser.signIn(context, APP + SUBGROUP + "/documents", "pf.peru");
            var folders = page.locator(".folder-list a");
            assertTrue(folders.count() > 0, "the subgroup has a folder");
            for (var link : folders.all()) {
                assertThat(link.locator("svg.icon-folder")).hasCount(1);
                assertTrue(link.innerText().codePoints().noneMatch(AccessibilityBrowserTest::isSymbol),
                        "no emoji in " + link.innerText());
            }
            page.navigate(APP + SUBGROUP + "/posts/" + post);
            var reactions = page.locator(".reactions .reaction");
            assertEquals(4, reactions.count());
            for (var reaction : reactions.all()) {
                assertThat(reaction.locator("svg.icon")).hasCount(1);
                assertTrue(reaction.innerText().codePoints().noneMatch(AccessibilityBrowserTest::isSymbol),
                        "no emoji in " + reaction.innerText());
            }
        }
    }

    /** Emoji and pictographs (📁, 👍, ✅): drawn only where the machine has a font for them. */
    private static boolean isSymbol(int codePoint) {
        return Character.getType(codePoint) == Character.OTHER_SYMBOL;
    }

    /** The header's brand, tools and menu on one line: no taller than a row of controls. */
    private static void assertOneRow(Page page) {
        double height = page.locator(".site-header").boundingBox().height;
        assertTrue(height <= 64, "the header is " + height + " px high at " + page.viewportSize().width + " px wide");
    }

    /** The header alone at each width, for a human look (the page is left at 390 px). */
    private static void photographHeader(Page page, String name) {
        for (int width : new int[] { 1280, 390 }) {
            page.setViewportSize(width, 844);
            page.locator(".site-header").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(name + "-" + width + ".png")));
        }
    }

    /** Opens the page, then checks it (and photographs it) at each width. */
    private static void visit(Page page, String name, String path, int status, List<String> violations) {
        Response response = page.navigate(APP + path);
        assertEquals(status, response.status(), path);
        for (int width : WIDTHS) {
            page.setViewportSize(width, 900);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-" + width + ".png"))
                    .setFullPage(true));
            Axe.violations(page).forEach(v -> violations.add(path + " @" + width + "px: " + v));
        }
    }

    /** Checks (and photographs) the page as it is, at each width: a page reached by a form, not an address. */
    private static void here(Page page, String name, List<String> violations) {
        for (int width : WIDTHS) {
            page.setViewportSize(width, 900);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-" + width + ".png"))
                    .setFullPage(true));
            Axe.violations(page).forEach(v -> violations.add(name + " " + page.url() + " @" + width + "px: " + v));
        }
    }

    /** The same with a header menu open: its panel is checked too. */
    private static void openMenu(Page page, String menu, String name, List<String> violations) {
        for (int width : WIDTHS) {
            page.setViewportSize(width, 900);
            if (page.locator(menu).count() == 0) {
                violations.add(page.url() + " @" + width + "px: no " + menu + " in the header");
                continue;
            }
            page.locator(menu + " > summary").click();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-" + width + ".png")));
            Axe.violations(page).forEach(v -> violations.add(page.url() + " (" + menu + " open) @" + width + "px: " + v));
            page.locator(menu + " > summary").click();
        }
    }
}
