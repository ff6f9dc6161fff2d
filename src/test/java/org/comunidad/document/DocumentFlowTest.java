package org.comunidad.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.platform.storage.ObjectStore;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.TestFiles;
import org.comunidad.testsupport.Uploads;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The repository as members use it: upload, download (whole, ranges, preview), versions,
 * translations, refusals with their reasons, the trash and the purge, the audit of
 * downloads. Everything goes through the app's HTTP routes, the real PostgreSQL and the
 * real S3 server.
 */
@QuarkusTest
class DocumentFlowTest {

    static final String SUBGROUP = "seguridad-asistencia-victimas";
    static final String S = "/c/" + SUBGROUP + "/documents";

    @Inject
    EntityManager em;

    @Inject
    ObjectStore store;

    @Inject
    DocumentJobs jobs;

    static long upload(Persona persona, String name, byte[] content, Map<String, String> meta) {
        Response response = Uploads.upload(persona, S + "/upload", name, content, meta);
        assertEquals(201, response.statusCode(), response.body().asString());
        return response.jsonPath().getLong("id");
    }

    @Test
    void uploadedBytesComeBackIdenticalWholeAndInRanges() throws Exception {
        byte[] pdf = TestFiles.pdf("Informe de cooperación regional", "Segunda línea del informe");
        long id = upload(Persona.MEMBER, "Informe técnico – Perú 2026.pdf", pdf, Uploads.report("Informe técnico"));

        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select v.sha256, v.size_bytes, v.content_type, v.file_name, v.object_key from document d
                join document_version v on v.id = d.current_version_id where d.id = ?1""").setParameter(1, id)
                .getSingleResult());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)), row[0]);
        assertEquals((long) pdf.length, ((Number) row[1]).longValue());
        assertEquals("application/pdf", row[2]);
        assertEquals("Informe técnico – Perú 2026.pdf", row[3]);
        assertTrue(store.stat((String) row[4]).isPresent(), "the object is in the store");

        Response whole = Persona.GROUP_MEMBER.request().get(S + "/" + id + "/file");
        assertEquals(200, whole.statusCode());
        assertArrayEquals(pdf, whole.asByteArray());
        assertEquals("nosniff", whole.header("X-Content-Type-Options"));
        assertEquals("bytes", whole.header("Accept-Ranges"));
        String disposition = whole.header("Content-Disposition");
        assertTrue(disposition.startsWith("attachment; filename=\"Informe tecnico _ Peru 2026.pdf\""), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''Informe%20t%C3%A9cnico%20%E2%80%93%20Per%C3%BA%202026.pdf"),
                disposition);

        Response slice = Persona.GROUP_MEMBER.request().header("Range", "bytes=10-19").get(S + "/" + id + "/file");
        assertEquals(206, slice.statusCode());
        assertArrayEquals(Arrays.copyOfRange(pdf, 10, 20), slice.asByteArray());
        assertEquals("bytes 10-19/" + pdf.length, slice.header("Content-Range"));

        Response tail = Persona.GROUP_MEMBER.request().header("Range", "bytes=-5").get(S + "/" + id + "/file");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(pdf, pdf.length - 5, pdf.length), tail.asByteArray());

        Response open = Persona.GROUP_MEMBER.request().header("Range", "bytes=" + (pdf.length - 3) + "-")
                .get(S + "/" + id + "/file");
        assertArrayEquals(Arrays.copyOfRange(pdf, pdf.length - 3, pdf.length), open.asByteArray());

        Response beyond = Persona.GROUP_MEMBER.request().header("Range", "bytes=" + pdf.length + "-")
                .get(S + "/" + id + "/file");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + pdf.length, beyond.header("Content-Range"));

        Response preview = Persona.GROUP_MEMBER.request().get(S + "/" + id + "/preview");
        assertEquals(200, preview.statusCode());
        assertTrue(preview.header("Content-Disposition").startsWith("inline;"));
        assertTrue(preview.contentType().startsWith("application/pdf"));
        assertEquals("frame-ancestors 'none'; form-action 'none'; base-uri 'none'",
                preview.header("Content-Security-Policy"), "the PDF viewer is not blocked by the pages' policy");
        assertTrue(whole.header("Content-Security-Policy").contains("object-src 'none'"),
                "downloads keep the strict policy");

        // Every download is on record: who, which version, which bytes.
        List<?> audit = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select a.action, a.detail from audit_log a join member m on m.id = a.actor_id
                where m.username = 'pf.colombia' and a.target_type = 'document_version' and a.detail like ?1
                order by a.id""").setParameter(1, "document " + id + " v1%").getResultList());
        assertEquals(5, audit.size(), "one record per request answered (not the 416)");
        assertEquals("DOCUMENT_DOWNLOAD", ((Object[]) audit.get(0))[0]);
        assertEquals("document " + id + " v1, bytes 10-19", ((Object[]) audit.get(1))[1]);
        assertEquals("DOCUMENT_PREVIEW", ((Object[]) audit.get(4))[0]);

        // The page shows it, and never the object key.
        String page = Persona.GROUP_MEMBER.request().get(S + "/" + id).body().asString();
        assertTrue(page.contains("Informe técnico"));
        assertFalse(page.contains((String) row[4]), "the object key is not shown");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItsBodyIsStored() throws Exception {
        List<String> before = keys();
        long declared = 1_500_000_000L; // the tests' limit is 1.1 GiB
        var response = Uploads.stream(Persona.MEMBER, S + "/upload", "enorme.dat",
                () -> new org.comunidad.testsupport.GeneratedContent(7, declared), declared, Uploads.report("Enorme"));
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"error\":\"TOO_LARGE\""), response.body());
        assertTrue(response.body().contains("El archivo es demasiado grande. Límite: 1,1 GB."), response.body());
        assertEquals(before, keys(), "nothing was stored");
        assertEquals(0L, count("select count(*) from document where title = 'Enorme'"));
    }

    @Test
    void aRawUploadNeedsTheCsrfToken() {
        Response missing = Persona.MEMBER.request().header("X-File-Name", "nota.txt")
                .contentType("application/octet-stream").queryParams(Uploads.report("Sin token"))
                .body("texto".getBytes()).post(S + "/upload");
        assertEquals(403, missing.statusCode());
        var csrf = org.comunidad.testsupport.Csrf.fetch(Persona.MEMBER);
        Response wrong = Persona.MEMBER.request().cookie(org.comunidad.testsupport.Csrf.COOKIE, csrf.cookie())
                .header("X-CSRF-TOKEN", "x" + csrf.token()).header("X-File-Name", "nota.txt")
                .contentType("application/octet-stream").queryParams(Uploads.report("Token falso"))
                .body("texto".getBytes()).post(S + "/upload");
        assertTrue(wrong.statusCode() == 400 || wrong.statusCode() == 403, "refused: " + wrong.statusCode());
        assertEquals(0L, count("select count(*) from document where title in ('Sin token', 'Token falso')"));
    }

    @Test
    void wordDocumentsAreNotPreviewedButDownloaded() {
        byte[] docx = TestFiles.docx("Acta de la reunión");
        long id = upload(Persona.MEMBER, "acta.docx", docx, Uploads.report("Acta"));
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                contentType(id));
        assertEquals(404, Persona.MEMBER.request().get(S + "/" + id + "/preview").statusCode());
        assertArrayEquals(docx, Persona.MEMBER.request().get(S + "/" + id + "/file").asByteArray());
    }

    @Test
    void programsAndDisguisedFilesAreRefusedWithTheirReason() {
        Response exe = Uploads.upload(Persona.MEMBER, S + "/upload", "informe.pdf", TestFiles.windowsProgram(),
                Uploads.report("Programa"));
        assertEquals(415, exe.statusCode());
        assertEquals("EXECUTABLE", exe.jsonPath().getString("error"));
        assertEquals("No se aceptan programas ni scripts.", exe.jsonPath().getString("message"));

        Response disguised = Uploads.upload(Persona.MEMBER, S + "/upload", "informe.pdf", TestFiles.png(),
                Uploads.report("Imagen"));
        assertEquals(415, disguised.statusCode());
        assertEquals("MISMATCH", disguised.jsonPath().getString("error"));

        Response script = Uploads.upload(Persona.MEMBER, S + "/upload", "instalar.sh",
                "#!/bin/sh\nrm -rf /\n".getBytes(), Uploads.report("Script"));
        assertEquals(415, script.statusCode());

        Response empty = Uploads.upload(Persona.MEMBER, S + "/upload", "vacio.txt", new byte[0],
                Uploads.report("Vacío"));
        assertEquals(400, empty.statusCode());
        assertEquals("EMPTY", empty.jsonPath().getString("error"));

        Map<String, String> noType = Uploads.report("Sin tipo");
        noType.remove("type");
        Response invalid = Uploads.upload(Persona.MEMBER, S + "/upload", "nota.txt",
                "texto".getBytes(), noType);
        assertEquals(400, invalid.statusCode());
        assertEquals("Este campo es obligatorio.", invalid.jsonPath().getString("fields.type"));

        assertEquals(0L, count("select count(*) from document where title in ('Programa', 'Imagen', 'Script', 'Vacío', 'Sin tipo')"));
    }

    @Test
    void newVersionsKeepTheHistory() {
        byte[] first = "primera redacción del plan".getBytes();
        byte[] second = "segunda redacción del plan, con cambios".getBytes();
        long id = upload(Persona.MEMBER, "plan.txt", first, Uploads.report("Plan de trabajo"));
        var csrf = org.comunidad.testsupport.Csrf.fetch(Persona.MEMBER);
        Response version = Persona.MEMBER.request().cookie(org.comunidad.testsupport.Csrf.COOKIE, csrf.cookie())
                .header("X-CSRF-TOKEN", csrf.token()).header("X-File-Name", "plan-v2.txt")
                .contentType("application/octet-stream").queryParam("comment", "Incorpora los aportes de Chile")
                .body(second).post(S + "/" + id + "/versions");
        assertEquals(201, version.statusCode(), version.body().asString());

        assertArrayEquals(second, Persona.MEMBER.request().get(S + "/" + id + "/file").asByteArray());
        assertArrayEquals(first, Persona.MEMBER.request().get(S + "/" + id + "/file?version=1").asByteArray());
        assertArrayEquals(second, Persona.MEMBER.request().get(S + "/" + id + "/file?version=2").asByteArray());
        assertEquals(404, Persona.MEMBER.request().get(S + "/" + id + "/file?version=3").statusCode());

        String page = Persona.MEMBER.request().get(S + "/" + id).body().asString();
        assertTrue(page.contains("Versión 2"), page);
        assertTrue(page.contains("Versión 1"));
        assertTrue(page.contains("Incorpora los aportes de Chile"));
        assertTrue(page.contains("plan-v2.txt"));
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select v.comment, m.username from document_version v join member m on m.id = v.created_by
                where v.document_id = ?1 and v.number = 2""").setParameter(1, id).getSingleResult());
        assertEquals("Incorpora los aportes de Chile", row[0]);
        assertEquals("pf.peru", row[1]);
    }

    @Test
    void translationsShowEachOther() {
        long es = upload(Persona.MEMBER, "declaracion.txt", "Declaración de Lima".getBytes(),
                Uploads.report("Declaración de Lima"));
        Map<String, String> pt = Uploads.report("Declaração de Lima");
        pt.put("language", "pt");
        long ptId = upload(Persona.MEMBER, "declaracao.txt", "Declaração de Lima".getBytes(), pt);

        Response same = Web.form(Persona.MEMBER, S + "/" + es + "/translations", Map.of("other", String.valueOf(es)));
        assertEquals(400, same.statusCode());
        assertEquals(303, Web.form(Persona.MEMBER, S + "/" + es + "/translations", Map.of("other", String.valueOf(ptId)))
                .statusCode());
        String esPage = Persona.MEMBER.request().get(S + "/" + es).body().asString();
        assertTrue(esPage.contains("También disponible en:"), esPage);
        assertTrue(esPage.contains("href=\"" + S + "/" + ptId + "\" hreflang=\"pt\""), esPage);
        String ptPage = Persona.MEMBER.request().get(S + "/" + ptId).body().asString();
        assertTrue(ptPage.contains("href=\"" + S + "/" + es + "\" hreflang=\"es\""));
    }

    @Test
    void aTranslationLinkNeedsTheRightToEditBothDocuments() {
        long mine = upload(Persona.MEMBER, "propuesta.txt", "Propuesta de protocolo".getBytes(),
                Uploads.report("Propuesta de protocolo"));
        Map<String, String> pt = Uploads.report("Proposta de protocolo");
        pt.put("language", "pt");
        Response created = Uploads.upload(Persona.LEADER, S + "/upload", "proposta.txt",
                "Proposta de protocolo".getBytes(), pt);
        assertEquals(201, created.statusCode(), created.body().asString());
        long leaders = created.jsonPath().getLong("id");

        // pf.peru may edit her document but not the leader's: no link, from either page.
        Response fromMine = Web.form(Persona.MEMBER, S + "/" + mine + "/translations",
                Map.of("other", String.valueOf(leaders)));
        assertEquals(403, fromMine.statusCode());
        assertTrue(fromMine.body().asString().contains(
                "Solo quien subió el documento o el coordinador sectorial pueden cambiarlo o añadir versiones."),
                fromMine.body().asString());
        Response fromTheirs = Web.form(Persona.MEMBER, S + "/" + leaders + "/translations",
                Map.of("other", String.valueOf(mine)));
        assertEquals(403, fromTheirs.statusCode());
        // The leader may edit his document but not hers.
        assertEquals(403, Web.form(Persona.LEADER, S + "/" + leaders + "/translations",
                Map.of("other", String.valueOf(mine))).statusCode());
        assertEquals(0L, count("select count(*) from document where translation_set is not null and id in ("
                + mine + ", " + leaders + ")"), "neither document was changed");
        assertEquals(0L, count("select count(*) from audit_log where action = 'DOCUMENT_TRANSLATION_LINK' "
                + "and target_id in (" + mine + ", " + leaders + ")"));
        assertFalse(Persona.MEMBER.request().get(S + "/" + leaders).body().asString()
                .contains("href=\"" + S + "/" + mine + "\" hreflang"),
                "the leader's document does not point to hers");

        // The coordinator may edit both.
        assertEquals(303, Web.form(Persona.COORDINATOR, S + "/" + mine + "/translations",
                Map.of("other", String.valueOf(leaders))).statusCode());
        assertEquals(2L, count("select count(*) from document where translation_set is not null and id in ("
                + mine + ", " + leaders + ")"));
    }

    @Test
    void deletedDocumentsWaitInTheTrashThenArePurged() {
        long id = upload(Persona.MEMBER, "borrador.txt", "borrador para eliminar".getBytes(),
                Uploads.report("Borrador para eliminar"));
        String key = objectKey(id);
        assertEquals(303, Web.form(Persona.MEMBER, S + "/" + id + "/delete", Map.of()).statusCode());
        assertEquals(404, Persona.MEMBER.request().get(S + "/" + id).statusCode());
        assertEquals(404, Persona.MEMBER.request().get(S + "/" + id + "/file").statusCode());
        assertFalse(Persona.MEMBER.request().get(S).body().asString().contains("Borrador para eliminar"));
        assertTrue(Persona.MEMBER.request().get("/c/seguridad/documents/trash").body().asString()
                .contains("Borrador para eliminar"));

        assertEquals(303, Web.form(Persona.MEMBER, "/c/seguridad/documents/trash/" + id + "/restore", Map.of())
                .statusCode());
        assertEquals(200, Persona.MEMBER.request().get(S + "/" + id).statusCode());

        assertEquals(303, Web.form(Persona.MEMBER, S + "/" + id + "/delete", Map.of()).statusCode());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update document set deleted_at = now() - interval '31 days' where id = ?1").setParameter(1, id)
                .executeUpdate());
        Response late = Web.form(Persona.MEMBER, "/c/seguridad/documents/trash/" + id + "/restore", Map.of());
        assertEquals(403, late.statusCode());
        jobs.purgeTrash();
        assertEquals(0L, count("select count(*) from document where id = " + id));
        assertTrue(store.stat(key).isEmpty(), "the purged document's object is gone");
        assertEquals(1L, count("select count(*) from audit_log where action = 'DOCUMENT_PURGE' and target_id = " + id));
    }

    @Test
    void aFullQuotaRefusesBeforeStoring() {
        long groupId = ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from community where slug = 'seguridad'").getSingleResult())).longValue();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update community set storage_quota_bytes = 1 where id = ?1").setParameter(1, groupId).executeUpdate());
        try {
            List<String> before = keys();
            Response full = Uploads.upload(Persona.MEMBER, S + "/upload", "grande.txt", "contenido".getBytes(),
                    Uploads.report("No cabe"));
            assertEquals(413, full.statusCode());
            assertEquals("QUOTA", full.jsonPath().getString("error"));
            assertTrue(full.jsonPath().getString("message").startsWith("El grupo no tiene espacio suficiente"));
            assertEquals(before, keys(), "nothing was stored");
            String page = Persona.COORDINATOR.request().get("/c/seguridad/documents").body().asString();
            assertTrue(page.contains("<meter id=\"quota-meter\""), page);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update community set storage_quota_bytes = null where id = ?1").setParameter(1, groupId)
                    .executeUpdate());
        }
    }

    @Test
    void theFormWithoutScriptKeepsWhatWasTyped() {
        var csrf = org.comunidad.testsupport.Csrf.fetch(Persona.MEMBER);
        Response response = Persona.MEMBER.request().cookie(org.comunidad.testsupport.Csrf.COOKIE, csrf.cookie())
                .multiPart("csrf-token", csrf.token()).multiPart(text("title", "Mi título escrito"))
                .multiPart("language", "es").multiPart("tags", "salud, fronteras")
                .multiPart("files", "nota.txt", "una nota".getBytes(), "text/plain")
                .post(S + "/upload-form");
        assertEquals(400, response.statusCode());
        String page = response.body().asString();
        assertTrue(page.contains("value=\"Mi título escrito\""), page);
        assertTrue(page.contains("value=\"salud, fronteras\""));
        assertTrue(page.contains("Este campo es obligatorio."));
        assertEquals(0L, count("select count(*) from document where title = 'Mi título escrito'"));

        Response ok = Persona.MEMBER.request().cookie(org.comunidad.testsupport.Csrf.COOKIE, csrf.cookie())
                .multiPart("csrf-token", csrf.token()).multiPart("title", "Nota desde el formulario")
                .multiPart("type", "MINUTES").multiPart("language", "es")
                .multiPart("files", "nota.txt", "una nota".getBytes(), "text/plain")
                .post(S + "/upload-form");
        assertEquals(303, ok.statusCode(), ok.body().asString());
        assertEquals(1L, count("select count(*) from document where title = 'Nota desde el formulario'"));
    }

    /** A text field as browsers send it: UTF-8. */
    static io.restassured.specification.MultiPartSpecification text(String name, String value) {
        return new io.restassured.builder.MultiPartSpecBuilder(value).controlName(name).charset("UTF-8").build();
    }

    private String contentType(long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select v.content_type from document d join document_version v on v.id = d.current_version_id "
                        + "where d.id = ?1").setParameter(1, id).getSingleResult());
    }

    private String objectKey(long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select v.object_key from document d join document_version v on v.id = d.current_version_id "
                        + "where d.id = ?1").setParameter(1, id).getSingleResult());
    }

    private List<String> keys() {
        return store.list("documents/").stream().map(ObjectStore.Listed::key).sorted().toList();
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }
}
