package org.fld4j.metrics.fld;

/**
 * A confidence interval: a percentile bootstrap one, or one built from a bootstrap and the spread between flows.
 *
 * @param lower      the lower end
 * @param upper      the upper end
 * @param confidence its nominal coverage, e.g. 0.95
 * @param resamples  bootstrap resamples it was computed from; 0 for an interval that draws none (D-FLD over pairs
 *                   of flows)
 */
public record ConfidenceInterval(double lower, double upper, double confidence, int resamples)
        implements java.io.Serializable {

    public ConfidenceInterval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] is empty or not a number");
        }
    }

    /** Whether {@code value} lies in the closed interval. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** Half the interval's width. */
    public double halfWidth() {
        return (upper - lower) / 2;
    }
}
