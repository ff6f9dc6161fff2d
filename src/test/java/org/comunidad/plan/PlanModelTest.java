package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.transaction.Transactional;

import org.comunidad.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The plan model as stored: the forums' level names, a tree with coarse periods, budgets and tasks. */
@QuarkusTest
class PlanModelTest {

    @Test
    @Transactional
    void prosurAndSelaNameTheirLevelsInThreeLanguages() {
        PlanScheme prosur = PlanScheme.byCode("prosur").orElseThrow();
        assertEquals(List.of("Objetivo general", "Objetivo específico", "Línea de acción", "Producto", "Actividad"),
                prosur.levels.stream().map(l -> l.name.es).toList());
        assertEquals("Linha de ação", prosur.level(3).orElseThrow().name.pt);
        assertEquals("Product", prosur.level(4).orElseThrow().name.en);
        assertEquals(2, prosur.subgroupDepth().orElseThrow());
        assertEquals(5, prosur.leafDepth());
        PlanScheme sela = PlanScheme.byCode("sela").orElseThrow();
        assertEquals(List.of("Thematic axis", "Programme", "Project", "Activity"),
                sela.levels.stream().map(l -> l.name.en).toList());
        assertTrue(sela.subgroupDepth().isEmpty());
    }

    @Test
    void anActivityKeepsItsPeriodAsWrittenWithItsDatesBudgetAndStatus() {
        long plan = TestPlans.plan("seguridad").save();
        long year = TestPlans.year(plan, "seguridad-asistencia-victimas", 2021);
        long goal = TestPlans.item(plan, "seguridad").titled("Objetivo general").save();
        long spec = TestPlans.item(plan, "seguridad-asistencia-victimas").under(goal).save();
        long act = TestPlans.item(plan, "seguridad-asistencia-victimas").under(spec).depth(5).in(year)
                .period("Cuarto bimestre 2020 Primer bimestre 2021").budget("15000.50", "USD")
                .funding("Fondo Fiduciario Pérez-Guerrero").responsible("PY", "lider.victimas").status("IN_PROGRESS")
                .progress(40).weight("2").save();
        long task = TestPlans.task("seguridad-asistencia-victimas").assignee("pf.peru").due("15/03/2021").item(act).save();
        Db.run(em -> {
            PlanItem item = em.find(PlanItem.class, act);
            assertEquals("Cuarto bimestre 2020 Primer bimestre 2021", item.period.text);
            assertEquals(Period.Kind.RANGE, item.period.kind);
            assertEquals(LocalDate.of(2020, 7, 1), item.period.start);
            assertEquals(LocalDate.of(2021, 2, 28), item.period.end);
            assertTrue(item.period.overdueOn(LocalDate.of(2021, 3, 1)));
            assertEquals(new BigDecimal("15000.50"), item.budgetAmount);
            assertEquals("USD", item.budgetCurrency);
            assertEquals("PY", item.responsibleCountry.code);
            assertEquals(ItemStatus.IN_PROGRESS, item.status);
            assertEquals(Rollup.Status.IN_PROGRESS, item.status.rollup());
            assertEquals(5, item.depth);
            assertEquals(2021, item.planYear.year);
            assertEquals(spec, item.parent.id);
            Task t = em.find(Task.class, task);
            assertEquals(LocalDate.of(2021, 3, 15), t.due.deadline());
            assertEquals(act, t.item.id);
            assertFalse(t.status == Task.Status.DONE);
            assertEquals(PlanStatus.DRAFT, item.plan.status);
        });
    }

    @Test
    void theTreeReadsInOneStatementAndRollsUpWithTheRuleOfDocsPlans() {
        long plan = TestPlans.plan("seguridad").save();
        long goal = TestPlans.item(plan, "seguridad").titled("Objetivo general").save();
        long spec = TestPlans.item(plan, "seguridad-asistencia-victimas").under(goal).save();
        long line = TestPlans.item(plan, "seguridad-asistencia-victimas").under(spec).save();
        TestPlans.item(plan, "seguridad-asistencia-victimas").under(line).depth(5).status("DONE").save();
        TestPlans.item(plan, "seguridad-asistencia-victimas").under(line).depth(5).progress(40).weight("3").save();
        TestPlans.item(plan, "seguridad-asistencia-victimas").under(line).depth(5).status("CANCELLED").progress(90).save();
        PlanTree tree = Db.call(em -> PlanTree.load(em, plan));
        assertEquals(6, tree.inOrder().size());
        assertEquals(goal, tree.roots().get(0).id);
        // (100 x 1 + 40 x 3) / 4 = 55.0, the cancelled activity left out; the parents carry it up unchanged.
        assertEquals(new BigDecimal("55.0"), tree.node(line).figure());
        assertEquals(new BigDecimal("55.0"), tree.node(goal).figure());
        assertEquals(new BigDecimal("55.0"), tree.whole().figure());
        assertEquals(3, tree.leaves().size());
        assertEquals(Rollup.Result.Basis.MEAN, tree.node(line).rollup().basis());
    }

    @Test
    void anItemOrATaskWithoutADeadlineReadsAsTheEmptyPeriod() {
        long plan = TestPlans.plan("seguridad").save();
        long item = TestPlans.item(plan, "seguridad").titled("Sin plazo").save();
        long task = TestPlans.task("seguridad").titled("Sin plazo").save();
        Db.run(em -> {
            PlanItem i = em.find(PlanItem.class, item);
            assertTrue(i.period.isEmpty());
            assertEquals(null, i.period.text);
            assertEquals(null, i.period.deadline());
            Task t = em.find(Task.class, task);
            assertTrue(t.due.isEmpty());
            assertFalse(t.due.overdueOn(LocalDate.now()));
        });
    }
}
