package org.fld4j.metrics.likelihood;

/** The one check every estimator here makes of its input: present, non-empty, and finite throughout. */
final class FiniteValues {

    private FiniteValues() {
    }

    /** Throws an {@link IllegalArgumentException} naming the first value that is NaN or infinite. */
    static void require(double[] values, String what) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("no " + what + "s");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + " " + i + " is not finite: " + values[i]);
            }
        }
    }
}
