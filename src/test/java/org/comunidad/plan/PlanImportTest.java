package org.comunidad.plan;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Importing a subgroup's annual work plan from its table: who may (the coordinator and the
 * subgroup's leader; other members 403, other groups 404), the preview (every row, refused rows
 * with their reason), refusals of the whole file (400, the form again with the reason), and what
 * the confirmation creates and where.
 */
@QuarkusTest
class PlanImportTest extends WithAccessMatrix {

    static final String VICTIMAS = "seguridad-asistencia-victimas";
    static final String SMALL = "Líneas de Acción,Productos,Plazo\nCoordinar,Documento de planificación,Primer bimestre 2021\n";

    static long plan() {
        return TestPlans.plan("seguridad").save();
    }

    static AccessMatrix matrix() {
        return AccessMatrix.of("plan import")
                .bind("victimas", () -> Db.community(VICTIMAS))
                .get("/c/seguridad/plans/{plan}/import").given("plan", PlanImportTest::plan)
                        .expect(200, 200, 200, 403, 403, 404, SIGN_IN)
                .get("/c/seguridad-asistencia-victimas/plans/{plan}/import").named("GET import from the subgroup")
                        .given("plan", PlanImportTest::plan).expect(200, 200, 200, 403, 403, 404, SIGN_IN)
                .request("POST", "/c/seguridad/plans/{plan}/import", (p, url) -> PlanImports.upload(p, url,
                        Db.community(VICTIMAS), 2021, "plan.csv", SMALL.getBytes(StandardCharsets.UTF_8)))
                        .given("plan", PlanImportTest::plan).expect(200, 200, 200, 403, 403, 404, SIGN_IN)
                .form("/c/seguridad/plans/{plan}/import/confirm", Map.of("community", "{victimas}", "year", "2021",
                        "table", SMALL, "confirm", "1"))
                        .given("plan", PlanImportTest::plan).expect(303, 303, 303, 403, 403, 404, SIGN_IN);
    }

    @Test
    void theFormOffersOnlyTheCommunitiesTheViewerDraftsFor() {
        long plan = plan();
        String leader = Persona.LEADER.request().get("/c/seguridad/plans/" + plan + "/import").body().asString();
        List<String> options = Html.all(leader, "select[name=community] option").eachAttr("value");
        assertEquals(List.of(String.valueOf(Db.community(VICTIMAS))), options);
        Html.one(leader, "input[type=file][name=file]");
        Html.one(leader, "input[name=year]");
        String coordinator = Persona.COORDINATOR.request().get("/c/seguridad/plans/" + plan + "/import").body().asString();
        assertEquals(4, Html.all(coordinator, "select[name=community] option").size(), "the group and its three subgroups");
    }

