package org.comunidad.platform.audit;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.TestFiles;
import org.comunidad.testsupport.Uploads;
import org.comunidad.testsupport.WithAccessMatrix;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The audit log's readers: the coordinator sees their group's entries (its own and its
 * subgroups', never another group's), the admin everyone's; both export CSV. Everyone
 * else is refused (members) or finds nothing (outsiders).
 */
@QuarkusTest
class AuditLogTest extends WithAccessMatrix {

    @Inject
    EntityManager em;

    static AccessMatrix matrix() {
        return AccessMatrix.of("audit log")
                .get("/c/seguridad/audit").expect(200, 200, 403, 403, 403, 404, SIGN_IN)
                .get("/c/seguridad/audit.csv").expect(200, 200, 403, 403, 403, 404, SIGN_IN)
                .get("/c/seguridad-asistencia-victimas/audit").expect(404, 404, 404, 404, 404, 404, SIGN_IN)
                .get("/audit").expect(200, 404, 404, 404, 404, 404, SIGN_IN)
                .get("/audit.csv").expect(200, 404, 404, 404, 404, 404, SIGN_IN);
    }

    @Test
    void theCoordinatorSeesTheGroupsEntriesOnlyAndExportsThem() {
        String s = "/c/seguridad-asistencia-victimas/documents";
        Response upload = Uploads.upload(Persona.MEMBER, s + "/upload", "registro.pdf", TestFiles.pdf("Registro"),
                Uploads.report("Documento para el registro"));
        assertEquals(201, upload.statusCode(), upload.body().asString());
        long id = upload.jsonPath().getLong("id");
        Response download = Persona.GROUP_MEMBER.request().get(s + "/" + id + "/file");
        assertEquals(200, download.statusCode());
        String downloadRequest = download.header("X-Request-Id");
        assertTrue(downloadRequest != null && !downloadRequest.isBlank(), "the answer names its request");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into audit_log (at, actor_id, community_id, action, target_type, target_id, detail)
                select now(), m.id, c.id, 'DELETE', 'POST', 1, '=HYPERLINK("http://evil.example")'
                from member m, community c where m.username = 'pf.argentina' and c.slug = 'energia'""").executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into audit_log (at, actor_id, community_id, action, target_type, target_id, detail)
                select now(), m.id, c.id, 'HIDE', 'POST', 2, '=SUM(A1:A9), "motivo"'
                from member m, community c where m.username = 'coord.seguridad' and c.slug = 'seguridad-asistencia-victimas'""")
                .executeUpdate());

        String page = Persona.COORDINATOR.request().get("/c/seguridad/audit").body().asString();
        assertTrue(page.contains("Descargó un documento"), page);
        assertTrue(page.contains("Lucía Quispe") || page.contains("(PE)"), "the uploader is named");
        assertTrue(page.contains("document " + id + " v1"));
        assertFalse(page.contains("evil.example"), "another group's entries are not shown");

        String filtered = Persona.COORDINATOR.request().queryParam("action", "DOCUMENT_UPLOAD")
                .get("/c/seguridad/audit").body().asString();
        assertTrue(filtered.contains("Subió un documento"));
        assertFalse(filtered.contains("<th scope=\"row\">Descargó un documento</th>"), filtered);

        Response csv = Persona.COORDINATOR.request().get("/c/seguridad/audit.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.header("Content-Disposition").startsWith("attachment; filename=\"registro-seguridad-"));
        String text = csv.body().asString();
        assertTrue(text.startsWith("\ufeffFecha,Quién,País,Comunidad,Acción,Tipo de objeto,Objeto,Detalle,Id. de la solicitud\r\n"), text);
        assertTrue(text.contains(",DOCUMENT_DOWNLOAD,document_version,"));
        assertTrue(text.lines().anyMatch(l -> l.contains(",DOCUMENT_DOWNLOAD,") && l.endsWith("," + downloadRequest)),
                "the download's row ends with its request id, as in the logs: " + text);
        assertTrue(text.contains("\"'=SUM(A1:A9), \"\"motivo\"\"\""), "formulas are defused and quotes escaped: " + text);
        assertFalse(text.contains("evil.example"));

        String all = Persona.ADMIN.request().get("/audit.csv").body().asString();
        assertTrue(all.contains("evil.example"), "the admin exports every community's entries");
        assertTrue(all.contains("'=HYPERLINK"));
    }
}
