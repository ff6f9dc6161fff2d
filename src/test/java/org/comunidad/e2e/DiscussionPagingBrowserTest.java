package org.comunidad.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Axe;
import org.comunidad.testsupport.Browser;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * In Chromium: a discussion of 120 replies, read by a member page by page. The pager (top and
 * bottom) passes axe at 1280 px and 390 px and fits a phone's width; "Next" goes to page 3; a
 * link to reply 120 opens page 3 with that reply in view; in Portuguese the pager speaks Portuguese.
 */
@QuarkusTest
class DiscussionPagingBrowserTest {

    static final String APP = "http://localhost:" + ComunidadTestResource.APP_PORT;
    static final String SUBGROUP = "/c/seguridad-asistencia-victimas";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Inject
    EntityManager em;

    private void language(String language) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update member set language = :l where username = 'pf.peru'").setParameter("l", language).executeUpdate());
    }

    @Test
    void aMemberReadsALongDiscussionPageByPageAtDesktopAndPhoneWidths() {
        long d = Web.create(Persona.LEADER, "/api/communities/" + Db.community("seguridad-asistencia-victimas")
                + "/discussions", Map.of("title", "Debate largo", "agendaTopic", "Punto 4", "opening", "Abrimos"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into discussion_reply (discussion_id, author_id, body, created_at)
                select :d, (select m.id from member m where m.username in ('pf.peru', 'lider.victimas')
                            order by m.id offset (i % 2) limit 1),
                       'Aporte número ' || i || '.', timestamptz '2026-01-01 00:00:00+00' + make_interval(secs => i)
                from generate_series(1, 120) i
                """).setParameter("d", d).executeUpdate());
        long r120 = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from discussion_reply where discussion_id = :d and body = 'Aporte número 120.'")
                .setParameter("d", d).getSingleResult()).longValue());
        String base = APP + SUBGROUP + "/discussions/" + d;
        List<String> violations = new ArrayList<>();
        try (Browser browser = Browser.launch(); BrowserContext context = browser.newContext("es-PE")) {
            Page member = Browser.signIn(context, base + "?page=2", "pf.peru");
            assertThat(member.locator("article.reply")).hasCount(50);
            assertThat(member.locator("nav.pager[aria-label='Páginas de respuestas'] [aria-current=page]"))
                    .hasText("Página 2 de 3");
            for (int width : new int[] { 1280, 390 }) {
                member.setViewportSize(width, 900);
                member.screenshot(new Page.ScreenshotOptions()
                        .setPath(SCREENSHOTS.resolve("discussion-page-2-" + width + ".png")).setFullPage(true));
                Axe.violations(member).forEach(v -> violations.add("@" + width + "px: " + v));
                int scrollWidth = ((Number) member.evaluate("document.documentElement.scrollWidth")).intValue();
                assertTrue(scrollWidth <= width, "no sideways scrolling at " + width + " px: " + scrollWidth);
                Locator links = member.locator("nav.pager").first().locator("a, [aria-current]");
                assertEquals(5, links.count(), "first, previous, page 2 of 3, next, last");
                for (int i = 0; i < links.count(); i++) {
                    var box = links.nth(i).boundingBox();
                    assertTrue(box.x >= 0 && box.x + box.width <= width, "pager item " + i + " fits at " + width + " px");
                    assertTrue(box.height >= 24, "pager item " + i + " is a target of 24 px at least");
                }
            }
            assertEquals(List.of(), violations);

            member.locator("nav.pager").last().locator("a[rel=next]").click();
            member.waitForURL(base + "?page=3");
            assertThat(member.locator("article.reply")).hasCount(20);
            assertThat(member.locator("nav.pager").first().locator("a[rel=next]")).hasCount(0);

            member.navigate(APP + SUBGROUP + "/discussions/" + d + "/replies/" + r120);
            member.waitForURL(Pattern.compile(Pattern.quote(base + "?page=3#reply-" + r120)));
            assertThat(member.locator("#reply-" + r120)).isInViewport();
            assertThat(member.locator("#reply-" + r120)).containsText("Aporte número 120.");

            // In Portuguese (the member's language, as the app keeps it) the pager speaks Portuguese.
            language("pt");
            member.navigate(base + "?page=2");
            Locator pager = member.locator("nav.pager[aria-label='Páginas de respostas']");
            assertThat(pager.locator("[aria-current=page]")).hasText("Página 2 de 3");
            assertThat(pager.locator("a[rel=next]")).hasText("Próxima");
            assertThat(pager.locator("a[rel=first]")).hasText("Primeira");
            assertThat(pager.locator("a[rel=last]")).hasText("Última");
        } finally {
            language("es");
        }
    }
}
