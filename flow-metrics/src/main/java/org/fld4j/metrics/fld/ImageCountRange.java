package org.fld4j.metrics.fld;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How far a predicted number of generated images could be off: its 5% and 95% quantiles over resamples of what the
 * prediction was made from, immutable. An empty end means that the quantile falls among resamples in which no number
 * of images reaches the target.
 *
 * @param low              the 5% quantile (type 7, rounded up), empty when over 95% of the resamples are out of
 *                         reach
 * @param high             the 95% quantile, empty when over 5% are
 * @param unreachableShare the share of the resamples in which the target is out of reach, 0 to 1
 */
public record ImageCountRange(OptionalLong low, OptionalLong high, double unreachableShare) {

    public ImageCountRange {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        if (!(unreachableShare >= 0 && unreachableShare <= 1)) {
            throw new IllegalArgumentException("unreachableShare must lie in [0, 1], got " + unreachableShare);
        }
        if (low.isEmpty() && high.isPresent() || low.isPresent() && high.isPresent()
                && low.getAsLong() > high.getAsLong()) {
            throw new IllegalArgumentException("a range runs from low to high, got " + low + " to " + high);
        }
    }

    /**
     * The range of counts in increasing order, {@code +Infinity} standing for a resample that is out of reach.
     *
     * @param sorted the resamples' counts, sorted
     */
    static ImageCountRange of(double[] sorted) {
        int unreachable = 0;
        for (double count : sorted) {
            unreachable += Double.isInfinite(count) ? 1 : 0;
        }
        return new ImageCountRange(quantile(sorted, 0.05), quantile(sorted, 0.95),
                (double) unreachable / sorted.length);
    }

    /**
     * The type-7 quantile of sorted counts, rounded up; empty when it touches an {@code +Infinity}.
     */
    static OptionalLong quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(sorted.length - 1, below + 1);
        if (Double.isInfinite(sorted[below]) || (h > below && Double.isInfinite(sorted[above]))) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) Math.ceil(sorted[below] + (h - below) * (sorted[above] - sorted[below])));
    }

    /** E.g. {@code 280 to 375} or {@code 115 to out of reach}. */
    String text() {
        return end(low) + " to " + end(high);
    }

    private static String end(OptionalLong n) {
        return n.isPresent() ? String.format(java.util.Locale.ROOT, "%,d", n.getAsLong()) : "out of reach";
    }
}
