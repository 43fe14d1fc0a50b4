package org.fld4j.metrics.likelihood;

import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Rules of thumb for the bandwidth h of a 1-D Gaussian kernel density estimate, both of the form
 * {@code h = c * A * n^(-1/5)} with the robust spread {@code A = min(sd, IQR / 1.349)}:
 * {@code c = 0.9} (Silverman 1986, eq. 3.31) or {@code c = 1.059} (Scott 1992, the normal-reference
 * rule), as in statsmodels. sd is the sample standard deviation (N - 1), IQR the interquartile range
 * with linearly interpolated quartiles (R's type 7, numpy's default). When the IQR is 0 (more than
 * half of the sample tied), A falls back to sd.
 */
public enum BandwidthRule {
    SILVERMAN(0.9),
    SCOTT(1.059);

    /** IQR / 1.349 estimates a normal's standard deviation. */
    private static final double NORMAL_IQR = 1.349;

    private final double factor;

    BandwidthRule(double factor) {
        this.factor = factor;
    }

    /** The bandwidth for {@code sample} (at least two values, not all equal). */
    public double bandwidth(double[] sample) {
        int n = sample.length;
        if (n < 2) {
            throw new IllegalArgumentException("a bandwidth needs at least 2 values, got " + n);
        }
        double sd = new StandardDeviation().evaluate(sample);
        if (!Double.isFinite(sd)) {
            throw new IllegalArgumentException("the sample contains NaN or infinite values");
        }
        Percentile quartiles = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        quartiles.setData(sample);
        double iqr = quartiles.evaluate(75) - quartiles.evaluate(25);
        double spread = iqr > 0 ? Math.min(sd, iqr / NORMAL_IQR) : sd;
        if (!(spread > 0)) {
            throw new IllegalArgumentException("all " + n + " values are equal: no bandwidth fits");
        }
        return factor * spread * Math.pow(n, -0.2);
    }
}
