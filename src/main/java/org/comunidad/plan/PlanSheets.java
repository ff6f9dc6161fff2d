package org.comunidad.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.comunidad.platform.web.Csv;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Tables in and out of files: a spreadsheet's first sheet read into rows of text cells
 * (fastexcel-reader, which streams), and tables written as XLSX (POI's SXSSF, which streams)
 * or CSV (UTF-8 with a byte order mark, so spreadsheets read the accents).
 */
public final class PlanSheets {

    /** A named table: its first row holds the headings. */
    public record Table(String name, List<List<String>> rows) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private PlanSheets() {
    }

    /** Whether the bytes are a zip container (what every XLSX is). */
    public static boolean isXlsx(byte[] bytes) {
        return bytes.length >= 4 && ReadableWorkbook.isOOXMLZipHeader(bytes);
    }

    /** The first sheet's rows as text; a row missing from the sheet comes back empty, so numbers match. */
    public static List<List<String>> xlsx(byte[] bytes) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false));
                Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            for (Row row : (Iterable<Row>) stream::iterator) {
                while (rows.size() < row.getRowNum() - 1) {
                    rows.add(List.of());
                }
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.hasCell(i) && row.getCell(i) != null ? text(row.getCell(i)) : "");
                }
                rows.add(cells);
            }
        } catch (RuntimeException e) {
            throw new IOException("not a readable spreadsheet", e);
        }
        return rows;
    }

    /** A cell as people see it: a date typed in a spreadsheet (a number with a date format) as dd/mm/yyyy. */
    static String text(Cell cell) {
        if (cell.getType() == CellType.NUMBER && isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
            try {
                return cell.asDate().toLocalDate().format(DAY);
            } catch (RuntimeException e) {
                return cell.getText();
            }
        }
        if (cell.getType() == CellType.NUMBER && cell.asNumber() != null) {
            // A year typed as a number (2021), not "2021.0".
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        return cell.getText();
    }

    /** Excel's built-in date formats (14 to 22, 45 to 47) or a custom one with days, months or years and no digits. */
    static boolean isDateFormat(Integer id, String format) {
        if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
            return true;
        }
        if (format == null) {
            return false;
        }
        String plain = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(java.util.Locale.ROOT);
        return plain.matches(".*[dy].*") && !plain.matches(".*[0#].*");
    }

    /** CSV text of one table (no byte order mark). */
    public static String csvText(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(Csv.cell(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    public static void writeCsv(List<List<String>> rows, OutputStream out) throws IOException {
        out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        out.write(csvText(rows).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Writes the tables as the sheets of one workbook, headings in bold, streaming 100 rows at a time. */
    public static void writeXlsx(List<Table> tables, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            List<String> used = new ArrayList<>();
            for (Table table : tables) {
                SXSSFSheet sheet = workbook.createSheet(sheetName(table.name(), used));
                int r = 0;
                for (List<String> cells : table.rows()) {
                    SXSSFRow row = sheet.createRow(r);
                    for (int c = 0; c < cells.size(); c++) {
                        var cell = row.createCell(c);
                        cell.setCellValue(cells.get(c) == null ? "" : cells.get(c));
                        cell.setCellStyle(r == 0 ? bold : wrap);
                    }
                    r++;
                }
                if (!table.rows().isEmpty()) {
                    sheet.createFreezePane(0, 1);
                    for (int c = 0; c < table.rows().get(0).size(); c++) {
                        sheet.setColumnWidth(c, c < 2 ? 60 * 256 : 24 * 256);
                    }
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException ignored) {
                // Nothing left to release.
            }
        }
    }

    /** A sheet's name: at most 31 characters, none of []:*?/\, unique in the workbook. */
    static String sheetName(String wanted, List<String> used) {
        String base = wanted.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (base.isEmpty()) {
            base = "Sheet";
        }
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String name = base;
        for (int n = 2; used.contains(name.toLowerCase()); n++) {
            name = base + " " + n;
        }
        used.add(name.toLowerCase());
        return name;
    }
}
