package org.comunidad.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.comunidad.member.KeycloakAccounts;
import org.comunidad.testsupport.Browser;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.KeycloakServer;
import org.comunidad.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Two-factor sign-in on Keycloak's own pages: whoever holds the realm role coordinator (the
 * sector coordinators, and the forum admin, whose role includes it) types the code of their
 * authenticator after the password; a coordinator without one is sent to Keycloak's setup
 * page first; a member who did not set one up is not asked.
 */
@QuarkusTest
class TwoFactorBrowserTest {

    static final String APP = "http://localhost:" + ComunidadTestResource.APP_PORT;
    static final String ARGENTINA_SUBJECT = "00000000-0000-4000-a000-000000000007";

    @Inject
    KeycloakAccounts accounts;

    @Inject
    Keycloak keycloak;

    @Test
    void theCoordinatorTypesTheCodeOfTheirAuthenticator() {
        try (Browser browser = Browser.launch(); BrowserContext context = browser.newContext("es-CL")) {
            Page page = signInWithPassword(context, APP + "/c/seguridad", "coord.seguridad");
            assertOtpAsked(page);

            // A wrong code is refused, on Keycloak's page.
            page.fill("#otp", wrongCode("coord.seguridad"));
            page.click("#kc-login");
            assertThat(page.locator("#otp")).isVisible();
            assertTrue(page.url().startsWith(ComunidadTestResource.services().keycloak().issuer()), page.url());

            page.fill("#otp", Tokens.unusedTotp("coord.seguridad", Tokens.totpSecret("coord.seguridad").orElseThrow()));
            page.click("#kc-login");
            page.waitForURL(APP + "/c/seguridad");
            assertThat(page.locator("h1")).hasText("Seguridad y Combate al Crimen");
        }
    }

    @Test
    void theForumAdminIsAskedForACodeToo() {
        try (Browser browser = Browser.launch(); BrowserContext context = browser.newContext("es-CL")) {
            Page page = signInWithPassword(context, APP + "/presidency", "admin.prosur");
            assertOtpAsked(page);
            page.fill("#otp", Tokens.unusedTotp("admin.prosur", Tokens.totpSecret("admin.prosur").orElseThrow()));
            page.click("#kc-login");
            page.waitForURL(APP + "/presidency");
            assertThat(page.locator("h1")).isVisible();
        }
    }

    @Test
    void aMemberWithoutAnAuthenticatorIsNotAsked() {
        try (Browser browser = Browser.launch(); BrowserContext context = browser.newContext("es-PE")) {
            Page page = signInWithPassword(context, APP + "/communities", "pf.peru");
            page.waitForURL(APP + "/communities");
            assertThat(page.locator("h1")).hasText("Mis comunidades");
        }
    }

    @Test
    void aNewCoordinatorSetsUpTheirAuthenticatorOnKeycloaksPageAtTheFirstSignIn() {
        accounts.grantRealmRole(ARGENTINA_SUBJECT, "coordinator");
        try (Browser browser = Browser.launch(); BrowserContext context = browser.newContext("es-AR")) {
            Page page = signInWithPassword(context, APP + "/communities", "pf.argentina");
            assertThat(page.locator("#kc-totp-settings-form")).isVisible();
            assertTrue(page.url().contains("CONFIGURE_TOTP"), page.url());

            // "Unable to scan?": the secret as text, typed into the authenticator app (here, computed).
            page.click("#mode-manual");
            String secret = page.locator("#kc-totp-secret-key").innerText().replace(" ", "").strip();
            page.fill("#totp", Tokens.unusedTotp("pf.argentina", secret));
            page.fill("#userLabel", "Teléfono de prueba");
            page.click("#saveTOTPBtn");
            page.waitForURL(APP + "/communities");
            assertThat(page.locator("h1")).hasText("Mis comunidades");
            assertEquals(List.of("otp"), otpCredentials(user(ARGENTINA_SUBJECT)).stream()
                    .map(CredentialRepresentation::getType).toList(), "the authenticator is Keycloak's credential");
        } finally {
            UserResource user = user(ARGENTINA_SUBJECT);
            otpCredentials(user).forEach(c -> user.removeCredential(c.getId()));
            accounts.revokeRealmRole(ARGENTINA_SUBJECT, "coordinator");
        }
        assertTrue(!accounts.realmRoles(ARGENTINA_SUBJECT).contains("coordinator"), "restored");
    }

    /** Keycloak's login form with the password; returns the page after it, whatever it asks next. */
    private static Page signInWithPassword(BrowserContext context, String url, String username) {
        Page page = context.newPage();
        page.navigate(url);
        assertTrue(page.url().startsWith(ComunidadTestResource.services().keycloak().issuer()), page.url());
        page.fill("#username", username);
        page.fill("#password", Tokens.PASSWORD);
        page.click("#kc-login");
        page.waitForURL(u -> u.equals(url) || u.contains("/login-actions/"));
        return page;
    }

    private static void assertOtpAsked(Page page) {
        assertTrue(page.url().startsWith(ComunidadTestResource.services().keycloak().issuer()),
                "still on Keycloak after the password: " + page.url());
        assertThat(page.locator("#otp")).isVisible();
        assertThat(page.locator("#password")).hasCount(0);
    }

    /** A code that is none of those Keycloak accepts around now (the period before, this one, the next). */
    private static String wrongCode(String username) {
        String secret = Tokens.totpSecret(username).orElseThrow();
        Instant now = Instant.now();
        List<String> valid = List.of(Tokens.totp(secret, now.minusSeconds(30)), Tokens.totp(secret, now),
                Tokens.totp(secret, now.plusSeconds(30)), Tokens.totp(secret, now.plusSeconds(60)));
        return java.util.stream.Stream.of("000000", "111111", "222222", "333333", "444444")
                .filter(code -> !valid.contains(code)).findFirst().orElseThrow();
    }

    private UserResource user(String id) {
        return keycloak.realm(KeycloakServer.REALM).users().get(id);
    }

    private static List<CredentialRepresentation> otpCredentials(UserResource user) {
        return user.credentials().stream().filter(c -> "otp".equals(c.getType())).toList();
    }
}
