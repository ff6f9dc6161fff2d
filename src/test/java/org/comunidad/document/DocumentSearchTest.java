package org.comunidad.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.TestFiles;
import org.comunidad.testsupport.Uploads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Search finds words that exist only inside the files (a PDF in Spanish, a Word document
 * in Portuguese, both made by the test), with and without accents, highlights them, and
 * never shows a document to someone outside its working group.
 */
@QuarkusTest
class DocumentSearchTest {

    static final String S = "/c/seguridad-asistencia-victimas/documents";

    @Inject
    DocumentJobs jobs;

    @Inject
    EntityManager em;

    static long pdf;
    static long docx;

    @BeforeEach
    void upload() {
        if (pdf != 0) {
            return;
        }
        Map<String, String> es = Uploads.report("Anexo técnico A");
        Response a = Uploads.upload(Persona.MEMBER, S + "/upload", "anexo-a.pdf", TestFiles.pdf(
                "Primera parte del anexo.",
                "La cooperación transfronteriza en rehabilitación psicológica exige protocolos comunes."), es);
        assertEquals(201, a.statusCode(), a.body().asString());
        pdf = a.jsonPath().getLong("id");

        Map<String, String> pt = Uploads.report("Anexo técnico B");
        pt.put("language", "pt");
        pt.put("country", "BR");
        Response b = Uploads.upload(Persona.MEMBER, S + "/upload", "anexo-b.docx", TestFiles.docx(
                "Introdução do anexo.",
                "A reinserção econômica das vítimas depende de parcerias públicas duradouras."), pt);
        assertEquals(201, b.statusCode(), b.body().asString());
        docx = b.jsonPath().getLong("id");
        jobs.extractPending();
        assertEquals(2L, ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from document d join document_version v on v.id = d.current_version_id "
                        + "where d.id in (?1, ?2) and v.text_status = 'DONE'").setParameter(1, pdf).setParameter(2, docx)
                .getSingleResult())).longValue(), "both files' text was extracted");
    }

    String browse(Persona persona, String q) {
        Response response = persona.request().queryParam("q", q).get("/documents");
        assertEquals(200, response.statusCode());
        return response.body().asString();
    }

    @Test
    void findsAPhraseThatIsOnlyInsideThePdfWithAndWithoutAccents() {
        for (String q : new String[] { "cooperación transfronteriza", "cooperacion transfronteriza",
                "\"rehabilitacion psicologica\"", "protocolo común" }) {
            String page = browse(Persona.GROUP_MEMBER, q);
            assertTrue(page.contains(S + "/" + pdf + "\""), q + " finds the PDF");
            assertFalse(page.contains(S + "/" + docx + "\""), q + " does not find the Word document");
        }
        String page = browse(Persona.GROUP_MEMBER, "cooperacion transfronteriza");
        assertTrue(page.contains("<mark>cooperación</mark> <mark>transfronteriza</mark>"), page);
    }

    @Test
    void findsAPhraseThatIsOnlyInsideTheWordDocumentInPortuguese() {
        for (String q : new String[] { "reinserção econômica", "reinsercao economica", "parcerias públicas",
                "parceria publica" }) {
            String page = browse(Persona.COORDINATOR, q);
            assertTrue(page.contains(S + "/" + docx + "\""), q + " finds the Word document");
            assertFalse(page.contains(S + "/" + pdf + "\""), q + " does not find the PDF");
        }
    }

    @Test
    void filtersNarrowTheResults() {
        assertTrue(Persona.MEMBER.request().queryParam("q", "anexo").queryParam("language", "pt").get("/documents")
                .body().asString().contains(S + "/" + docx + "\""));
        assertFalse(Persona.MEMBER.request().queryParam("q", "anexo").queryParam("language", "pt").get("/documents")
                .body().asString().contains(S + "/" + pdf + "\""));
        assertFalse(Persona.MEMBER.request().queryParam("q", "anexo").queryParam("country", "PE").get("/documents")
                .body().asString().contains(S + "/" + docx + "\""));
        assertFalse(Persona.MEMBER.request().queryParam("q", "anexo").queryParam("type", "MINUTES").get("/documents")
                .body().asString().contains(S + "/" + pdf + "\""));
    }

    @Test
    void aMemberOfAnotherGroupFindsNothing() {
        for (String q : new String[] { "cooperación transfronteriza", "reinserção econômica", "anexo" }) {
            String page = browse(Persona.OTHER_GROUP, q);
            assertFalse(page.contains(S + "/"), q + ": nothing of Security for a member of Energy");
            String site = Persona.OTHER_GROUP.request().queryParam("q", q).get("/search").body().asString();
            assertFalse(site.contains(S + "/"), q + ": nothing in the site search either");
        }
    }

    @Test
    void theSiteSearchCoversDocumentsAndTheConversation() {
        String page = Persona.MEMBER.request().queryParam("q", "transfronteriza").get("/search").body().asString();
        assertTrue(page.contains(S + "/" + pdf + "\""), page);
        assertTrue(page.contains("id=\"found-news\""));
        assertTrue(page.contains("id=\"found-posts\""));
        assertTrue(page.contains("id=\"found-discussions\""));
    }

    @Test
    void theDemoDocumentsAreThereAndSearchable() {
        jobs.extractPending();
        String page = browse(Persona.MEMBER, "derivacion de casos");
        assertTrue(page.contains("Acta de la II reunión virtual del subgrupo"), page);
        String declaration = Persona.COORDINATOR.request().get("/documents?q=declaration").body().asString();
        assertTrue(declaration.contains("Regional declaration on assistance to victims"), declaration);
    }
}
