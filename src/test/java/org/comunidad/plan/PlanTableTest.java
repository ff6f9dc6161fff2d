package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The three tables of seed 001, section 7 (the Security group's 2021 plan, saved as CSV from the
 * report), read as the import's preview shows them; and the rows it must refuse, with the reason.
 */
class PlanTableTest {

    private static PlanTable.Preview seed(String name) throws IOException {
        try (Reader reader = new InputStreamReader(PlanTableTest.class.getResourceAsStream("/plan/" + name),
                StandardCharsets.UTF_8)) {
            return PlanTable.csv(reader, 2021);
        }
    }

    @Test
    void subgroupOneTwoActionLinesFiveProductsWithTheirDeadlines() throws IOException {
        PlanTable.Preview preview = seed("seed001-dot.csv");
        assertTrue(preview.ok(), preview.rows().toString());
        assertEquals(PlanTable.Items.PRODUCTS, preview.items());
        assertEquals(List.of("Coordinaciones para establecer estrategias regionales conjuntas para combatir las DOT",
                "Analizar la creación de un Centro de Cooperación Regional para el combate de la DOT"),
                preview.lines().stream().map(PlanTable.Line::title).toList());
        assertEquals(List.of(3, 2), preview.lines().stream().map(l -> l.items().size()).toList());
        PlanTable.Row third = preview.lines().get(0).items().get(2);
        assertEquals("Asistencia técnica en los delitos identificados en el objetivo 1.", third.item());
        assertEquals("Cuarto bimestre 2020 Primer bimestre 2021", third.period().written());
        assertEquals(LocalDate.of(2020, 7, 1), third.period().start());
        assertEquals(LocalDate.of(2021, 2, 28), third.period().end());
        assertEquals(List.of("Primer bimestre 2021", "Primer bimestre 2021", "Cuarto bimestre 2020 Primer bimestre 2021",
                "Cuarto bimestre 2020", "Primer bimestre 2021"),
                preview.rows().stream().map(PlanTable.Row::deadline).toList());
    }

    @Test
    void subgroupTwoFourProductsUnderThreeLines() throws IOException {
        PlanTable.Preview preview = seed("seed001-victimas.csv");
        assertTrue(preview.ok(), preview.rows().toString());
        assertEquals(3, preview.lines().size());
        assertEquals(List.of(1, 2, 1), preview.lines().stream().map(l -> l.items().size()).toList());
        assertTrue(preview.rows().stream().allMatch(r -> r.period().kind() == Period.Kind.SEMESTER
                && r.period().end().equals(LocalDate.of(2020, 12, 31))));
    }

    @Test
    void subgroupThreeActivitiesOneToBeDefined() throws IOException {
        PlanTable.Preview preview = seed("seed001-prevencion.csv");
        assertTrue(preview.ok(), preview.rows().toString());
        assertEquals(PlanTable.Items.ACTIVITIES, preview.items());
        assertEquals(5, preview.lines().size());
        assertEquals("Elaborar y publicar informe.", preview.lines().get(1).items().get(0).item());
        assertEquals(Period.Kind.TO_BE_DEFINED, preview.lines().get(1).items().get(0).period().kind());
        assertEquals(4, preview.rows().stream().filter(r -> r.period().kind() == Period.Kind.MONTH_RANGE).count());
    }

    @Test
    void rowsItCannotReadAreRefusedWithTheReasonAndTheOthersKept() throws IOException {
        String csv = """
                Linhas de ação;Produtos;Prazo
                ;Produto sem linha;Primeiro bimestre de 2021
                Linha 1;Produto A;Segundo semestre de 2020
                ;;Primeiro bimestre de 2021
                ;Produto B;quando possível
                ;Produto C;Sétimo bimestre 2021
                ;Produto D;I Trimestre
                Linha 2;Produto E;2º trimestre;extra
                """;
        PlanTable.Preview preview = PlanTable.csv(new StringReader(csv), 2022);
        assertFalse(preview.ok());
        assertEquals(PlanTable.Items.PRODUCTS, preview.items());
        List<PlanTable.Row> rows = preview.rows();
        assertEquals(PlanTable.Refusal.NO_LINE, rows.get(0).refusal());
        assertEquals(2, rows.get(0).number());
        assertTrue(rows.get(1).ok());
        assertEquals(PlanTable.Refusal.NO_ITEM, rows.get(2).refusal());
        assertEquals(PlanTable.Refusal.PERIOD, rows.get(3).refusal());
        assertEquals(Periods.Reason.UNREADABLE, rows.get(3).periodReason());
        assertEquals(Periods.Reason.OUT_OF_RANGE, rows.get(4).periodReason());
        assertTrue(rows.get(5).ok(), "the plan's year completes a quarter without one");
        assertEquals(LocalDate.of(2022, 3, 31), rows.get(5).period().end());
        assertEquals(PlanTable.Refusal.EXTRA_CELLS, rows.get(6).refusal());
        assertEquals(8, rows.get(6).number());
        assertEquals(5, preview.refused());
        assertEquals(List.of("Produto A", "Produto D"),
                preview.lines().get(0).items().stream().map(PlanTable.Row::item).toList());
    }

    @Test
    void aTableWithoutTheHeadingsIsRefusedWhole() throws IOException {
        PlanTable.Preview preview = PlanTable.csv(new StringReader("Nombre,Correo\nAna,ana@example.org\n"), 2021);
        assertEquals(PlanTable.Refusal.HEADINGS, preview.refusal());
        assertNull(preview.items());
        assertTrue(preview.rows().isEmpty());
        assertEquals(PlanTable.Refusal.HEADINGS, PlanTable.csv(new StringReader(""), 2021).refusal());
    }

    @Test
    void englishHeadingsTabsAndAByteOrderMark() throws IOException {
        String csv = "\uFEFFAction lines\tActivities\tDeadline\nLine\tWorkshop\tOct - Dec 2020\n";
        PlanTable.Preview preview = PlanTable.csv(new StringReader(csv), 2020);
        assertTrue(preview.ok(), preview.rows().toString());
        assertEquals(PlanTable.Items.ACTIVITIES, preview.items());
        assertEquals(LocalDate.of(2020, 10, 1), preview.rows().get(0).period().start());
    }
}
