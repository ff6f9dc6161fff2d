package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The import's file reading, without the application: spreadsheets, their dates, CSV, what is no table. */
class PlanSheetsTest {

    @Test
    void aDateTypedInASpreadsheetIsReadAsTheDayItShows() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Plan");
            XSSFRow head = sheet.createRow(0);
            head.createCell(0).setCellValue("Líneas de Acción");
            head.createCell(1).setCellValue("Actividades");
            head.createCell(2).setCellValue("Plazo");
            XSSFRow row = sheet.createRow(2); // a blank row between: numbers still match the sheet's
            row.createCell(0).setCellValue("Coordinar");
            row.createCell(1).setCellValue("Reunión");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            var cell = row.createCell(2);
            cell.setCellValue(LocalDate.of(2021, 3, 15));
            cell.setCellStyle(date);
            XSSFRow number = sheet.createRow(3);
            number.createCell(1).setCellValue("Informe");
            number.createCell(2).setCellValue(2021);
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        assertTrue(PlanSheets.isXlsx(xlsx));
        PlanTable.Preview read = PlanTransferService.cells("plan.xlsx", xlsx).apply(2021);
        assertTrue(read.ok(), read.toString());
        assertEquals(2, read.rows().size());
        assertEquals(3, read.rows().get(0).number());
        assertEquals("15/03/2021", read.rows().get(0).deadline());
        assertEquals(Period.Kind.DATE, read.rows().get(0).period().kind());
        assertEquals(Period.Kind.YEAR, read.rows().get(1).period().kind());
    }

    @Test
    void whatIsNoTableIsNotRead() throws IOException {
        assertNull(PlanTransferService.cells("plan.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8)));
        assertNull(PlanTransferService.cells("plan.csv", new byte[] { 'a', 0, 'b' }));
        assertNull(PlanTransferService.cells("plan.docx", new byte[] { 'P', 'K', 3, 4 }));
    }

    @Test
    void aCsvSavedByAnOlderSpreadsheetInWindows1252IsRead() throws IOException {
        byte[] latin = "Líneas de Acción;Productos;Plazo\nLínea;Diagnóstico;Segundo semestre 2020\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        PlanTable.Preview read = PlanTransferService.cells("plan.csv", latin).apply(2020);
        assertTrue(read.ok(), read.toString());
        assertEquals("Diagnóstico", read.rows().get(0).item());
    }

    @Test
    void theNormalisedTableKeepsOnlyTheRowsReadAndReadsBackTheSame() {
        PlanTable.Preview first = PlanTransferService.csv("""
                Action lines,Products,Deadline
                Line one,Item one,Q1 2022
                ,Item refused,seventh bimester 2022
                ,"Item, with a comma",Por definir
                """, 2022);
        assertEquals(1, first.refused());
        String table = PlanTransferService.normalised(first, "en");
        PlanTable.Preview again = PlanTransferService.csv(table, 2022);
        assertTrue(again.ok());
        assertEquals(List.of("Item one", "Item, with a comma"), again.rows().stream().map(PlanTable.Row::item).toList());
        assertEquals(first.lines().get(0).items().stream().map(PlanTable.Row::period).toList(),
                again.lines().get(0).items().stream().map(PlanTable.Row::period).toList());
    }

    @Test
    void sheetNamesAreShortUniqueAndLegal() {
        List<String> used = new java.util.ArrayList<>();
        assertEquals("2021 seguridad-asistencia-vi", PlanSheets.sheetName("2021 seguridad-asistencia-victimas", used));
        assertEquals("2021 seguridad-asistencia-vi 2", PlanSheets.sheetName("2021 seguridad-asistencia-victimas-2", used));
        assertEquals("a b", PlanSheets.sheetName("a/b", used));
    }
}
