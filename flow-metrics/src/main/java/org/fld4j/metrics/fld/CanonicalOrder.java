package org.fld4j.metrics.fld;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The one order in which a score's statistics read the generated images' log-likelihoods: ascending by
 * the first flow's value, then the second's, and so on ({@link Double#compare}). Sums and bootstrap resamples
 * taken in this order depend only on the multiset of per-image values, not on the order the images were read,
 * scored or merged in, which is what makes a score computed in parts equal, bit for bit, the score computed at
 * once. Images with equal values under every flow are interchangeable, so ties need no further key.
 */
final class CanonicalOrder {

    private CanonicalOrder() {
    }

    /** The permutation that sorts images: {@code order[j]} is the image at canonical position {@code j}. */
    static int[] of(double[][] values) {
        int n = values[0].length;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Comparator<Integer> byValues = (a, b) -> {
            for (double[] flow : values) {
                int c = Double.compare(flow[a], flow[b]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        Arrays.sort(boxed, byValues);
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            order[j] = boxed[j];
        }
        return order;
    }

    /** {@code values[f]} rearranged into canonical order, every flow by the same permutation. */
    static double[][] sorted(double[][] values) {
        int[] order = of(values);
        double[][] out = new double[values.length][order.length];
        for (int f = 0; f < values.length; f++) {
            for (int j = 0; j < order.length; j++) {
                out[f][j] = values[f][order[j]];
            }
        }
        return out;
    }
}
