package org.fld4j.metrics.distortion;

/**
 * The reflect-101 border rule ({@code dcb|abcd|cba}): a position outside {@code 0..n-1} is mirrored about the
 * first or last sample without repeating it, as often as needed when the overhang exceeds the image.
 */
final class Reflect101 {

    private Reflect101() {
    }

    /** The position inside {@code 0..n-1} that position {@code i} reads. */
    static int index(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }

    /**
     * For a line of {@code n} samples padded by {@code radius} on both sides: element {@code j} is the sample that
     * padded position {@code j} (line position {@code j - radius}) reads.
     */
    static int[] extendedIndices(int n, int radius) {
        int[] indices = new int[n + 2 * radius];
        for (int j = 0; j < indices.length; j++) {
            indices[j] = index(j - radius, n);
        }
        return indices;
    }
}
