package org.comunidad.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Browser;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.MailServer;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * In Debian's Chromium, through the real Keycloak and a captured mailbox: the coordinator
 * of Security invites a new address as Brazil's alternate focal point; the invitation email
 * carries Keycloak's link; the invitee verifies the address, chooses a password on
 * Keycloak's page, and lands in the Security group with that role.
 */
@QuarkusTest
class InvitationBrowserTest {

    static final String APP = "http://localhost:" + ComunidadTestResource.APP_PORT;

    @Inject
    EntityManager em;

    @Test
    void coordinatorInvitesAndTheInviteeLandsInTheGroupWithTheRole() {
        MailServer mail = ComunidadTestResource.services().mail();
        String email = "ana.souza." + System.nanoTime() + "@itamaraty.example";
        String password = "Prosur.Convite2026!";
        try (Browser browser = Browser.launch();
                BrowserContext coordinatorContext = browser.newContext("es-CL");
                BrowserContext inviteeContext = browser.newContext("pt-BR")) {
            Page coordinator = Browser.signIn(coordinatorContext, APP + "/c/seguridad/invitations", "coord.seguridad");
            coordinator.fill("#invite-email", email);
            coordinator.fill("#invite-firstName", "Ana");
            coordinator.fill("#invite-lastName", "Souza");
            coordinator.selectOption("#invite-country", "BR");
            coordinator.fill("#invite-institution", "Ministério das Relações Exteriores");
            coordinator.selectOption("#invite-language", "pt");
            coordinator.selectOption("#invite-role", "ALTERNATE");
            coordinator.selectOption("#invite-community", "seguridad");
            coordinator.click("form[action='/c/seguridad/invitations'] button[type=submit]");
            coordinator.waitForURL(APP + "/c/seguridad/invitations?sent=1");
            assertThat(coordinator.locator("[role=status]")).containsText("se envió el enlace");
            assertThat(coordinator.locator("table")).containsText(email);
            assertThat(coordinator.locator("table")).containsText("Pendiente");

            // Keycloak's email, in the invitee's language, with its action link.
            MailServer.Mail invitation = mail.await(m -> m.to().equalsIgnoreCase(email), Duration.ofSeconds(30));
            assertEquals("Convite para a Comunidad PROSUR", invitation.subject());
            String link = invitation.link(ComunidadTestResource.services().keycloak().url()
                    + "/realms/comunidad/login-actions/action-token");

            Page invitee = inviteeContext.newPage();
            invitee.navigate(link);
            boolean passwordSet = false;
            for (int step = 0; step < 8 && !invitee.url().startsWith(APP + "/c/"); step++) {
                invitee.waitForLoadState();
                if (invitee.locator("#password-new").count() > 0) {
                    invitee.fill("#password-new", password);
                    invitee.fill("#password-confirm", password);
                    invitee.locator("#password-new").press("Enter");
                    passwordSet = true;
                } else if (invitee.locator("#username").count() > 0) {
                    invitee.fill("#username", email);
                    invitee.fill("#password", password);
                    invitee.click("#kc-login");
                } else if (invitee.locator("#kc-info-message a, #kc-content a[href*='login-actions'], a[href^='"
                        + APP + "']").count() > 0) {
                    invitee.locator("#kc-info-message a, #kc-content a[href*='login-actions'], a[href^='" + APP + "']")
                            .first().click();
                } else {
                    invitee.waitForTimeout(500);
                }
                invitee.waitForLoadState();
            }
            assertTrue(passwordSet, "the invitee chose a password on Keycloak's page");
            invitee.waitForURL(Pattern.compile(Pattern.quote(APP) + "/c/seguridad/?"));
            assertThat(invitee.locator("h1")).containsText("Segurança");

            @SuppressWarnings("unchecked")
            List<Object[]> roles = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    select c.slug, ms.role, ms.country_code, m.language, m.institution from membership ms
                    join member m on m.id = ms.member_id join community c on c.id = ms.community_id
                    where lower(m.email) = lower(?1)""").setParameter(1, email).getResultList());
            assertEquals(1, roles.size(), "exactly the invited role");
            assertEquals("seguridad", roles.get(0)[0]);
            assertEquals("ALTERNATE", roles.get(0)[1]);
            assertEquals("BR", roles.get(0)[2]);
            assertEquals("pt", roles.get(0)[3]);
            assertEquals("Ministério das Relações Exteriores", roles.get(0)[4]);
            assertEquals("ACCEPTED", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select status from invitation where lower(email) = lower(?1)").setParameter(1, email)
                    .getSingleResult()));
            assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                    select count(*) from audit_log where target_type = 'invitation' and action in ('INVITE', 'INVITE_ACCEPT')
                    and target_id = (select id from invitation where lower(email) = lower(?1))""")
                    .setParameter(1, email).getSingleResult()).longValue()));

            coordinator.reload();
            assertThat(coordinator.locator("table tr", new Page.LocatorOptions().setHasText(email)))
                    .containsText("Aceptada");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    delete from membership where member_id in (select id from member where lower(email) = lower(?1))""")
                    .setParameter(1, email).executeUpdate());
        }
    }

}
