package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Csrf;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.TestFiles;
import org.comunidad.testsupport.Uploads;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Every answer carries an X-Request-Id (the load balancer's when well-formed, else a new one), and
 * the audit entries written by the request store that id, so an operator goes from an entry to the
 * request's log lines; the audit page shows it.
 */
@QuarkusTest
class RequestIdTest {

    @Inject
    EntityManager em;

    @Test
    void anAuditedUploadStoresTheRequestIdItsResponseCarried() {
        Response upload = upload(null);
        assertEquals(201, upload.statusCode(), upload.body().asString());
        String id = upload.header(RequestIds.HEADER);
        assertTrue(id != null && id.matches("[0-9a-f]{32}"), "a generated id: " + id);
        assertEquals(id, auditedRequestId(upload.jsonPath().getLong("id")));

        String page = Persona.COORDINATOR.request().get("/c/seguridad/audit").body().asString();
        assertTrue(page.contains("data-request-id=\"" + id + "\""), "the audit page shows the request id");
    }

    @Test
    void theLoadBalancersIdIsKeptWhenWellFormedAndReplacedOtherwise() {
        String balancer = "lb-7f3a9c21-" + System.nanoTime();
        Response upload = upload(balancer);
        assertEquals(201, upload.statusCode(), upload.body().asString());
        assertEquals(balancer, upload.header(RequestIds.HEADER));
        assertEquals(balancer, auditedRequestId(upload.jsonPath().getLong("id")));

        String forged = "bad id\" <script>";
        String answered = RestAssured.given().header(RequestIds.HEADER, forged).get("/q/health/live")
                .header(RequestIds.HEADER);
        assertNotEquals(forged, answered);
        assertTrue(answered.matches("[0-9a-f]{32}"), answered);
        assertNotEquals(RestAssured.get("/").header(RequestIds.HEADER), RestAssured.get("/").header(RequestIds.HEADER),
                "one id per request");
    }

    private static Response upload(String requestId) {
        Csrf csrf = Csrf.fetch(Persona.MEMBER);
        var request = Persona.MEMBER.request().cookie(Csrf.COOKIE, csrf.cookie())
                .header("X-CSRF-TOKEN", csrf.token())
                .header("X-File-Name", URLEncoder.encode("solicitud.pdf", StandardCharsets.UTF_8))
                .contentType("application/octet-stream").body(TestFiles.pdf("Solicitud"));
        if (requestId != null) {
            request.header(RequestIds.HEADER, requestId);
        }
        Uploads.report("Documento con su solicitud").forEach(request::queryParam);
        return request.post("/c/seguridad-asistencia-victimas/documents/upload");
    }

    private String auditedRequestId(long documentId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("""
                select request_id from audit_log where action = 'DOCUMENT_UPLOAD' and detail like ?1""")
                .setParameter(1, "document " + documentId + " v1,%").getSingleResult());
    }
}
