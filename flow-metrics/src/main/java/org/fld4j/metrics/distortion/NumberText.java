package org.fld4j.metrics.distortion;

import java.math.BigDecimal;

/** Formats parameter values for descriptions and messages: {@code 8} rather than {@code 8.0}, {@code 0.05} as is. */
final class NumberText {

    private NumberText() {
    }

    static String of(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
