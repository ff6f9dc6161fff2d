package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.comunidad.plan.Rollup.Item;
import org.comunidad.plan.Rollup.Result;
import org.comunidad.plan.Rollup.Status;
import org.junit.jupiter.api.Test;

/** The roll-up rule of docs/plans.md, on the cases people check it against. */
class RollupTest {

    private static Item parent(long id, Status status, int typed, String weight, Item... children) {
        return new Item(id, status, typed, new BigDecimal(weight), List.of(children));
    }

    private static Item leaf(long id, Status status, int progress, String weight) {
        return new Item(id, status, progress, new BigDecimal(weight), List.of());
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }

    @Test
    void mixedStatusesAndUnequalWeights() {
        // A product of three activities: done (weight 2), half-way (weight 1), planned (weight 1).
        Item product = parent(10, Status.IN_PROGRESS, 0, "1",
                leaf(1, Status.DONE, 40, "2"), // done counts as 100 whatever was recorded
                leaf(2, Status.IN_PROGRESS, 50, "1"),
                leaf(3, Status.PLANNED, 0, "1"));
        Result result = Rollup.of(product);
        // (100*2 + 50*1 + 0*1) / 4 = 62.5
        assertEquals(pct("62.5"), result.figure());
        assertEquals(Result.Basis.MEAN, result.basis());
        assertEquals(Result.Basis.DONE, result.find(1).basis());
        assertEquals(pct("100.0"), result.shares().get(0).figure());
        assertEquals(new BigDecimal("2"), result.shares().get(0).weight(), "the weights are shown");
    }

    @Test
    void cancelledChildrenAreLeftOutWeightsAndAll() {
        Item line = parent(20, Status.IN_PROGRESS, 0, "1",
                leaf(1, Status.IN_PROGRESS, 80, "1"),
                leaf(2, Status.CANCELLED, 0, "3"),
                leaf(3, Status.POSTPONED, 20, "1"));
        Result result = Rollup.of(line);
        assertEquals(pct("50.0"), result.figure(), "(80 + 20) / 2: the cancelled 3 weighs nothing");
        assertTrue(result.shares().get(1).excluded());
        assertNull(result.find(2).figure());
    }

    @Test
    void aParentWhoseChildrenAreAllCancelledHasNoFigure() {
        Item line = parent(30, Status.PLANNED, 0, "1", leaf(1, Status.CANCELLED, 0, "1"), leaf(2, Status.CANCELLED, 0, "1"));
        assertNull(Rollup.of(line).figure());
        assertEquals(Result.Basis.NONE, Rollup.of(line).basis());
        // ...and it is then left out of its own parent.
        Item objective = parent(31, Status.IN_PROGRESS, 0, "1", line, leaf(3, Status.IN_PROGRESS, 30, "1"));
        assertEquals(pct("30.0"), Rollup.of(objective).figure());
    }

    @Test
    void anItemWithNoChildrenCountsItsOwnProgress() {
        assertEquals(pct("35.0"), Rollup.of(Item.leaf(1, Status.IN_PROGRESS, 35)).figure());
        assertEquals(pct("0.0"), Rollup.of(Item.leaf(2, Status.PLANNED, 0)).figure());
        assertEquals(Result.Basis.OWN, Rollup.of(Item.leaf(3, Status.POSTPONED, 10)).basis());
    }

    @Test
    void aParentsFigureIsNeverTypedOver() {
        // 90 % was typed on the product: its children say 25 %.
        Item product = parent(40, Status.IN_PROGRESS, 90, "1", leaf(1, Status.IN_PROGRESS, 50, "1"),
                leaf(2, Status.PLANNED, 0, "1"));
        assertEquals(pct("25.0"), Rollup.of(product).figure());
        // Even marked done, a parent is what its children are.
        Item done = parent(41, Status.DONE, 100, "1", leaf(1, Status.IN_PROGRESS, 50, "1"));
        assertEquals(pct("50.0"), Rollup.of(done).figure());
    }

    @Test
    void rollsUpThroughEveryLevel() {
        // plan > objective > action line > product > activity (PROSUR's levels).
        Item plan = parent(1, Status.IN_PROGRESS, 0, "1",
                parent(2, Status.IN_PROGRESS, 0, "1",
                        parent(3, Status.IN_PROGRESS, 0, "1",
                                parent(4, Status.IN_PROGRESS, 0, "1",
                                        leaf(5, Status.DONE, 0, "1"), leaf(6, Status.PLANNED, 0, "1")))),
                parent(7, Status.PLANNED, 0, "3", leaf(8, Status.PLANNED, 0, "1")));
        Result result = Rollup.of(plan);
        assertEquals(pct("50.0"), result.find(4).figure());
        assertEquals(pct("50.0"), result.find(2).figure());
        // (50*1 + 0*3) / 4 = 12.5: the second objective weighs three times the first.
        assertEquals(pct("12.5"), result.figure());
    }

    @Test
    void progressAndWeightsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Item.leaf(1, Status.IN_PROGRESS, 101));
        assertThrows(IllegalArgumentException.class, () -> leaf(1, Status.IN_PROGRESS, 10, "-1"));
    }
}
