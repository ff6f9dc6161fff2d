package org.comunidad.document;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.Supplier;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Csrf;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.TestFiles;
import org.comunidad.testsupport.Uploads;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every document route, for every persona: admin, coordinator of Security, leader of its
 * victims-assistance subgroup, a member of that subgroup (pf.peru), a member of Security
 * outside it (pf.colombia), a member of another group (Energy) and anonymous. Documents
 * of Security are "not found" for the member of Energy whatever ID or URL is tried.
 */
@QuarkusTest
class DocumentAccessMatrixTest extends WithAccessMatrix {

    static final String G = "/c/seguridad/documents";
    static final String S = "/c/seguridad-asistencia-victimas/documents";

    /** A PDF uploaded by pf.peru into the subgroup; returns its id. */
    static long document(String language) {
        return document(Persona.MEMBER, language);
    }

    /** The same, uploaded by someone else. */
    static long document(Persona uploader, String language) {
        Map<String, String> meta = Uploads.report("Documento de la matriz");
        meta.put("language", language);
        Response response = Uploads.upload(uploader, S + "/upload", "matriz.pdf", TestFiles.pdf("Matriz"), meta);
        assertEquals(201, response.statusCode(), response.body().asString());
        return response.jsonPath().getLong("id");
    }

    static long folder() {
        Response response = Web.form(Persona.LEADER, S + "/folders", Map.of("name", "Carpeta " + System.nanoTime()));
        assertEquals(303, response.statusCode(), response.body().asString());
        return Long.parseLong(response.header("Location").replaceAll(".*folder=", ""));
    }

    static Response version(Persona persona, String path) {
        Csrf csrf = Csrf.fetch(persona.request());
        return persona.request().cookie(Csrf.COOKIE, csrf.cookie()).header("X-CSRF-TOKEN", csrf.token())
                .header("X-File-Name", "v2.pdf").contentType("application/octet-stream")
                .body(TestFiles.pdf("Segunda versión")).post(path);
    }

    static Response multipart(Persona persona, String path, String field, Map<String, String> fields) {
        Csrf csrf = Csrf.fetch(persona.request());
        var request = persona.request().cookie(Csrf.COOKIE, csrf.cookie()).multiPart("csrf-token", csrf.token())
                .multiPart(field, "archivo.pdf", TestFiles.pdf("Formulario"), "application/pdf");
        fields.forEach(request::multiPart);
        return request.post(path);
    }

