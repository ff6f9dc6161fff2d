package org.comunidad.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.TestFiles;
import org.comunidad.testsupport.Uploads;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Text extraction reads untrusted files in a separate process with a time limit and a
 * memory bound (the tests' limits: 15 s, 256 MB, files up to 8 MiB, 2 attempts; see
 * application.properties). A file that exceeds them is marked "text not extracted" with
 * its reason, shown on the document's page in the reader's language, and is not tried
 * again past the attempt limit; the uploads after it are still extracted and found.
 * The pathological files are read by {@link PathologicalTestParser}.
 */
@QuarkusTest
class DocumentTextExtractionTest {

    static final String S = "/c/seguridad-asistencia-victimas/documents";
    /** Longer than the tests' time limit, with room for a new extraction process to start. */
    static final Duration ROUND = Duration.ofMinutes(3);

    @Inject
    DocumentJobs jobs;

    @Inject
    EntityManager em;

    @Test
    void aFileThatNeverFinishesIsStoppedAndLaterUploadsAreStillExtracted() {
        long slow = upload("acta-lenta.prueba", "%COMUNIDAD-PRUEBA LENTO\nnunca se termina de leer",
                "Acta que no termina de leerse");
        long normal = upload("protocolo.pdf", TestFiles.pdf("Protocolo regional",
                "La repatriación asistida requiere acuerdos binacionales."), "Protocolo de repatriación");

        extract();
        assertEquals("PENDING", status(slow), "timed out once: it gets another attempt later");
        assertEquals(1, attempts(slow));
        assertEquals("DONE", status(normal), "the upload after it was extracted");
        assertTrue(found("repatriacion asistida binacionales", normal), "and is found by the words inside it");

        extract();
        assertEquals(1, attempts(slow), "not retried at once");

        retryNow(slow);
        extract();
        assertEquals("FAILED", status(slow), "the second attempt is the last one");
        assertEquals("TIMEOUT", failure(slow));
        assertEquals(2, attempts(slow));

        retryNow(slow);
        extract();
        assertEquals(2, attempts(slow), "a final failure is never tried again");

        String page = Persona.GROUP_MEMBER.request().get(S + "/" + slow).then().statusCode(200).extract().asString();
        assertTrue(page.contains("El texto de este archivo no se extrajo: su lectura superó el tiempo máximo."),
                page);
        withLanguage("pf.peru", "pt", () -> assertTrue(Persona.MEMBER.request().get(S + "/" + slow).asString()
                .contains("O texto deste arquivo não foi extraído: a leitura excedeu o tempo máximo.")));
        withLanguage("pf.peru", "en", () -> assertTrue(Persona.MEMBER.request().get(S + "/" + slow).asString()
                .contains("The text of this file was not extracted: reading it took longer than allowed.")));
    }

    @Test
    void aFileThatNeedsTooMuchMemoryIsMarkedAtOnce() {
        long greedy = upload("acta-grande.prueba", "%COMUNIDAD-PRUEBA MEMORIA\n", "Acta que agota la memoria");
        long normal = upload("nota.prueba", "%COMUNIDAD-PRUEBA\nNota sobre albergues temporales fronterizos",
                "Nota sobre albergues");
        extract();
        assertEquals("FAILED", status(greedy));
        assertEquals("MEMORY", failure(greedy));
        assertEquals(1, attempts(greedy), "a file that does not fit in memory will not fit next time either");
        assertEquals("DONE", status(normal));
        assertTrue(found("albergues fronterizos", normal));
        assertTrue(Persona.GROUP_MEMBER.request().get(S + "/" + greedy).asString().contains(
                "El texto de este archivo no se extrajo: leerlo necesitaba más memoria de la permitida."));
    }

    @Test
    void aDamagedFileAndAFileOverTheSizeLimitAreMarkedWithTheirReason() {
        long damaged = upload("acta-danada.prueba", "%COMUNIDAD-PRUEBA DAÑADO\n", "Acta dañada");
        byte[] big = new byte[9 << 20];
        java.util.Arrays.fill(big, (byte) 'a');
        long large = upload("anexo-enorme.txt", new String(big, StandardCharsets.US_ASCII), "Anexo enorme");
        extract();
        assertEquals("FAILED", status(damaged));
        assertEquals("PARSE_ERROR", failure(damaged));
        assertEquals(1, attempts(damaged));
        assertEquals("FAILED", status(large));
        assertEquals("TOO_LARGE", failure(large));
        assertTrue(Persona.GROUP_MEMBER.request().get(S + "/" + damaged).asString().contains(
                "El texto de este archivo no se extrajo: el archivo está dañado, cifrado o no se puede leer."));
        assertTrue(Persona.GROUP_MEMBER.request().get(S + "/" + large).asString().contains(
                "El texto de este archivo no se extrajo: el archivo supera el tamaño que se lee para la búsqueda."));
    }

    /** Runs the extraction job as the scheduler would; a job stuck on one file fails the test. */
    private void extract() {
        assertTimeoutPreemptively(ROUND, () -> jobs.extractPending(), "the extraction job came back");
    }

    private long upload(String fileName, String content, String title) {
        return upload(fileName, content.getBytes(StandardCharsets.UTF_8), title);
    }

    private long upload(String fileName, byte[] content, String title) {
        Response response = Uploads.upload(Persona.MEMBER, S + "/upload", fileName, content, Uploads.report(title));
        assertEquals(201, response.statusCode(), response.body().asString());
        return response.jsonPath().getLong("id");
    }

    private boolean found(String words, long id) {
        return Persona.GROUP_MEMBER.request().queryParam("q", words).get("/documents").then().statusCode(200)
                .extract().asString().contains(S + "/" + id + "\"");
    }

    private Object column(String column, long documentId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select v." + column
                + " from document d join document_version v on v.id = d.current_version_id where d.id = ?1")
                .setParameter(1, documentId).getSingleResult());
    }

    private String status(long id) {
        return (String) column("text_status", id);
    }

    private String failure(long id) {
        return (String) column("text_failure", id);
    }

    private int attempts(long id) {
        return ((Number) column("text_attempts", id)).intValue();
    }

    /** As if the time before its next attempt had passed. */
    private void retryNow(long id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update document_version set text_retry_at = now() - interval '1 second'
                where id = (select current_version_id from document where id = ?1)""").setParameter(1, id)
                .executeUpdate());
    }

    private void withLanguage(String username, String language, Runnable check) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update member set language = ?2 where username = ?1").setParameter(1, username)
                .setParameter(2, language).executeUpdate());
        try {
            check.run();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update member set language = 'es' where username = ?1").setParameter(1, username)
                    .executeUpdate());
        }
    }
}
