package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.comunidad.testsupport.Csrf;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;

import io.restassured.response.Response;

/** Imports through the pages, as the leader's browser does, and reads back what a plan holds. */
final class PlanImports {

    private PlanImports() {
    }

    /** Uploads a table to the import form (multipart: community, year, file). */
    static Response upload(Persona persona, String path, long community, int year, String fileName, byte[] bytes) {
        Csrf csrf = Csrf.fetch(persona.request());
        return persona.request().cookie(Csrf.COOKIE, csrf.cookie()).multiPart(Csrf.FIELD, csrf.token())
                .multiPart("community", String.valueOf(community)).multiPart("year", String.valueOf(year))
                .multiPart("file", fileName, bytes, fileName.endsWith(".xlsx")
                        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv")
                .post(path);
    }

    /** Uploads, then confirms what the preview carried; returns the annual plan's id. */
    static long importTable(Persona persona, String slug, long plan, String subgroup, int year, String fileName,
            byte[] bytes) {
        String path = "/c/" + slug + "/plans/" + plan + "/import";
        long community = Db.community(subgroup);
        Response preview = upload(persona, path, community, year, fileName, bytes);
        assertEquals(200, preview.statusCode(), preview.body().asString());
        String html = preview.body().asString();
        Response confirmed = Web.form(persona, path + "/confirm", Map.of("community", Html.field(html, "community"),
                "year", Html.field(html, "year"), "table", Html.field(html, "table"), "confirm", "1"));
        assertEquals(303, confirmed.statusCode(), confirmed.body().asString());
        long id = Db.number("select id from plan_year where plan_id = ?1 and community_id = ?2 and year = ?3", plan,
                community, year);
        String location = confirmed.header("Location");
        assertEquals(true, location.endsWith("/c/" + slug + "/plans/" + plan + "/years/" + id), location);
        return id;
    }

    static byte[] resource(String name) {
        try (InputStream in = PlanImports.class.getResourceAsStream("/plan/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<List<String>> csvCells(byte[] csv) {
        try (var parser = CSVFormat.DEFAULT.parse(new InputStreamReader(new java.io.ByteArrayInputStream(csv),
                StandardCharsets.UTF_8))) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                rows.add(r.toList());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same cells as a spreadsheet, as Excel or LibreOffice save it (POI's full workbook, not the exporter's). */
    static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Plan");
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An annual plan as rows: action line, item, period as written, kind, start, end, item depth,
     * in order; what "the same plan" means for import and export.
     */
    @SuppressWarnings("unchecked")
    static List<List<String>> table(long yearId) {
        List<Object[]> rows = Db.call(em -> em.createNativeQuery("""
                select l.title, i.title, coalesce(i.period_text, ''), coalesce(i.period_kind, ''),
                       coalesce(cast(i.period_start as text), ''), coalesce(cast(i.period_end as text), ''),
                       cast(i.depth as text), cast(l.depth as text)
                from plan_item i join plan_item l on l.id = i.parent_id
                where i.plan_year_id = ?1 order by l.position, i.position, i.id""").setParameter(1, yearId)
                .getResultList());
        return rows.stream().map(r -> java.util.Arrays.stream(r).map(String::valueOf).toList()).toList();
    }
}
