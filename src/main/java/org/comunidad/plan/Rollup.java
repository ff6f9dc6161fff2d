package org.comunidad.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How a plan's progress rolls up, the one rule every page applies and shows next to each figure
 * (docs/plans.md, "How progress is computed"):
 * <ol>
 * <li>an item without children (an activity) counts its own progress: a done item 100 %, a
 * cancelled one nothing, anything else the progress recorded for it (0 to 100);</li>
 * <li>an item with children (a product, an action line, an objective, the plan) is the weighted
 * mean of its children's figures, each child weighing its weight (1 unless set);</li>
 * <li>cancelled children are left out of the mean, weights and all; a parent whose children
 * are all cancelled has no figure;</li>
 * <li>a parent's figure is always computed, never typed: a progress recorded on an item that has
 * children is ignored.</li>
 * </ol>
 * The result keeps, for each item, the children's figures and weights it came from, so that a
 * page can say "how this is computed".
 */
public final class Rollup {

    private Rollup() {
    }

    public enum Status {
        PLANNED, IN_PROGRESS, DONE, POSTPONED, CANCELLED
    }

    /**
     * An item of the tree as the rule reads it: its status, the progress recorded for it (used
     * only when it has no children), its weight among its siblings, its children.
     */
    public record Item(long id, Status status, int progress, BigDecimal weight, List<Item> children) {

        public Item {
            if (progress < 0 || progress > 100) {
                throw new IllegalArgumentException("progress " + progress);
            }
            if (weight == null || weight.signum() < 0) {
                throw new IllegalArgumentException("weight " + weight);
            }
            children = List.copyOf(children);
        }

        /** An activity: no children, weight 1. */
        public static Item leaf(long id, Status status, int progress) {
            return new Item(id, status, progress, BigDecimal.ONE, List.of());
        }
    }

    /**
     * One child's share in its parent's figure: its figure, its weight, and whether it was left
     * out (cancelled, or with no figure of its own).
     */
    public record Share(long id, BigDecimal figure, BigDecimal weight, boolean excluded) {
    }

    /**
     * An item's figure (percent, one decimal; null when it has none: cancelled, or every child
     * cancelled), how it was reached (OWN: its recorded progress; DONE: 100 because done;
     * MEAN: the weighted mean of {@code shares}; NONE), and its children's results.
     */
    public record Result(long id, BigDecimal figure, Basis basis, List<Share> shares, List<Result> children) {

        public enum Basis {
            OWN, DONE, MEAN, NONE
        }

        /** The result of the item with this id, here or below. */
        public Result find(long itemId) {
            if (id == itemId) {
                return this;
            }
            for (Result child : children) {
                Result found = child.find(itemId);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static Result of(Item item) {
        if (item.children().isEmpty()) {
            return switch (item.status()) {
                case CANCELLED -> new Result(item.id(), null, Result.Basis.NONE, List.of(), List.of());
                case DONE -> new Result(item.id(), HUNDRED.setScale(1), Result.Basis.DONE, List.of(), List.of());
                default -> new Result(item.id(), BigDecimal.valueOf(item.progress()).setScale(1), Result.Basis.OWN,
                        List.of(), List.of());
            };
        }
        List<Result> children = new ArrayList<>();
        List<Share> shares = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Item child : item.children()) {
            Result result = of(child);
            children.add(result);
            boolean excluded = child.status() == Status.CANCELLED || result.figure() == null;
            shares.add(new Share(child.id(), result.figure(), child.weight(), excluded));
            if (!excluded) {
                sum = sum.add(result.figure().multiply(child.weight()));
                weights = weights.add(child.weight());
            }
        }
        if (item.status() == Status.CANCELLED || weights.signum() == 0) {
            return new Result(item.id(), null, Result.Basis.NONE, shares, children);
        }
        return new Result(item.id(), sum.divide(weights, 1, RoundingMode.HALF_UP), Result.Basis.MEAN, shares,
                children);
    }
}
