package org.fld4j.cli.report;

/** Ranges of values for axes and bins. */
final class Ranges {

    private Ranges() {
    }

    /**
     * {@code {min, max}} over all finite values of all arrays; widened by half a unit each way when they are all
     * equal (a histogram needs a range of positive width), {@code {0, 1}} when there are none.
     */
    static double[] commonRange(double[]... sets) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] set : sets) {
            for (double v : set) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (lo == hi) {
            return new double[] {lo - 0.5, hi + 0.5};
        }
        return new double[] {lo, hi};
    }

    /** Whether {@code values} holds at least two different values (what a density estimate needs). */
    static boolean varies(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return true;
            }
        }
        return false;
    }
}
