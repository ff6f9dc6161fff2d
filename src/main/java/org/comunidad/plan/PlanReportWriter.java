package org.comunidad.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.comunidad.platform.content.GroupYear;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * Writes a {@link PlanReport} three ways from the same gathered figures: the HTML of its sections
 * (the page's preview and the PDF's body, one template), a tagged PDF (openhtmltopdf in PDF/UA
 * mode: structure tree, headings, tables with header cells, the document's language and title,
 * DejaVu Sans embedded; fonts/DejaVu-LICENSE.txt) and a DOCX (POI XWPF, Word's Heading styles and
 * tables with a repeated header row). Headings come from the plnr bundle in the report's language.
 */
@ApplicationScoped
public class PlanReportWriter {

    @Inject
    @Location("PlanReportResource/body.html")
    Template body;

    @Inject
    @Location("PlanReportResource/pdf.html")
    Template pdf;

    /** The report's sections as HTML (headings from h2), in the report's language. */
    public String html(PlanReport report) {
        return body.data("report", report).setLocale(Locale.forLanguageTag(report.language())).render();
    }

    public byte[] pdf(PlanReport report) {
        String document = pdf.data("report", report).data("body", html(report))
                .data("title", PlanReportService.title(report))
                .setLocale(Locale.forLanguageTag(report.language())).render();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withProducer("Comunidad");
            builder.withHtmlContent(document, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String file) {
        return PlanReportWriter.class.getResourceAsStream("/fonts/" + file);
    }

    public byte[] docx(PlanReport r) {
        PlanReportMessages m = PlanReportService.messages(r.language());
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            heading(styles, "Title", "Title", 0, 40);
            heading(styles, "Heading1", "heading 1", 0, 30);
            heading(styles, "Heading2", "heading 2", 1, 26);
            doc.getProperties().getCoreProperties().setTitle(PlanReportService.title(r));
            doc.getProperties().getCoreProperties().setCreator(r.forum());
            doc.getProperties().getCoreProperties().setSubjectProperty(m.report_subtitle(r.group()));
            language(doc, r.language());

            paragraph(doc, "Title", m.report_title(r.year()));
            paragraph(doc, null, m.report_subtitle(r.group()));
            paragraph(doc, null, r.forum() + " · " + m.generated(r.generatedOn()));

            paragraph(doc, "Heading1", "1. " + m.s_introduction());
            if (r.introduction().isEmpty()) {
                paragraph(doc, null, m.introduction_none());
            }
            r.introduction().forEach(p -> paragraph(doc, null, p));

            paragraph(doc, "Heading1", "2. " + m.s_objective());
            if (r.objectiveTitle() == null) {
                paragraph(doc, null, m.objective_none());
            } else {
                bold(doc, r.objectiveTitle());
                r.objective().forEach(p -> paragraph(doc, null, p));
            }

            paragraph(doc, "Heading1", "3. " + m.s_countries());
            paragraph(doc, null, m.countries_lead());
            table(doc, List.of(m.col_country(), m.col_institutions()), r.countries().stream()
                    .map(c -> List.of(c.country(), c.institutions() == null ? m.none() : c.institutions())).toList());

            paragraph(doc, "Heading1", "4. " + m.s_subgroups());
            if (r.subgroups().isEmpty()) {
                paragraph(doc, null, m.subgroups_none());
            }
            for (PlanReport.SubgroupRow s : r.subgroups()) {
                paragraph(doc, "Heading2", s.name());
                labelled(doc, m.subgroup_objective(), s.objective() == null ? m.none() : s.objective());
                labelled(doc, m.subgroup_leader(), s.leader() == null ? m.none() : s.leader());
                labelled(doc, m.subgroup_members(), s.members().isEmpty() ? m.none() : s.members());
            }

            for (PlanReport.Part part : r.parts()) {
                paragraph(doc, "Heading1", part.number() + ". " + part.heading());
                if (part.entries().isEmpty()) {
                    paragraph(doc, null, part.nothing());
                } else if (part.table()) {
                    table(doc, List.of(m.col_date(), m.col_title(), m.col_type(), m.col_community()), part.entries()
                            .stream().map(e -> List.of(r.day(e.date()), e.title(), e.kind(), e.community()))
                            .toList());
                } else {
                    for (GroupYear.Entry e : part.entries()) {
                        paragraph(doc, "Heading2", r.day(e.date()) + ": " + e.title());
                        paragraph(doc, null, e.kind() + " · " + e.community());
                        if (e.details().isEmpty()) {
                            paragraph(doc, null, m.agreements_none());
                        } else {
                            bold(doc, m.agreements());
                            e.details().forEach(d -> paragraph(doc, null, d));
                        }
                    }
                }
            }

            paragraph(doc, "Heading1", r.statusNumber() + ". " + m.s_status(r.year()));
            if (r.status().isEmpty()) {
                paragraph(doc, null, m.status_none());
            } else {
                paragraph(doc, null, m.status_lead());
                table(doc, List.of(m.col_subgroup(), m.col_year_figure(r.year()), m.col_figure(), m.col_activities(), m.col_done(), m.col_in_progress(),
                        m.col_pending(), m.col_cancelled()), r.status().stream()
                        .map(s -> List.of(s.community(), s.yearFigure(), s.figure(), String.valueOf(s.activities()), String.valueOf(s.done()),
                                String.valueOf(s.inProgress()), String.valueOf(s.pending()), String.valueOf(s.cancelled())))
                        .toList());
            }

            paragraph(doc, "Heading1", r.nextNumber() + ". " + m.s_next(r.nextYear()));
            if (r.next().isEmpty()) {
                paragraph(doc, null, m.next_none());
            } else {
                paragraph(doc, null, m.next_lead());
            }
            for (PlanReport.YearTable t : r.next()) {
                paragraph(doc, "Heading2", t.community());
                if (t.rows().isEmpty()) {
                    paragraph(doc, null, m.next_subgroup_none());
                    continue;
                }
                // The seeds' shape: a blank first cell continues the action line above.
                table(doc, List.of(t.lineHeading(), t.itemHeading(), m.col_deadline()), t.rows().stream()
                        .map(row -> List.of(row.startsLine() ? row.line() : "", row.item(), row.deadline())).toList());
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFStyles styles, String id, String name, int level, int halfPoints) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        CTString n = CTString.Factory.newInstance();
        n.setVal(name);
        style.setName(n);
        CTDecimalNumber priority = CTDecimalNumber.Factory.newInstance();
        priority.setVal(BigInteger.valueOf(9));
        style.setUiPriority(priority);
        style.setQFormat(CTOnOff.Factory.newInstance());
        CTPPrGeneral ppr = style.addNewPPr();
        if (!"Title".equals(id)) {
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(level));
        }
        ppr.addNewKeepNext();
        ppr.addNewSpacing().setBefore(BigInteger.valueOf(240));
        CTRPr rpr = style.addNewRPr();
        rpr.addNewB();
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewColor().setVal("0B3A5B");
        styles.addStyle(new XWPFStyle(style));
    }

