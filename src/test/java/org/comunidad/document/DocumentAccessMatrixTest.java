package org.comunidad.document;

import static org.hamcrest.Matchers.startsWith;
import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Csrf;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.TestFiles;
import org.comunidad.testsupport.Uploads;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every document route, for every persona: admin, coordinator of Security, leader of its
 * victims-assistance subgroup, a member of that subgroup (pf.peru), a member of Security
 * outside it (pf.colombia), a member of another group (Energy) and anonymous. Documents
 * of Security are "not found" for the member of Energy whatever ID or URL is tried.
 */
@QuarkusTest
class DocumentAccessMatrixTest {

    static final int KEYCLOAK = 302;
    static final String G = "/c/seguridad/documents";
    static final String S = "/c/seguridad-asistencia-victimas/documents";


    record Case(String name, Map<Persona, Integer> expected, Function<Persona, Response> call) {
    }

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

    static Response version(Persona persona, long id) {
        Csrf csrf = Csrf.fetch(persona.request());
        return persona.request().cookie(Csrf.COOKIE, csrf.cookie()).header("X-CSRF-TOKEN", csrf.token())
                .header("X-File-Name", "v2.pdf").contentType("application/octet-stream")
                .body(TestFiles.pdf("Segunda versión")).post(S + "/" + id + "/versions");
    }

    static Response multipart(Persona persona, String path, String field, Map<String, String> fields) {
        Csrf csrf = Csrf.fetch(persona.request());
        var request = persona.request().cookie(Csrf.COOKIE, csrf.cookie()).multiPart("csrf-token", csrf.token())
                .multiPart(field, "archivo.pdf", TestFiles.pdf("Formulario"), "application/pdf");
        fields.forEach(request::multiPart);
        return request.post(path);
    }

