package org.comunidad.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.regex.Pattern;

import org.comunidad.testsupport.Browser;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.TestFiles;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.junit.QuarkusTest;

/**
 * In Debian's Chromium, through the real Keycloak: a focal point uploads two files at once
 * from the documents page (each with its progress bar), sees a program refused with the
 * reason, then a member of another country finds the report by a word inside it and
 * downloads exactly the bytes that were uploaded.
 */
@QuarkusTest
class DocumentBrowserTest {

    static final String APP = "http://localhost:" + ComunidadTestResource.APP_PORT;
    static final String DOCUMENTS = APP + "/c/seguridad-asistencia-victimas/documents";

    @Test
    void memberUploadsSeveralFilesAndAnotherFindsAndDownloadsThem() throws Exception {
        byte[] pdf = TestFiles.pdf("Hoja de ruta binacional para la atención de víctimas");
        byte[] notes = "Notas de la reunión virtual del subgrupo".getBytes();
        try (Browser browser = Browser.launch();
                BrowserContext peruContext = browser.newContext("es-PE");
                BrowserContext colombiaContext = browser.newContext("es-CO")) {
            Page peru = Browser.signIn(peruContext, DOCUMENTS, "pf.peru");
            peru.setInputFiles("#upload-files", new FilePayload[] {
                    new FilePayload("hoja-de-ruta.pdf", "application/pdf", pdf),
                    new FilePayload("notas-reunion.txt", "text/plain", notes) });
            peru.selectOption("#upload-type", "MINUTES");
            peru.selectOption("#upload-language", "es");
            peru.fill("#upload-tags", "víctimas, frontera");
            peru.click("form[data-upload] button[type=submit]");
            // Both files uploaded, the folder reloads and names them (its list is by title, 50 a page).
            assertThat(peru.locator("#just-uploaded")).containsText("hoja-de-ruta", new com.microsoft.playwright.assertions
                    .LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
            assertThat(peru.locator("#just-uploaded")).containsText("notas-reunion");

            peru.setInputFiles("#upload-files", new FilePayload("instalador.exe", "application/octet-stream",
                    TestFiles.windowsProgram()));
            peru.selectOption("#upload-type", "OTHER");
            peru.selectOption("#upload-language", "es");
            peru.click("form[data-upload] button[type=submit]");
            assertThat(peru.locator(".upload-list li.failed")).containsText("No se aceptan programas ni scripts.");
            assertTrue(peru.url().startsWith(DOCUMENTS), "the page stays where it was");

            Page colombia = Browser.signIn(colombiaContext, APP + "/documents", "pf.colombia");
            colombia.fill("#browse-q", "binacional");
            colombia.click("form.filters button[type=submit]");
            // Text extraction runs in the background right after the upload; search until it is indexed
            // (other tests' documents may match the word already: wait for this one's hit).
            Locator hit = colombia.locator(".hit",
                    new Page.LocatorOptions().setHasText("hoja-de-ruta"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (hit.count() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
                colombia.reload();
            }
            assertThat(hit.locator(".snippet mark").first()).hasText("binacional");
            hit.locator("h3 a").click();
            colombia.waitForURL(Pattern.compile(Pattern.quote(DOCUMENTS) + "/\\d+"));
            Download download = colombia.waitForDownload(() -> colombia.click("a.button[download]"));
            assertTrue(download.suggestedFilename().equals("hoja-de-ruta.pdf"), download.suggestedFilename());
            assertArrayEquals(pdf, Files.readAllBytes(download.path()));
        }
    }

}
