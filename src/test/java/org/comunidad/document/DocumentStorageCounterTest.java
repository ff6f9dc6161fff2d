package org.comunidad.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Csrf;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Uploads;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A working group's storage use is a counter ({@code document_storage}) that the database keeps
 * in the same transaction as every version stored or removed: after an upload, a new version, a
 * delete and a restore (the trash counts), a purge, it equals the sum of the group's versions,
 * and the quota is checked against it to the byte.
 */
@QuarkusTest
class DocumentStorageCounterTest {

    static final String S = "/c/seguridad-asistencia-victimas/documents";

    @Inject
    EntityManager em;

    @Inject
    DocumentJobs jobs;

    @Inject
    DocumentStorage storage;

    @AfterEach
    void defaultQuota() {
        run("update community set storage_quota_bytes = null where id = " + group());
    }

    @Test
    void theCounterFollowsEveryVersionStoredAndRemoved() {
        long start = counter();
        assertEquals(sum(), start, "the migration's and the triggers' counter is the sum of the versions");

        byte[] first = "primera versión del acta, para contar bytes".getBytes();
        long id = upload(first, "Acta contada " + System.nanoTime());
        assertEquals(start + first.length, counter(), "after an upload");
        assertEquals(start + first.length, storage.quota(group()).used(), "the quota reads the counter");

        byte[] second = "segunda versión del acta, algo más larga que la primera".getBytes();
        Csrf csrf = Csrf.fetch(Persona.MEMBER);
        Response version = Persona.MEMBER.request().cookie(Csrf.COOKIE, csrf.cookie())
                .header("X-CSRF-TOKEN", csrf.token()).header("X-File-Name", "acta-v2.txt")
                .contentType("application/octet-stream").body(second).post(S + "/" + id + "/versions");
        assertEquals(201, version.statusCode(), version.body().asString());
        long both = start + first.length + second.length;
        assertEquals(both, counter(), "after a new version (the history counts)");

        assertEquals(303, Web.form(Persona.MEMBER, S + "/" + id + "/delete", Map.of()).statusCode());
        assertEquals(both, counter(), "a document in the trash still takes its space");
        assertEquals(303, Web.form(Persona.MEMBER, "/c/seguridad/documents/trash/" + id + "/restore", Map.of())
                .statusCode());
        assertEquals(both, counter(), "after a restore");

        // Text extraction rewrites the versions' rows: only sizes count.
        run("update document_version set text_status = 'NONE' where document_id = " + id);
        assertEquals(both, counter(), "an update that keeps the size");
        run("update document_version set size_bytes = size_bytes + 10 where document_id = " + id + " and number = 1");
        assertEquals(both + 10, counter(), "a version whose size changes");
        run("update document_version set size_bytes = size_bytes - 10 where document_id = " + id + " and number = 1");

        assertEquals(303, Web.form(Persona.MEMBER, S + "/" + id + "/delete", Map.of()).statusCode());
        run("update document set deleted_at = now() - interval '31 days' where id = " + id);
        jobs.purgeTrash();
        assertEquals(0L, count("select count(*) from document where id = " + id), "purged");
        assertEquals(start, counter(), "after the purge the document's versions no longer count");
        assertEquals(sum(), counter());
    }

    @Test
    void aVersionRemovedAloneAndADocumentMovedMoveTheCounters() {
        long id = upload("borrador de una sola versión".getBytes(), "Versión suelta " + System.nanoTime());
        long other = ((Number) single("select id from community where slug = 'salud'")).longValue();
        long before = counter();
        long otherBefore = counterOf(other);
        long size = count("select size_bytes from document_version where document_id = " + id);

        run("update document set group_id = " + other + " where id = " + id);
        assertEquals(before - size, counter());
        assertEquals(otherBefore + size, counterOf(other));
        run("update document set group_id = " + group() + " where id = " + id);
        assertEquals(before, counter());
        assertEquals(otherBefore, counterOf(other));

        run("update document set current_version_id = null where id = " + id);
        run("delete from document_version where document_id = " + id);
        assertEquals(before - size, counter(), "a version deleted by itself");
        assertEquals(sum(), counter());
        run("delete from document where id = " + id);
        assertEquals(sum(), counter());
    }

    @Test
    void theQuotaRefusesAtTheLimitToTheByte() {
        byte[] content = "exactamente lo que queda".getBytes();
        run("update community set storage_quota_bytes = " + (counter() + content.length) + " where id = " + group());

        upload(content, "Cabe justo " + System.nanoTime());
        assertEquals(storage.quota(group()).limit(), counter(), "the group is now exactly full");

        List<Long> versions = List.of(count("select count(*) from document_version"));
        Response full = Uploads.upload(Persona.MEMBER, S + "/upload", "uno-mas.txt", "x".getBytes(),
                Uploads.report("Un byte de más"));
        assertEquals(413, full.statusCode(), full.body().asString());
        assertTrue(full.body().asString().contains("\"error\":\"QUOTA\""), full.body().asString());
        assertEquals(versions, List.of(count("select count(*) from document_version")), "nothing stored");
        assertEquals(sum(), counter());
    }

    private long upload(byte[] content, String title) {
        Response response = Uploads.upload(Persona.MEMBER, S + "/upload", "acta.txt", content, Uploads.report(title));
        assertEquals(201, response.statusCode(), response.body().asString());
        return response.jsonPath().getLong("id");
    }

    private long group() {
        return ((Number) single("select id from community where slug = 'seguridad'")).longValue();
    }

    private long counter() {
        return counterOf(group());
    }

    private long counterOf(long groupId) {
        return count("select coalesce((select bytes from document_storage where group_id = " + groupId + "), 0)");
    }

    private long sum() {
        return count("""
                select coalesce(sum(v.size_bytes), 0) from document_version v join document d on d.id = v.document_id
                where d.group_id = (select id from community where slug = 'seguridad')""");
    }

    private Object single(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getSingleResult());
    }

    private long count(String sql) {
        return ((Number) single(sql)).longValue();
    }

    private void run(String sql) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate());
    }
}
