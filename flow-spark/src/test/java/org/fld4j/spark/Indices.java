package org.fld4j.spark;

/** Index ranges for picking images of the built-in slice in tests. */
final class Indices {

    private Indices() {
    }

    /** {@code from, from + 1, ..., to - 1}. */
    static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = i;
        }
        return out;
    }
}