    private static void language(XWPFDocument doc, String language) {
        String tag = switch (language) {
            case "pt" -> "pt-BR";
            case "en" -> "en-GB";
            default -> "es-ES";
        };
        try {
            var defaults = doc.getStyles();
            CTStyle normal = CTStyle.Factory.newInstance();
            normal.setStyleId("Normal");
            normal.setType(STStyleType.PARAGRAPH);
            CTString n = CTString.Factory.newInstance();
            n.setVal("Normal");
            normal.setName(n);
            normal.addNewRPr().addNewLang().setVal(tag);
            defaults.addStyle(new XWPFStyle(normal));
        } catch (RuntimeException e) {
            // The language is a nicety for spell checkers; the document is whole without it.
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        if ("Title".equals(style)) {
            p.setAlignment(ParagraphAlignment.LEFT);
        }
        XWPFRun run = p.createRun();
        run.setText(text == null ? "" : text);
        return p;
    }

    private static void bold(XWPFDocument doc, String text) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setBold(true);
        run.setText(text);
    }

    private static void labelled(XWPFDocument doc, String label, String value) {
        XWPFParagraph p = doc.createParagraph();
        XWPFRun l = p.createRun();
        l.setBold(true);
        l.setText(label + ": ");
        p.createRun().setText(value);
    }

    private static void table(XWPFDocument doc, List<String> headings, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, headings.size());
        table.setWidth("100%");
        XWPFTableRow head = table.getRow(0);
        head.setRepeatHeader(true);
        for (int c = 0; c < headings.size(); c++) {
            XWPFParagraph p = head.getCell(c).getParagraphs().get(0);
            XWPFRun run = p.createRun();
            run.setBold(true);
            run.setText(headings.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            List<String> cells = rows.get(r);
            for (int c = 0; c < headings.size(); c++) {
                row.getCell(c).getParagraphs().get(0).createRun().setText(c < cells.size() && cells.get(c) != null
                        ? cells.get(c) : "");
            }
        }
        doc.createParagraph();
    }
}
