package org.comunidad.plan;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.WithAccessMatrix;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Exporting plans and tasks: every member of the group exports (others 404); an annual plan's
 * export is the import's table shape, so export then re-import gives the same plan, from CSV and
 * from XLSX; the XLSX's last sheet holds every column.
 */
@QuarkusTest
class PlanExportTest extends WithAccessMatrix {

    static final String VICTIMAS = PlanImportTest.VICTIMAS;
    static final int READ = 200;

    static long plan() {
        long plan = TestPlans.plan("seguridad").save();
        long year = TestPlans.year(plan, VICTIMAS, 2021);
        long goal = TestPlans.item(plan, "seguridad").titled("Objetivo general").save();
        long spec = TestPlans.item(plan, VICTIMAS).under(goal).save();
        long line = TestPlans.item(plan, VICTIMAS).under(spec).titled("Línea").save();
        TestPlans.item(plan, VICTIMAS).under(line).in(year).titled("Diagnóstico").period("Segundo semestre 2020")
                .budget("1500.50", "USD").funding("Fondo Fiduciario Pérez-Guerrero").responsible("PE", "pf.peru")
                .status("IN_PROGRESS").progress(40).save();
        return plan;
    }

    static AccessMatrix matrix() {
        return AccessMatrix.of("plan and task export")
                .bind("victimas", () -> Db.community(VICTIMAS))
                .get("/c/seguridad/plans/{plan}/export?format=xlsx").given("plan", PlanExportTest::plan)
                        .expect(READ, READ, READ, READ, READ, 404, SIGN_IN)
                .get("/c/seguridad/plans/{plan}/export?format=csv&community={victimas}&year=2021").named("GET export one annual plan")
                        .given("plan", PlanExportTest::plan).expect(READ, READ, READ, READ, READ, 404, SIGN_IN)
                .get("/c/seguridad/tasks/export?format=csv").expect(READ, READ, READ, READ, READ, 404, SIGN_IN)
                .get("/tasks/export?format=xlsx").expect(READ, READ, READ, READ, READ, READ, SIGN_IN);
    }

    @Test
    void exportThenImportGivesTheSamePlanFromCsv() {
        for (String seed : List.of("seed001-victimas.csv", "seed001-dot.csv", "seed001-prevencion.csv")) {
            long first = TestPlans.plan("seguridad").save();
            long year = PlanImports.importTable(Persona.LEADER, "seguridad", first, VICTIMAS, 2021, "tabla.csv",
                    PlanImports.resource(seed));
            Response csv = Persona.MEMBER.request().get("/c/seguridad/plans/" + first + "/export?format=csv&community="
                    + Db.community(VICTIMAS) + "&year=2021");
            assertEquals(200, csv.statusCode());
            assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
            assertTrue(csv.header("Content-Disposition").contains(".csv"));
            long second = TestPlans.plan("seguridad").save();
            long again = PlanImports.importTable(Persona.LEADER, "seguridad", second, VICTIMAS, 2021, "export.csv",
                    csv.asByteArray());
            assertEquals(PlanImports.table(year), PlanImports.table(again), seed);
            assertEquals(PlanImports.csvCells(PlanImports.resource(seed)).size(),
                    PlanImports.table(again).size() + 1, seed + ": every row and the headings");
        }
    }

    @Test
    void exportThenImportGivesTheSamePlanFromXlsxAndItsDetailsHoldEveryColumn() throws IOException {
        long first = TestPlans.plan("seguridad").save();
        long year = PlanImports.importTable(Persona.LEADER, "seguridad", first, VICTIMAS, 2021, "tabla.csv",
                PlanImports.resource("seed001-dot.csv"));
        Response xlsx = Persona.GROUP_MEMBER.request().get("/c/seguridad/plans/" + first
                + "/export?format=xlsx&community=" + Db.community(VICTIMAS) + "&year=2021");
        assertEquals(200, xlsx.statusCode());
        assertEquals(PlanExportResource.XLSX, xlsx.contentType());
        long second = TestPlans.plan("seguridad").save();
        long again = PlanImports.importTable(Persona.LEADER, "seguridad", second, VICTIMAS, 2021, "export.xlsx",
                xlsx.asByteArray());
        assertEquals(PlanImports.table(year), PlanImports.table(again));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            assertEquals(2, workbook.getNumberOfSheets());
            assertEquals("Detalle", workbook.getSheetName(1));
        }
    }

    @Test
    void theWholePlanHasASheetPerAnnualPlanAndTheDetails() throws IOException {
        long plan = plan();
        Response xlsx = Persona.COORDINATOR.request().get("/c/seguridad/plans/" + plan + "/export?format=xlsx");
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            assertEquals(2, workbook.getNumberOfSheets());
            List<List<String>> shape = cells(workbook.getSheetAt(0));
            assertEquals(List.of("Líneas de Acción", "Productos", "Plazo"), shape.get(0));
            assertEquals(List.of("Línea", "Diagnóstico", "Segundo semestre 2020"), shape.get(1));
            List<List<String>> details = cells(workbook.getSheetAt(1));
            assertEquals(2, details.size());
            List<String> row = details.get(1);
            assertTrue(row.containsAll(List.of("2021", "Línea", "Diagnóstico", "Segundo semestre 2020", "1500.50", "USD",
                    "Fondo Fiduciario Pérez-Guerrero", "PE", "IN_PROGRESS", "40")), row.toString());
        }
        Response csv = Persona.COORDINATOR.request().get("/c/seguridad/plans/" + plan + "/export?format=csv");
        assertTrue(csv.asString().contains("Fondo Fiduciario Pérez-Guerrero"), csv.asString());
        assertEquals(400, Persona.COORDINATOR.request().get("/c/seguridad/plans/" + plan + "/export?format=pdf").statusCode());
        assertEquals(404, Persona.COORDINATOR.request().get("/c/seguridad/plans/" + plan
                + "/export?format=csv&community=" + Db.community(VICTIMAS) + "&year=2023").statusCode());
    }

    @Test
    void tasksExportTheirDueAndAssignee() {
        String title = "Tarea para exportar " + System.nanoTime();
        TestPlans.task(VICTIMAS).titled(title).assignee("pf.peru").due("Primer bimestre 2021").save();
        String community = Persona.LEADER.request().get("/c/" + VICTIMAS + "/tasks/export?format=csv").asString();
        assertTrue(community.contains(title) && community.contains("Primer bimestre 2021") && community.contains("2021-02-28"),
                community);
        String mine = Persona.MEMBER.request().get("/tasks/export?format=csv").asString();
        assertTrue(mine.contains(title), mine);
        String others = Persona.GROUP_MEMBER.request().get("/tasks/export?format=csv").asString();
        assertTrue(!others.contains(title), others);
    }

    static List<List<String>> cells(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
            }
            rows.add(cells);
        }
        return rows;
    }
}
