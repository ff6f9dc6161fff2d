package org.comunidad.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.platform.storage.ObjectStore;
import org.comunidad.testsupport.Csrf;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Uploads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;

/**
 * A working group's storage quota holds against the bytes actually stored: a body sent
 * without Content-Length, and several uploads at once, cannot take the group past it.
 * A refused upload answers 413 with the reason in the user's language, leaves no row
 * and no object in the S3 store.
 */
@QuarkusTest
class DocumentQuotaTest {

    static final String S = "/c/seguridad-asistencia-victimas/documents";
    static final long ROOM = 100_000;

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    EntityManager em;

    @Inject
    ObjectStore store;

    long groupId;
    long quota;

    /** The group gets a quota of what it uses now plus ROOM bytes. */
    @BeforeEach
    void smallQuota() {
        groupId = ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from community where slug = 'seguridad'").getSingleResult())).longValue();
        quota = used() + ROOM;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update community set storage_quota_bytes = ?2 where id = ?1").setParameter(1, groupId)
                .setParameter(2, quota).executeUpdate());
    }

    @AfterEach
    void defaultQuota() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update community set storage_quota_bytes = null where id = ?1").setParameter(1, groupId)
                .executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update member set language = 'es' where username = 'pf.peru'").executeUpdate());
    }

    @Test
    void aBodyWithoutContentLengthOverTheRemainingQuotaIsRefusedAndLeavesNothing() throws Exception {
        List<String> before = keys();
        int pendingBefore = store.pendingUploads("documents/").size();
        String title = "Sin longitud " + System.nanoTime();
        byte[] content = text(3 * ROOM);

        HttpResponse<String> response = send(Csrf.fetch(Persona.MEMBER), title, "anexo.txt",
                () -> new ByteArrayInputStream(content), -1);

        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"error\":\"QUOTA\""), response.body());
        assertTrue(response.body().contains("El grupo no tiene espacio suficiente para este archivo."),
                response.body());
        assertEquals(0L, count("select count(*) from document where title = '" + title + "'"), "no document row");
        assertEquals(before, keys(), "no object was left in the store");
        assertEquals(pendingBefore, store.pendingUploads("documents/").size(), "no unfinished multipart upload");
        assertTrue(used() <= quota, "the group's use stays within its quota");
    }

    @Test
    void parallelUploadsTakeOnlyTheRoomThereIs() throws Exception {
        List<String> before = keys();
        int n = 6;
        long size = 30_000; // three fit in ROOM, the fourth does not
        String title = "En paralelo " + System.nanoTime();
        Csrf csrf = Csrf.fetch(Persona.MEMBER);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] content = text(size);
            // Half of them announce their length, half do not: both paths hold.
            long length = i % 2 == 0 ? size : -1;
            int index = i;
            sent.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return send(csrf, title, "parte-" + index + ".txt", () -> new ByteArrayInputStream(content), length);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        List<HttpResponse<String>> responses = sent.stream().map(CompletableFuture::join).toList();

        List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).sorted().toList();
        assertEquals(List.of(201, 201, 201, 413, 413, 413), statuses,
                () -> responses.stream().map(HttpResponse::body).collect(Collectors.joining("\n")));
        for (HttpResponse<String> refused : responses.stream().filter(r -> r.statusCode() == 413).toList()) {
            assertTrue(refused.body().contains("El grupo no tiene espacio suficiente para este archivo."),
                    refused.body());
        }
        assertEquals(3L, count("select count(*) from document where title = '" + title + "'"));
        assertTrue(used() <= quota, "stored " + used() + " bytes with a quota of " + quota);

        // The refused uploads' objects are gone: what is new in the store is exactly the three kept versions.
        Set<String> added = new HashSet<>(keys());
        added.removeAll(before);
        assertEquals(versionKeys(title), added);
    }

    @Test
    void thePageWithoutScriptAnswers413InTheUsersLanguage() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update member set language = 'pt' where username = 'pf.peru'").executeUpdate());
        List<String> before = keys();
        Csrf csrf = Csrf.fetch(Persona.MEMBER);
        Response response = Persona.MEMBER.request().cookie(Csrf.COOKIE, csrf.cookie())
                .multiPart(Csrf.FIELD, csrf.token())
                .multiPart(new MultiPartSpecBuilder("Relatório grande").controlName("title").charset("UTF-8").build())
                .multiPart("type", "REPORT").multiPart("language", "pt")
                .multiPart("files", "relatorio.txt", text(2 * ROOM), "text/plain")
                .post(S + "/upload-form");
        assertEquals(413, response.statusCode());
        String page = response.body().asString();
        assertTrue(page.contains("O grupo não tem espaço suficiente para este arquivo."), page);
        assertTrue(page.contains("value=\"Relatório grande\""), "the form keeps what was typed");
        assertEquals(0L, count("select count(*) from document where title = 'Relatório grande'"));
        assertEquals(before, keys());
    }

    /** One file as the page's script sends it; length -1: no Content-Length (chunked). */
    static HttpResponse<String> send(Csrf csrf, String title, String fileName, Supplier<InputStream> content,
            long length) throws Exception {
        Map<String, String> meta = Uploads.report(title);
        String query = meta.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.BodyPublisher body = length < 0 ? HttpRequest.BodyPublishers.ofInputStream(content)
                : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(content), length);
        HttpRequest request = HttpRequest.newBuilder(URI.create(Uploads.base() + S + "/upload?" + query))
                .header("Authorization", "Bearer " + Persona.MEMBER.token())
                .header("Cookie", Csrf.COOKIE + "=" + csrf.cookie())
                .header("X-CSRF-TOKEN", csrf.token())
                .header("X-File-Name", fileName)
                .header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofMinutes(2))
                .POST(body).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static byte[] text(long size) {
        byte[] line = "Informe sobre cooperacion regional en seguridad.\n".getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[(int) size];
        for (int i = 0; i < content.length; i++) {
            content[i] = line[i % line.length];
        }
        return content;
    }

    private long used() {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select coalesce(sum(v.size_bytes), 0) from document_version v join document d on d.id = v.document_id
                where d.group_id = (select id from community where slug = 'seguridad')""").getSingleResult()))
                .longValue();
    }

    private Set<String> versionKeys(String title) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> keys = em.createNativeQuery("""
                    select v.object_key from document_version v join document d on d.id = v.document_id
                    where d.title = ?1""").setParameter(1, title).getResultList();
            return new HashSet<>(keys);
        });
    }

    private List<String> keys() {
        return store.list("documents/").stream().map(ObjectStore.Listed::key).sorted().toList();
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }
}