    static AccessMatrix matrix() {
        Map<Persona, Integer> read = expect(200, 200, 200, 200, 200, 404, SIGN_IN);
        Map<Persona, Integer> signedIn = expect(200, 200, 200, 200, 200, 200, SIGN_IN);
        Map<Persona, Integer> subgroupUploaders = expect(201, 201, 201, 201, 403, 404, SIGN_IN);
        Map<Persona, Integer> subgroupUploadersForm = expect(303, 303, 303, 303, 403, 404, SIGN_IN);
        Map<Persona, Integer> uploaderOrCoordinator = expect(303, 303, 403, 303, 403, 404, SIGN_IN);
        Map<Persona, Integer> folderManagers = expect(303, 303, 303, 403, 403, 404, SIGN_IN);
        Map<Persona, Integer> nobody = expect(404, 404, 404, 404, 404, 404, SIGN_IN);
        // A link changes both documents: the caller must be allowed to edit both, whichever
        // page the link is made from (pf.peru's document and one the subgroup's leader uploaded).
        Map<Persona, Integer> editsBoth = expect(303, 303, 403, 403, 403, 404, SIGN_IN);
        Supplier<Long> document = () -> document("es");

        return AccessMatrix.of("documents")
                .get(G).expect(read)
                .get(S).expect(read)
                .get(S + "?folder={folder}").given("folder", DocumentAccessMatrixTest::folder).expect(read)
                .get(S + "/{doc}").given("doc", document).expect(read)
                .get(S + "/{doc}/file").given("doc", document).expect(read)
                .get(S + "/{doc}/file").named("GET download range").given("doc", document)
                        .send((p, url) -> p.request().header("Range", "bytes=0-3").get(url))
                        .expect(206, 206, 206, 206, 206, 404, SIGN_IN)
                .get(S + "/{doc}/file?version=1").given("doc", document).expect(read)
                .get(S + "/{doc}/preview").given("doc", document).expect(read)
                .get(G + "/trash").expect(read)
                .get("/documents?q=matriz").expect(signedIn)
                .get("/search?q=matriz").expect(signedIn)
                // Knowing the ID is not enough: through another community's URL the document does not exist.
                .get("/c/energia/documents/{doc}/file").given("doc", document).expect(nobody)
                .get(G + "/{doc}/file").named("GET document via the parent group").given("doc", document)
                        .expect(404, 404, 404, 404, 404, 404, SIGN_IN)
                .get(S + "/{doc}/file?version=9").given("doc", document).expect(404, 404, 404, 404, 404, 404, SIGN_IN)

                .request("POST", S + "/upload", (p, url) -> Uploads.upload(p, url, "informe.pdf", TestFiles.pdf("Informe"),
                        Uploads.report("Informe de la matriz"))).expect(subgroupUploaders)
                .request("POST", G + "/upload", (p, url) -> Uploads.upload(p, url, "informe.pdf", TestFiles.pdf("Informe"),
                        Uploads.report("Informe del grupo"))).expect(201, 201, 403, 403, 403, 404, SIGN_IN)
                .request("POST", S + "/upload-form", (p, url) -> multipart(p, url, "files",
                        Map.of("title", "Desde el formulario", "type", "REPORT", "language", "es")))
                        .expect(subgroupUploadersForm)
                .form(S + "/{doc}/edit", Map.of("title", "Título corregido", "type", "REPORT", "language", "es"))
                        .given("doc", document).expect(uploaderOrCoordinator)
                .request("POST", S + "/{doc}/versions", DocumentAccessMatrixTest::version).given("doc", document)
                        .expect(201, 201, 403, 201, 403, 404, SIGN_IN)
                .request("POST", S + "/{doc}/versions-form", (p, url) -> multipart(p, url, "file", Map.of("comment", "v2")))
                        .given("doc", document).expect(uploaderOrCoordinator)
                .form(S + "/{es}/translations", Map.of("other", "{pt}")).named("POST link translation")
                        .given("es", document).given("pt", () -> document("pt")).expect(uploaderOrCoordinator)
                .form(S + "/{mine}/translations", Map.of("other", "{leaders}"))
                        .named("POST link translation to another's document")
                        .given("mine", document).given("leaders", () -> document(Persona.LEADER, "pt")).expect(editsBoth)
                .form(S + "/{leaders}/translations", Map.of("other", "{mine}"))
                        .named("POST link another's document as translation")
                        .given("mine", document).given("leaders", () -> document(Persona.LEADER, "pt")).expect(editsBoth)
                .form(S + "/{es}/translations/unlink", Map.of()).given(() -> {
                    long es = document("es");
                    long pt = document("pt");
                    Web.form(Persona.MEMBER, S + "/" + es + "/translations", Map.of("other", String.valueOf(pt)))
                            .then().statusCode(303);
                    return Map.of("es", es);
                }).expect(uploaderOrCoordinator)
                .form(S + "/{doc}/delete", Map.of()).given("doc", document).expect(303, 303, 303, 303, 403, 404, SIGN_IN)
                .form(G + "/trash/{doc}/restore", Map.of()).given("doc", () -> {
                    long id = document("es");
                    Web.form(Persona.MEMBER, S + "/" + id + "/delete", Map.of()).then().statusCode(303);
                    return id;
                }).expect(uploaderOrCoordinator)
                .form(S + "/folders", Map.of("name", "{name}")).given("name", () -> "Nueva " + System.nanoTime())
                        .expect(folderManagers)
                .form(S + "/folders/{folder}/rename", Map.of("name", "{name}"))
                        .given("folder", DocumentAccessMatrixTest::folder)
                        .given("name", () -> "Renombrada " + System.nanoTime()).expect(folderManagers)
                .form(S + "/folders/{folder}/delete", Map.of()).given("folder", DocumentAccessMatrixTest::folder)
                        .expect(folderManagers);
    }
}
