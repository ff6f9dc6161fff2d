package org.comunidad.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, never a downloaded browser. Where Chromium is
 * missing the browser tests are skipped with a loud message, except in CI (CI=true),
 * where a missing browser is a failure.
 */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /**
     * Opens the page, signs in on Keycloak's form as this demo user (with the one-time code
     * of their authenticator when Keycloak asks for it: the admin and the coordinator), and
     * waits to be back on it.
     */
    public static com.microsoft.playwright.Page signIn(com.microsoft.playwright.BrowserContext context, String url,
            String username) {
        com.microsoft.playwright.Page page = context.newPage();
        page.navigate(url);
        page.fill("#username", username);
        page.fill("#password", Tokens.PASSWORD);
        page.click("#kc-login");
        page.waitForURL(u -> u.equals(url) || u.contains("/login-actions/"));
        if (!page.url().equals(url)) {
            // Keycloak's second step: the code of the authenticator set up with the demo secret.
            String secret = Tokens.totpSecret(username).orElseThrow(() -> new AssertionError(
                    username + " is asked for a one-time code but has no TOTP secret in the demo import: " + page.url()));
            page.fill("#otp", Tokens.unusedTotp(username, secret));
            page.click("#kc-login");
            page.waitForURL(url);
        }
        return page;
    }

    public static Browser launch() {
        Optional<Path> chromium = findChromium();
        if (chromium.isEmpty()) {
            String message = "\n**********************************************************************\n"
                    + " Chromium is not installed: the end-to-end browser tests are SKIPPED.\n"
                    + " Install it with: apt-get install -y chromium   (.ci/run does this)\n"
                    + "**********************************************************************\n";
            System.err.println(message);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true and Chromium is missing: " + message);
            }
            Assumptions.abort("Chromium is not installed");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        com.microsoft.playwright.Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium.get())
                .setHeadless(true)
                .setChromiumSandbox(false)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        return new Browser(playwright, browser);
    }

    public BrowserContext newContext(String locale) {
        return browser.newContext(new NewContextOptions().setLocale(locale).setViewportSize(1280, 900));
    }

    static Optional<Path> findChromium() {
        String override = System.getenv("COMUNIDAD_CHROMIUM");
        Stream<String> candidates = Stream.of(override, "/usr/bin/chromium", "/usr/bin/chromium-browser");
        return candidates.filter(c -> c != null && !c.isBlank()).map(Path::of).filter(Files::isExecutable).findFirst();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
