package org.comunidad.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.comunidad.member.Member;
import org.comunidad.testsupport.Browser;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A focal point signs in on the real Keycloak login page in Debian's Chromium, sees
 * exactly their communities, switches to Portuguese and signs out of Comunidad and of
 * Keycloak.
 */
@QuarkusTest
class SignInBrowserTest {

    static final String APP = "http://localhost:" + ComunidadTestResource.APP_PORT;
    static final String PERU_SUBJECT = "00000000-0000-4000-a000-000000000004";

    @AfterEach
    void restoreLanguage() {
        QuarkusTransaction.requiringNew().run(() -> Member.bySubject(PERU_SUBJECT).ifPresent(m -> m.language = "es"));
    }

    @Test
    void focalPointSignsInSeesTheirCommunitiesSwitchesLanguageAndSignsOut() {
        try (Browser browser = Browser.launch(); BrowserContext context = browser.newContext("es-PE")) {
            Page page = context.newPage();

            // An anonymous visitor asking for a community page is sent to Keycloak.
            page.navigate(APP + "/c/seguridad");
            assertTrue(page.url().startsWith(ComunidadTestResource.services().keycloak().issuer()), page.url());
            page.fill("#username", "pf.peru");
            page.fill("#password", Tokens.PASSWORD);
            page.click("#kc-login");

            // Back on the page they asked for, signed in.
            page.waitForURL(APP + "/c/seguridad");
            assertThat(page.locator("h1")).hasText("Seguridad y Combate al Crimen");

            page.click("nav[aria-label='Navegación principal'] >> text=Mis comunidades");
            page.waitForURL(APP + "/communities");
            List<String> groups = page.locator(".community-list > li > h2 a").allInnerTexts();
            assertEquals(List.of("Salud", "Seguridad y Combate al Crimen"), groups.stream().sorted().toList());

            // Switch to Portuguese: the page and the stored profile follow.
            page.click(".user-menu summary");
            page.click(".user-menu-panel .lang-form button[value=pt]");
            page.waitForURL(APP + "/communities");
            assertThat(page.locator("html")).hasAttribute("lang", "pt");
            assertThat(page.locator("h1")).hasText("Minhas comunidades");
            assertEquals("pt", QuarkusTransaction.requiringNew()
                    .call(() -> Member.bySubject(PERU_SUBJECT).orElseThrow().language));

            // Sign out through the user menu: back on the landing page...
            page.click(".user-menu summary");
            page.click(".user-menu-panel >> text=Sair");
            page.waitForURL(Pattern.compile(Pattern.quote(APP) + "/(\\?.*)?$"));
            assertThat(page.locator(".site-header")).containsText("Entrar");

            // ...and signed out of Keycloak too: a protected page asks for the password again.
            page.navigate(APP + "/communities");
            assertTrue(page.url().startsWith(ComunidadTestResource.services().keycloak().issuer()), page.url());
            assertThat(page.locator("#password")).isVisible();
        }
    }
}
