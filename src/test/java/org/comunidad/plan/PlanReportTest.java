package org.comunidad.plan;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.comunidad.meeting.TestMeetings;
import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The yearly activity report: every route for every persona (the coordinator and the admin; other
 * members 403; non-members and a subgroup's address 404), then what it holds in seed 001's
 * structure (subgroups with leader and member countries, the year's meetings with their
 * agreements, the next year's plan tables, figures from the plan), as a tagged PDF whose text
 * PDFBox extracts and as a DOCX POI opens; the introduction per year and language; saving into the
 * repository as a REPORT document (twice: one document, two versions).
 */
@QuarkusTest
class PlanReportTest extends WithAccessMatrix {

    static final String G = "/c/seguridad";
    static final String MEETING = "Videoconferencia del Grupo de Seguridad (informe)";
    static final String AGREEMENT = "Conformar una mesa que incluya el tema de Ciberseguridad para los 3 subgrupos";

    static AccessMatrix matrix() {
        Map<Persona, Integer> read = expect(200, 200, 403, 403, 403, 404, SIGN_IN);
        Map<Persona, Integer> write = expect(303, 303, 403, 403, 403, 404, SIGN_IN);
        return AccessMatrix.of("activity report")
                .get(G + "/report").expect(read)
                .get(G + "/report?year=2020&lang=pt").named("year and language").expect(read)
                .get(G + "/report/2020.pdf?lang=es").expect(read)
                .get(G + "/report/2020.docx?lang=en").expect(read)
                .form(G + "/report/introduction", Map.of("year", "2019", "language", "es",
                        "introduction", "Durante 2019 el trabajo del Foro se enfocó en los planes sectoriales."))
                        .expect(write)
                .form(G + "/report/2019/save", Map.of("language", "es")).expect(write)
                // A subgroup has no report of its own.
                .get("/c/seguridad-asistencia-victimas/report").expect(404, 404, 404, 404, 404, 404, SIGN_IN);
    }

    /** A validated plan shaped like seed 001: objectives, the three 2021 work plans, a 2020 one with progress, a 2020 meeting. */
    static long securityPlan() {
        long plan = TestPlans.plan("seguridad").titled("Plan sectorial de Seguridad y Combate al Crimen").years(2020, 2024)
                .validated().save();
        long goal = TestPlans.item(plan, "seguridad")
                .titled("Trabajo articulado y colaborativo en la neutralización de las organizaciones criminales").save();
        long dot = TestPlans.item(plan, "seguridad-delincuencia-organizada").under(goal)
                .titled("Promover el intercambio de información y analizar un Centro de Cooperación Regional").save();
        long victims = TestPlans.item(plan, "seguridad-asistencia-victimas").under(goal)
                .titled("Fortalecer los mecanismos especializados de protección y asistencia").save();
        long prevention = TestPlans.item(plan, "seguridad-prevencion-violencia-genero").under(goal)
                .titled("Promover intercambio de experiencias sobre el delito y la violencia").save();

        long dot21 = TestPlans.year(plan, "seguridad-delincuencia-organizada", 2021);
        long line1 = TestPlans.item(plan, "seguridad-delincuencia-organizada").under(dot).in(dot21)
                .titled("Coordinaciones para establecer estrategias regionales conjuntas para combatir las DOT").save();
        TestPlans.item(plan, "seguridad-delincuencia-organizada").under(line1).in(dot21)
                .titled("Documento de planificación de acciones a mediano y largo plazo.").period("Primer bimestre 2021").save();
        TestPlans.item(plan, "seguridad-delincuencia-organizada").under(line1).in(dot21)
                .titled("Asistencia técnica en los delitos identificados en el objetivo 1.")
                .period("Cuarto bimestre 2020 Primer bimestre 2021").save();
        long line2 = TestPlans.item(plan, "seguridad-delincuencia-organizada").under(dot).in(dot21)
                .titled("Analizar la creación de un Centro de Cooperación Regional para el combate de la DOT").save();
        TestPlans.item(plan, "seguridad-delincuencia-organizada").under(line2).in(dot21)
                .titled("Compromiso de alto nivel de los países.").period("Cuarto bimestre 2020").save();

        long victims21 = TestPlans.year(plan, "seguridad-asistencia-victimas", 2021);
        long line3 = TestPlans.item(plan, "seguridad-asistencia-victimas").under(victims)
                .titled("Elaboración de un procedimiento regional para el retorno asistido").save();
        TestPlans.item(plan, "seguridad-asistencia-victimas").under(line3).in(victims21)
                .titled("Borrador de protocolo regional de asistencia a víctimas.").period("Segundo semestre 2020").save();

        long prevention21 = TestPlans.year(plan, "seguridad-prevencion-violencia-genero", 2021);
        long line4 = TestPlans.item(plan, "seguridad-prevencion-violencia-genero").under(prevention)
                .titled("Elaborar y publicar el Informe Regional").save();
        TestPlans.item(plan, "seguridad-prevencion-violencia-genero").under(line4).depth(5).in(prevention21)
                .titled("Elaborar y publicar informe.").period("Por definir.").save();

        // 2020: the victims subgroup's activities, one done, one half way, one cancelled: 75 %.
        long victims20 = TestPlans.year(plan, "seguridad-asistencia-victimas", 2020);
        long line5 = TestPlans.item(plan, "seguridad-asistencia-victimas").under(victims)
                .titled("Intercambiar información acerca del estado de situación").save();
        TestPlans.item(plan, "seguridad-asistencia-victimas").under(line5).in(victims20).titled("Diagnóstico regional.")
                .period("Segundo semestre 2020").status("DONE").save();
        TestPlans.item(plan, "seguridad-asistencia-victimas").under(line5).in(victims20).titled("Intercambio de experiencias.")
                .period("Segundo semestre 2020").status("IN_PROGRESS").progress(50).save();
        TestPlans.item(plan, "seguridad-asistencia-victimas").under(line5).in(victims20).titled("Mecanismos con consulados.")
                .period("Segundo semestre 2020").status("CANCELLED").save();

        long meeting = TestMeetings.in("seguridad").titled(MEETING).status("HELD")
                .at(OffsetDateTime.of(2020, 8, 6, 14, 0, 0, 0, ZoneOffset.ofHours(-4))).save();
        Db.update("insert into meeting_agreement (meeting_id, number, text, author_id) values (?1, 1, ?2, ?3)",
                meeting, AGREEMENT, Db.member("coord.seguridad"));
        return plan;
    }

    static byte[] bytes(Persona persona, String path) {
        Response response = persona.request().get(path);
        assertEquals(200, response.statusCode(), response.asString());
        return response.asByteArray();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void thePdfHoldsTheSubgroupsTheMeetingsAndNextYearsPlanAndIsTagged() throws IOException {
        securityPlan();
        byte[] pdf = bytes(Persona.COORDINATOR, G + "/report/2020.pdf?lang=es");
        String text = text(pdf);
        // Subgroups with their leader (country and person) and member countries.
        for (String expected : List.of("Asistencia a las víctimas de la DOT", "Combate a la delincuencia organizada transnacional",
                "Prevención de delitos y violencia de género", "Paraguay (Carlos Benítez)", "Chile, Ecuador, Perú",
                "Argentina, Ecuador, Paraguay, Perú",
                // the meeting of the year with its agreement
                MEETING, AGREEMENT,
                // the 2021 plan tables, lines, products and deadlines as written
                "Plan de trabajo 2021", "Documento de planificación de acciones a mediano y largo plazo.",
                "Primer bimestre 2021", "Cuarto bimestre 2020 Primer bimestre 2021", "Compromiso de alto nivel de los países.",
                "Borrador de protocolo regional de asistencia a víctimas.", "Elaborar y publicar informe.", "Por definir.",
                // figures from the plan (PlanTree): 2020's activities of the victims subgroup (done, half way,
                // cancelled) make 75 %; its objective, with the 2021 product at 0 %, 37,5 %
                "Asistencia a las víctimas de la DOT 75 % 37,5 % 3 1 1 0 1", "Trabajo articulado y colaborativo")) {
            assertTrue(text.contains(expected), "the PDF should hold «" + expected + "»:\n" + text);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var catalog = doc.getDocumentCatalog();
            assertNotNull(catalog.getStructureTreeRoot(), "tagged: a structure tree");
            assertNotNull(catalog.getMarkInfo(), "MarkInfo");
            assertTrue(catalog.getMarkInfo().isMarked(), "MarkInfo Marked");
            assertEquals("es", catalog.getLanguage());
            assertTrue(doc.getDocumentInformation().getTitle().contains("Informe de actividades 2020"),
                    doc.getDocumentInformation().getTitle());
            String fonts = doc.getPage(0).getResources().getFontNames().toString();
            assertFalse(fonts.isEmpty());
            var font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded(), "the font is embedded");
            assertTrue(font.getName().contains("DejaVu"), font.getName());
        }
    }

    @Test
    void theReportIsWrittenInTheChosenLanguage() throws IOException {
        securityPlan();
        String en = text(bytes(Persona.ADMIN, G + "/report/2020.pdf?lang=en"));
        assertTrue(en.contains("Meetings held in 2020"), en);
        assertTrue(en.contains("Assistance to victims of transnational organized crime"), en);
        assertTrue(en.contains("Paraguay (Carlos Benítez)"), en);
        String pt = text(bytes(Persona.ADMIN, G + "/report/2020.pdf?lang=pt"));
        assertTrue(pt.contains("Reuniões realizadas em 2020"), pt);
        assertTrue(pt.contains("Países integrantes"), pt);
    }

    @Test
    void theDocxOpensWithHeadingsAndTheSameContent() throws IOException {
        securityPlan();
        byte[] docx = bytes(Persona.COORDINATOR, G + "/report/2020.docx?lang=es");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            for (String expected : List.of("Asistencia a las víctimas de la DOT", "Paraguay (Carlos Benítez)",
                    "Chile, Ecuador, Perú", MEETING, AGREEMENT, "Documento de planificación de acciones a mediano y largo plazo.",
                    "Cuarto bimestre 2020 Primer bimestre 2021", "Por definir.")) {
                assertTrue(text.contains(expected), "the DOCX should hold «" + expected + "»");
            }
            List<String> headings = doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText).toList();
            assertTrue(headings.contains("4. Subgrupos de trabajo"), headings.toString());
            assertTrue(headings.stream().anyMatch(h -> h.endsWith("Plan de trabajo 2021")), headings.toString());
            assertNotNull(doc.getStyles().getStyle("Heading1"), "Word's Heading 1 style is defined");
            assertTrue(doc.getTables().size() >= 4, "countries, status and the three plan tables: " + doc.getTables().size());
            var planTable = doc.getTables().stream().filter(t -> t.getText().contains("Compromiso de alto nivel")).findFirst()
                    .orElseThrow();
            assertEquals("Línea de acción", planTable.getRow(0).getCell(0).getText());
            assertEquals("Plazo", planTable.getRow(0).getCell(2).getText());
            assertTrue(planTable.getRow(0).isRepeatHeader());
        }
    }

    @Test
    void theIntroductionIsKeptPerYearAndLanguageAndATooLongOneIsRefusedAsTyped() throws IOException {
        // 2023: a year the demo wrote no introduction for (it has 2020's, seed 001's).
        securityPlan();
        String intro = "El 22 de marzo de 2019 ocho países suscribieron la Declaración de Santiago.\n\nDurante 2020 el trabajo se retomó en julio.";
        Web.form(Persona.COORDINATOR, G + "/report/introduction", Map.of("year", "2023", "language", "es",
                "introduction", intro)).then().statusCode(303);
        String page = Persona.COORDINATOR.request().get(G + "/report?year=2023&lang=es").then().statusCode(200)
                .extract().asString();
        assertEquals(intro, Html.one(page, "textarea[name=introduction]").wholeText().replace("\r\n", "\n").strip());
        assertTrue(Html.one(page, "#report-introduction").text().contains("Durante 2020 el trabajo se retomó en julio."));
        assertEquals(2, Html.all(page, "#report-introduction p").size(), "two paragraphs");
        // Another language has its own.
        String en = Persona.COORDINATOR.request().get(G + "/report?year=2023&lang=en").then().statusCode(200)
                .extract().asString();
        assertEquals("", Html.one(en, "textarea[name=introduction]").wholeText().strip());
        assertTrue(text(bytes(Persona.COORDINATOR, G + "/report/2023.pdf?lang=es")).contains("Declaración de Santiago"));

        String tooLong = "x".repeat(PlanReportService.INTRODUCTION_MAX + 1);
        String refused = Web.form(Persona.COORDINATOR, G + "/report/introduction", Map.of("year", "2023", "language", "es",
                "introduction", tooLong)).then().statusCode(400).extract().asString();
        assertEquals(tooLong, Html.one(refused, "textarea[name=introduction]").wholeText());
        assertFalse(Html.one(refused, "#introduction-introduction-error").text().isBlank());
        assertEquals(intro, Db.value("select introduction from plan_report where community_id = ?1 and year = 2023 and language = 'es'",
                Db.community("seguridad")));
    }

    @Test
    void savingFilesTheReportAsAReportDocumentOnceWithVersions() {
        securityPlan();
        String location = Web.form(Persona.COORDINATOR, G + "/report/2020/save", Map.of("language", "es")).then()
                .statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/documents/(\\d+).*", "$1"));
        assertEquals("REPORT", Db.value("select doc_type from document where id = ?1", id));
        assertEquals(Db.community("seguridad"), Db.number("select community_id from document where id = ?1", id));
        assertEquals("application/pdf", Db.value("select v.content_type from document d join document_version v on v.id = d.current_version_id where d.id = ?1", id));
        // Visible in the group's documents to any member of the group.
        String docs = Persona.GROUP_MEMBER.request().get(G + "/documents").then().statusCode(200).extract().asString();
        assertTrue(docs.contains("Informe de actividades 2020"), "the group's documents list the report");
        // Saving again adds a version to the same document.
        String again = Web.form(Persona.COORDINATOR, G + "/report/2020/save", Map.of("language", "es")).then()
                .statusCode(303).extract().header("Location");
        assertTrue(again.endsWith("/documents/" + id), again);
        assertEquals(2L, Db.number("select version_count from document where id = ?1", id));
    }

    /**
     * The first two pages of the Security report (2020, with the 2021 work plans of seed 001's
     * section 7) render, and are written as images to look at (target/report-pages).
     */
    @Test
    void theFirstTwoPagesRenderToImages() throws IOException {
        securityPlan();
        Web.form(Persona.COORDINATOR, G + "/report/introduction", Map.of("year", "2020", "language", "es", "introduction",
                "El 22 de marzo de 2019 Argentina, Brasil, Chile, Colombia, Ecuador, Guyana, Paraguay y Perú suscribieron la "
                        + "«Declaración de Santiago para la Renovación y el Fortalecimiento de América del Sur», que dio inicio "
                        + "al proceso de creación del Foro PROSUR.\n\nDurante 2020, en el marco de la pandemia, el trabajo de los "
                        + "grupos sufrió retrasos; se retomó a partir de julio con foco en reestructurar los planes e identificar "
                        + "líneas de acción y productos en vistas del 2021."))
                .then().statusCode(303);
        byte[] pdf = bytes(Persona.COORDINATOR, G + "/report/2020.pdf?lang=es");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 2, "pages: " + doc.getNumberOfPages());
            PDFRenderer renderer = new PDFRenderer(doc);
            // Written under target/ (or where -Dcomunidad.report.images says) to look at the pages.
            File dir = new File(System.getProperty("comunidad.report.images", "target/report-pages"));
            dir.mkdirs();
            for (int page = 0; page < 2; page++) {
                var image = renderer.renderImageWithDPI(page, 110);
                assertTrue(image.getWidth() > 800);
                if (dir.isDirectory()) {
                    ImageIO.write(image, "png", new File(dir, "report-page-" + (page + 1) + ".png"));
                }
            }
        }
    }
}
