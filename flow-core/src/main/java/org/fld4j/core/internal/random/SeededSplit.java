package org.fld4j.core.internal.random;

import java.util.Arrays;

/**
 * A seeded split of {@code 0..n-1} into indices to train on and indices held out (for validation, or as an FLD
 * reference's R_test), each ascending. The order is {@link Shuffles#permutation(int, long)} of the seed; the
 * held-out indices are one block of {@code heldOutCount} consecutive positions of it, the rest are trained on.
 * Callers mix their own constant into their seed, so that training and the references never draw the same order
 * from one user seed.
 *
 * <p>The arrays are the record's own (not copied): do not change them.
 *
 * @param training the indices to train on, ascending
 * @param heldOut  the held-out indices, ascending
 */
public record SeededSplit(int[] training, int[] heldOut) {

    /** The first {@code heldOutCount} positions of the seed's permutation held out: {@link #block} 0. */
    public static SeededSplit of(int n, int heldOutCount, long seed) {
        return block(n, heldOutCount, seed, 0);
    }

    /**
     * Positions {@code k * heldOutCount} to {@code (k + 1) * heldOutCount - 1} of the seed's permutation held out,
     * all others trained on: for {@code k = 0, 1, ...} the held-out sets are disjoint folds of one order.
     *
     * @throws IllegalArgumentException if block {@code k} does not fit in {@code n}
     */
    public static SeededSplit block(int n, int heldOutCount, long seed, int k) {
        if (heldOutCount < 0 || k < 0 || (long) (k + 1) * heldOutCount > n) {
            throw new IllegalArgumentException("block " + k + " of " + heldOutCount + " held-out indices does not fit"
                    + " in " + n);
        }
        int[] order = Shuffles.permutation(n, seed);
        int from = k * heldOutCount;
        int to = from + heldOutCount;
        int[] heldOut = Arrays.copyOfRange(order, from, to);
        int[] training = new int[n - heldOutCount];
        System.arraycopy(order, 0, training, 0, from);
        System.arraycopy(order, to, training, from, n - to);
        Arrays.sort(heldOut);
        Arrays.sort(training);
        return new SeededSplit(training, heldOut);
    }
}