    static List<Case> cases() {
        Map<Persona, Integer> read = expect(200, 200, 200, 200, 200, 404, KEYCLOAK);
        Map<Persona, Integer> signedIn = expect(200, 200, 200, 200, 200, 200, KEYCLOAK);
        Map<Persona, Integer> subgroupUploaders = expect(201, 201, 201, 201, 403, 404, KEYCLOAK);
        Map<Persona, Integer> subgroupUploadersForm = expect(303, 303, 303, 303, 403, 404, KEYCLOAK);
        Map<Persona, Integer> uploaderOrCoordinator = expect(303, 303, 403, 303, 403, 404, KEYCLOAK);
        Map<Persona, Integer> folderManagers = expect(303, 303, 303, 403, 403, 404, KEYCLOAK);
        Map<Persona, Integer> nobody = expect(404, 404, 404, 404, 404, 404, KEYCLOAK);

        List<Case> cases = new ArrayList<>();
        cases.add(new Case("GET group documents", read, p -> p.request().get(G)));
        cases.add(new Case("GET subgroup documents", read, p -> p.request().get(S)));
        cases.add(new Case("GET folder", read, p -> {
            long f = folder();
            return p.request().get(S + "?folder=" + f);
        }));
        cases.add(new Case("GET document", read, p -> p.request().get(S + "/" + document("es"))));
        cases.add(new Case("GET download", read, p -> p.request().get(S + "/" + document("es") + "/file")));
        cases.add(new Case("GET download range", expect(206, 206, 206, 206, 206, 404, KEYCLOAK),
                p -> p.request().header("Range", "bytes=0-3").get(S + "/" + document("es") + "/file")));
        cases.add(new Case("GET version 1", read,
                p -> p.request().get(S + "/" + document("es") + "/file?version=1")));
        cases.add(new Case("GET preview", read, p -> p.request().get(S + "/" + document("es") + "/preview")));
        cases.add(new Case("GET trash", read, p -> p.request().get(G + "/trash")));
        cases.add(new Case("GET browse", signedIn, p -> p.request().get("/documents?q=matriz")));
        cases.add(new Case("GET search", signedIn, p -> p.request().get("/search?q=matriz")));
        // Knowing the ID is not enough: through another community's URL the document does not exist.
        cases.add(new Case("GET document via another group", nobody, p -> p.request().get(
                "/c/energia/documents/" + document("es") + "/file")));
        cases.add(new Case("GET document via the parent group", expect(404, 404, 404, 404, 404, 404, KEYCLOAK),
                p -> p.request().get(G + "/" + document("es") + "/file")));
        cases.add(new Case("GET missing version", expect(404, 404, 404, 404, 404, 404, KEYCLOAK),
                p -> p.request().get(S + "/" + document("es") + "/file?version=9")));

        cases.add(new Case("POST upload (subgroup)", subgroupUploaders, p -> Uploads.upload(p, S + "/upload",
                "informe.pdf", TestFiles.pdf("Informe"), Uploads.report("Informe de la matriz"))));
        cases.add(new Case("POST upload (group level)", expect(201, 201, 403, 403, 403, 404, KEYCLOAK),
                p -> Uploads.upload(p, G + "/upload", "informe.pdf", TestFiles.pdf("Informe"),
                        Uploads.report("Informe del grupo"))));
        cases.add(new Case("POST upload form", subgroupUploadersForm, p -> multipart(p, S + "/upload-form", "files",
                Map.of("title", "Desde el formulario", "type", "REPORT", "language", "es"))));
        cases.add(new Case("POST edit", uploaderOrCoordinator, p -> Web.form(p, S + "/" + document("es") + "/edit",
                Map.of("title", "Título corregido", "type", "REPORT", "language", "es"))));
        cases.add(new Case("POST new version", expect(201, 201, 403, 201, 403, 404, KEYCLOAK),
                p -> version(p, document("es"))));
        cases.add(new Case("POST new version form", uploaderOrCoordinator,
                p -> multipart(p, S + "/" + document("es") + "/versions-form", "file", Map.of("comment", "v2"))));
        cases.add(new Case("POST link translation", uploaderOrCoordinator, p -> {
            long es = document("es");
            long pt = document("pt");
            return Web.form(p, S + "/" + es + "/translations", Map.of("other", String.valueOf(pt)));
        }));
        // A link changes both documents: the caller must be allowed to edit both, whichever
        // page the link is made from (pf.peru's document and one the subgroup's leader uploaded).
        Map<Persona, Integer> editsBoth = expect(303, 303, 403, 403, 403, 404, KEYCLOAK);
        cases.add(new Case("POST link translation to another's document", editsBoth, p -> {
            long mine = document("es");
            long leaders = document(Persona.LEADER, "pt");
            return Web.form(p, S + "/" + mine + "/translations", Map.of("other", String.valueOf(leaders)));
        }));
        cases.add(new Case("POST link another's document as translation", editsBoth, p -> {
            long mine = document("es");
            long leaders = document(Persona.LEADER, "pt");
            return Web.form(p, S + "/" + leaders + "/translations", Map.of("other", String.valueOf(mine)));
        }));
        cases.add(new Case("POST unlink translation", uploaderOrCoordinator, p -> {
            long es = document("es");
            long pt = document("pt");
            Web.form(Persona.MEMBER, S + "/" + es + "/translations", Map.of("other", String.valueOf(pt)))
                    .then().statusCode(303);
            return Web.form(p, S + "/" + es + "/translations/unlink", Map.of());
        }));
        cases.add(new Case("POST delete", expect(303, 303, 303, 303, 403, 404, KEYCLOAK),
                p -> Web.form(p, S + "/" + document("es") + "/delete", Map.of())));
        cases.add(new Case("POST restore", uploaderOrCoordinator, p -> {
            long id = document("es");
            Web.form(Persona.MEMBER, S + "/" + id + "/delete", Map.of()).then().statusCode(303);
            return Web.form(p, G + "/trash/" + id + "/restore", Map.of());
        }));
        cases.add(new Case("POST create folder", folderManagers,
                p -> Web.form(p, S + "/folders", Map.of("name", "Nueva " + System.nanoTime()))));
        cases.add(new Case("POST rename folder", folderManagers,
                p -> Web.form(p, S + "/folders/" + folder() + "/rename", Map.of("name", "Renombrada " + System.nanoTime()))));
        cases.add(new Case("POST delete folder", folderManagers,
                p -> Web.form(p, S + "/folders/" + folder() + "/delete", Map.of())));
        return cases;
    }

    static Stream<Arguments> matrix() {
        List<Arguments> args = new ArrayList<>();
        for (Case c : cases()) {
            for (Persona persona : Persona.values()) {
                args.add(Arguments.of(c.name(), persona, c, c.expected().get(persona)));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {3}")
    @MethodSource("matrix")
    void answersAsExpected(String name, Persona persona, Case c, int expected) {
        Response response = c.call().apply(persona);
        assertEquals(expected, response.statusCode(), () -> name + " as " + persona + ": "
                + abbreviate(response.body().asString()));
        if (expected == KEYCLOAK) {
            response.then().header("Location",
                    startsWith(ComunidadTestResource.services().keycloak().issuer() + "/protocol/openid-connect/auth"));
        }
    }

    static String abbreviate(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "..." : body;
    }
}
