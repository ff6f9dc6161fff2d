package org.comunidad.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.comunidad.testsupport.Browser;
import org.comunidad.testsupport.ComunidadTestResource;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * In Debian's Chromium, through the real Keycloak: the leader of a subgroup (Paraguay)
 * opens a formal discussion, a focal point from another country (Peru) replies, the
 * leader answers that reply from its "Answer" link (the page's one form, in answer mode), closes it
 * with a conclusion, and the focal point finds it read-only. Then a
 * stored XSS payload is shown to another member and does not run.
 */
@QuarkusTest
class DiscussionBrowserTest {

    static final String APP = "http://localhost:" + ComunidadTestResource.APP_PORT;
    static final String SUBGROUP = APP + "/c/seguridad-asistencia-victimas";

    @Test
    void leaderOpensMemberRepliesLeaderConcludesMemberReadsOnly() {
        try (Browser browser = Browser.launch();
                BrowserContext leaderContext = browser.newContext("es-PY");
                BrowserContext memberContext = browser.newContext("es-PE")) {
            Page leader = Browser.signIn(leaderContext, SUBGROUP + "/discussions/new", "lider.victimas");
            leader.fill("#discussion-title", "Protocolo regional de asistencia");
            leader.fill("#discussion-agendaTopic", "Punto 2: derivación de casos entre países");
            leader.fill("#discussion-opening", "Propongo un **protocolo común** de derivación.");
            leader.click("form[action$='/discussions'] button[type=submit]");
            leader.waitForURL(Pattern.compile(Pattern.quote(SUBGROUP) + "/discussions/\\d+"));
            String discussion = leader.url();
            assertThat(leader.locator("h1")).hasText("Protocolo regional de asistencia");

            Page member = Browser.signIn(memberContext, discussion, "pf.peru");
            member.fill("#reply-body", "Perú apoya el protocolo y propone un punto de contacto por país.");
            member.click("section[aria-labelledby=reply-title] button[type=submit]");
            // Back at the new reply: its page (the first) and its anchor.
            member.waitForURL(Pattern.compile(Pattern.quote(discussion) + "#reply-\\d+"));
            assertThat(member.locator("#replies-title + .reply")).containsText("Perú apoya el protocolo");
            assertThat(member.locator("#replies-title + .reply .byline")).containsText("Perú");

            leader.reload();
            assertThat(leader.locator(".reply")).containsText("Perú apoya el protocolo");
            // The leader answers that reply: its "Answer" link (a link, not a form of its own) puts the
            // page's one form in answer mode, quoting it; "reply to the discussion" leaves that mode.
            Locator answerLink = leader.locator("#replies-title + .reply").getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Responder a esto"));
            answerLink.click();
            leader.waitForURL(Pattern.compile(Pattern.quote(discussion) + "\\?answer=\\d+#reply-title"));
            assertThat(leader.locator("#reply-title")).hasText(Pattern.compile("^Responder a .+"));
            assertThat(leader.locator("section[aria-labelledby=reply-title] .answer-to"))
                    .containsText("Perú apoya el protocolo");
            assertThat(leader.locator("section[aria-labelledby=reply-title] input[name=parentId]")).hasCount(1);
            assertThat(leader.locator("label[for=reply-body]")).containsText("Respuesta");
            leader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aportar al debate en general")).click();
            leader.waitForURL(discussion + "#reply-title");
            assertThat(leader.locator("#reply-title")).hasText("Su aporte");
            assertThat(leader.locator("input[name=parentId]")).hasCount(0);
            answerLink.click();
            leader.waitForURL(Pattern.compile(Pattern.quote(discussion) + "\\?answer=\\d+#reply-title"));
            leader.fill("#reply-body", "Gracias, Perú: lo incorporamos al protocolo.");
            leader.click("section[aria-labelledby=reply-title] button[type=submit]");
            // Back at the answer's anchor; it is stored under the reply and quotes it.
            leader.waitForURL(Pattern.compile(Pattern.quote(discussion) + "#reply-\\d+"));
            Locator answer = leader.locator(".reply.is-answer");
            assertThat(answer).containsText("Gracias, Perú");
            assertThat(answer.locator(".answer-to")).containsText("Perú apoya el protocolo");
            assertTrue(leader.url().endsWith("#" + answer.getAttribute("id")), leader.url());
            assertThat(answer.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Responder a esto")))
                    .hasCount(0);
            leader.click("details.close > summary");
            leader.fill("#close-conclusion", "Se aprueba el protocolo con un punto de contacto por país.");
            leader.click("details.close button[type=submit]");
            leader.waitForURL(discussion);
            assertThat(leader.locator(".badge.status-CLOSED")).isVisible();

            member.reload();
            assertThat(member.locator(".conclusion")).containsText("Se aprueba el protocolo");
            assertThat(member.locator("#reply-body")).hasCount(0);
            assertThat(member.locator("p.notice")).containsText("Este debate está cerrado");

            member.navigate(SUBGROUP + "/discussions");
            assertThat(member.locator("#closed-title + .table-wrap")).containsText("Protocolo regional de asistencia");
        }
    }

    @Test
    void storedPayloadDoesNotRunForOtherMembers() {
        String payload = String.join("\n",
                "<img src=x onerror=\"window.__xss=1;alert(1)\">",
                "<script>window.__xss=2</script>",
                "[haga clic](javascript:window.__xss=3)",
                "<svg onload=\"window.__xss=4\"></svg>",
                "![x](x\" onerror=\"window.__xss=5)",
                "<a href=\"javascript:window.__xss=6\">enlace</a>");
        try (Browser browser = Browser.launch();
                BrowserContext authorContext = browser.newContext("es-PE");
                BrowserContext readerContext = browser.newContext("es-CO")) {
            Page author = Browser.signIn(authorContext, SUBGROUP + "/posts", "pf.peru");
            author.fill("#post-body", payload);
            author.click("form[action$='/posts'] button[type=submit]");
            author.waitForURL(Pattern.compile(Pattern.quote(SUBGROUP) + "/posts.*"));

            Page reader = Browser.signIn(readerContext, SUBGROUP + "/posts", "pf.colombia");
            List<String> dialogs = new ArrayList<>();
            reader.onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            reader.reload();
            assertThat(reader.locator(".item").first()).containsText("haga clic");
            reader.locator(".item").first().locator("text=haga clic").click();
            reader.locator("text=enlace").first().click(new com.microsoft.playwright.Locator.ClickOptions().setTrial(true));
            assertEquals("undefined", reader.evaluate("() => typeof window.__xss"));
            assertEquals(0, reader.locator("main [onerror], main [onload], main script, main svg").count());
            assertEquals(0, reader.locator("main a[href^='javascript']").count());
            assertTrue(dialogs.isEmpty(), "no dialog opened: " + dialogs);
        }
    }

}
