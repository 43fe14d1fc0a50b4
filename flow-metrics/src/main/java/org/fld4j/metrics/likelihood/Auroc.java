package org.fld4j.metrics.likelihood;

import java.util.Arrays;

/**
 * The area under the ROC curve of a score that should be larger for positives than for negatives:
 * the probability that a random positive scores above a random negative, ties counting one half
 * (the Mann-Whitney U statistic over {@code n_pos * n_neg}). 1 separates perfectly, 0.5 is chance.
 */
public final class Auroc {

    private Auroc() {
    }

    /** The AUROC of {@code positiveScores} against {@code negativeScores} (each non-empty, no NaN). */
    public static double of(double[] negativeScores, double[] positiveScores) {
        return ofSorted(sortedCopy(negativeScores, "negative"), sortedCopy(positiveScores, "positive"));
    }

    /** {@link #of} for scores already sorted in increasing order. */
    static double ofSorted(double[] neg, double[] pos) {
        int below = 0;
        int belowOrTied = 0;
        double wins = 0;
        for (double v : pos) {
            while (below < neg.length && neg[below] < v) {
                below++;
            }
            belowOrTied = Math.max(belowOrTied, below);
            while (belowOrTied < neg.length && neg[belowOrTied] <= v) {
                belowOrTied++;
            }
            wins += below + 0.5 * (belowOrTied - below);
        }
        return wins / ((double) neg.length * pos.length);
    }

    private static double[] sortedCopy(double[] scores, String which) {
        if (scores == null || scores.length == 0) {
            throw new IllegalArgumentException("no " + which + " scores");
        }
        double[] copy = scores.clone();
        Arrays.sort(copy);
        if (Double.isNaN(copy[copy.length - 1])) {
            throw new IllegalArgumentException("a " + which + " score is NaN");
        }
        return copy;
    }
}