    @Test
    void thePreviewShowsEveryRowAndRefusesWhatItCannotRead() {
        long plan = plan();
        String csv = """
                Líneas de Acción,Actividades,Plazo
                ,Sin línea,Primer bimestre 2021
                Diseñar cuestionarios,Aplicar cuestionarios,Oct – dic. 2020
                ,Evento virtual,Séptimo bimestre 2021
                ,,Segundo semestre 2021
                Publicar el informe,Elaborar y publicar informe,Por definir.
                """;
        Response response = PlanImports.upload(Persona.LEADER, "/c/seguridad/plans/" + plan + "/import",
                Db.community(VICTIMAS), 2021, "tabla.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body().asString());
        String html = response.body().asString();
        Element table = Html.one(html, "#import-preview");
        assertEquals(5, table.select("tbody tr").size());
        assertTrue(Html.one(html, "#import-row-2").text().contains("Rechazada"), Html.one(html, "#import-row-2").text());
        assertTrue(Html.one(html, "#import-row-3").text().contains("Trimestre") || Html.one(html, "#import-row-3").text()
                .contains("Meses"), Html.one(html, "#import-row-3").text());
        assertTrue(Html.one(html, "#import-row-3").text().contains("2020-10-01"), Html.one(html, "#import-row-3").text());
        assertTrue(Html.one(html, "#import-row-4").text().contains("no existe"), Html.one(html, "#import-row-4").text());
        assertTrue(Html.one(html, "#import-row-5").text().contains("Falta el producto"), Html.one(html, "#import-row-5").text());
        assertTrue(Html.one(html, "#import-row-6").text().contains("Por definir"), Html.one(html, "#import-row-6").text());
        assertTrue(Html.one(html, "#import-counts").text().contains("2 filas leídas, 3 rechazadas"),
                Html.one(html, "#import-counts").text());
        Html.one(html, "button[name=confirm]");
        assertEquals(0, Db.number("select count(*) from plan_item where plan_id = ?1", plan), "the preview stores nothing");

        // Confirming imports the two rows read, not the refused ones.
        Response confirmed = Web.form(Persona.LEADER, "/c/seguridad/plans/" + plan + "/import/confirm",
                Map.of("community", Html.field(html, "community"), "year", "2021", "table", Html.field(html, "table")));
        assertEquals(303, confirmed.statusCode(), confirmed.body().asString());
        assertEquals(2, Db.number("select count(*) from plan_item where plan_id = ?1 and plan_year_id is not null", plan));
    }

    @Test
    void theConfirmationCreatesTheAnnualPlanTheObjectiveTheLinesAndTheActivities() {
        long plan = plan();
        long year = PlanImports.importTable(Persona.LEADER, "seguridad", plan, VICTIMAS, 2021, "victimas.csv",
                PlanImports.resource("seed001-victimas.csv"));
        long victimas = Db.community(VICTIMAS);
        assertEquals("DRAFT", Db.value("select status from plan_year where id = ?1", year));
        // The general objective (titled with the plan's) and the subgroup's specific objective were created.
        assertEquals(1, Db.number("select count(*) from plan_item where plan_id = ?1 and depth = 1", plan));
        assertEquals(1, Db.number("select count(*) from plan_item where plan_id = ?1 and depth = 2 and community_id = ?2",
                plan, victimas));
        assertEquals(3, Db.number("select count(*) from plan_item where plan_id = ?1 and depth = 3 and community_id = ?2"
                + " and plan_year_id is null", plan, victimas), "three action lines");
        assertEquals(4, Db.number("select count(*) from plan_item where plan_year_id = ?1 and depth = 4", year),
                "four products, in the annual plan");
        assertEquals(4, Db.number("select count(*) from plan_item where plan_year_id = ?1 and period_kind = 'SEMESTER'"
                + " and period_start = date '2020-07-01' and period_end = date '2020-12-31'", year));

        // A second import of the same subgroup reuses its objective and its lines.
        PlanImports.importTable(Persona.COORDINATOR, "seguridad", plan, VICTIMAS, 2022, "victimas.csv",
                PlanImports.resource("seed001-victimas.csv"));
        assertEquals(1, Db.number("select count(*) from plan_item where plan_id = ?1 and depth = 2", plan));
        assertEquals(3, Db.number("select count(*) from plan_item where plan_id = ?1 and depth = 3", plan));
        assertEquals(8, Db.number("select count(*) from plan_item where plan_id = ?1 and depth = 4", plan));

        // Confirming the same table again (a double click) adds nothing to that annual plan.
        PlanImports.importTable(Persona.LEADER, "seguridad", plan, VICTIMAS, 2021, "victimas.csv",
                PlanImports.resource("seed001-victimas.csv"));
        assertEquals(4, Db.number("select count(*) from plan_item where plan_year_id = ?1", year));
        assertEquals(8, Db.number("select count(*) from plan_item where plan_id = ?1 and depth = 4", plan));
    }

    @Test
    void anImportIntoAValidatedPlanIsInItsHistory() {
        long plan = TestPlans.plan("seguridad").validated().save();
        long year = PlanImports.importTable(Persona.LEADER, "seguridad", plan, VICTIMAS, 2021, "victimas.csv",
                PlanImports.resource("seed001-victimas.csv"));
        assertEquals(1, Db.number("select count(*) from plan_change where plan_id = ?1 and plan_year_id = ?2"
                + " and action = 'IMPORTED' and actor_id = ?3 and after_value = '4'", plan, year, Db.member("lider.victimas")));
        long draft = plan();
        PlanImports.importTable(Persona.LEADER, "seguridad", draft, VICTIMAS, 2021, "victimas.csv",
                PlanImports.resource("seed001-victimas.csv"));
        assertEquals(0, Db.number("select count(*) from plan_change where plan_id = ?1", draft), "a draft keeps no history");
    }

    @Test
    void aFileThatIsNoTableIsRefusedWithTheReasonAndTheFormKept() {
        long plan = plan();
        String path = "/c/seguridad/plans/" + plan + "/import";
        long victimas = Db.community(VICTIMAS);
        Response pdf = PlanImports.upload(Persona.LEADER, path, victimas, 2021, "plan.pdf",
                "%PDF-1.7 not a table".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, pdf.statusCode());
        assertTrue(Html.one(pdf.body().asString(), "#import-file-error").text().contains("ni una planilla XLSX"));
        assertEquals(String.valueOf(victimas), Html.field(pdf.body().asString(), "community"));
        assertEquals("2021", Html.field(pdf.body().asString(), "year"));

        Response headings = PlanImports.upload(Persona.LEADER, path, victimas, 2021, "plan.csv",
                "Objetivo,Meta,Fecha\nA,B,Primer bimestre 2021\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, headings.statusCode());
        assertTrue(Html.one(headings.body().asString(), "#import-file-error").text().contains("La primera fila"));

        byte[] large = new byte[(int) PlanTransferService.MAX_BYTES + 10];
        java.util.Arrays.fill(large, (byte) 'a');
        Response tooLarge = PlanImports.upload(Persona.LEADER, path, victimas, 2021, "plan.csv", large);
        assertEquals(400, tooLarge.statusCode());
        assertTrue(Html.one(tooLarge.body().asString(), "#import-file-error").text().contains("512 KiB"));

        Response year = PlanImports.upload(Persona.LEADER, path, victimas, 2031, "plan.csv",
                SMALL.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, year.statusCode());
        assertTrue(Html.one(year.body().asString(), "#import-year-error").text().contains("años del plan"));

        Response xlsx = PlanImports.upload(Persona.LEADER, path, victimas, 2021, "plan.xlsx",
                new byte[] { 'P', 'K', 3, 4, 0, 0, 0 });
        assertEquals(400, xlsx.statusCode());
        assertEquals(0, Db.number("select count(*) from plan_year where plan_id = ?1", plan));
    }

    @Test
    void aLeaderCannotImportIntoAnotherSubgroup() {
        long plan = plan();
        long other = Db.community("seguridad-delincuencia-organizada");
        Response upload = PlanImports.upload(Persona.LEADER, "/c/seguridad/plans/" + plan + "/import", other, 2021,
                "plan.csv", SMALL.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, upload.statusCode());
        Response confirm = Web.form(Persona.LEADER, "/c/seguridad/plans/" + plan + "/import/confirm",
                Map.of("community", String.valueOf(other), "year", "2021", "table", SMALL));
        assertEquals(400, confirm.statusCode());
        assertEquals(0, Db.number("select count(*) from plan_item where plan_id = ?1", plan));
    }

    @Test
    void aTableFromAnotherGroupsPlanIsNotFound() {
        long energy = TestPlans.plan("energia").save();
        assertEquals(404, Persona.COORDINATOR.request().get("/c/seguridad/plans/" + energy + "/import").statusCode());
    }
}
