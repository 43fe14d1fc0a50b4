package org.fld4j.metrics.fld;

import java.util.Arrays;

/**
 * The spread of FLD (or D-FLD) over random subsets of one size, immutable.
 *
 * @param size    images in each subset
 * @param repeats subsets drawn
 * @param mean    mean FLD of the subsets
 * @param std     standard deviation of the subsets' FLD ({@code n - 1} in the denominator)
 * @param q05     5% quantile of the subsets' FLD (type 7: linear between order statistics)
 * @param median  50% quantile
 * @param q95     95% quantile
 */
public record SampleEfficiencyPoint(int size, int repeats, double mean, double std, double q05, double median,
                                    double q95) {

    public SampleEfficiencyPoint {
        if (size < 1 || repeats < 2) {
            throw new IllegalArgumentException("a sample-efficiency point needs size >= 1 and repeats >= 2, got size "
                    + size + " and " + repeats + " repeats");
        }
        if (!(std >= 0) || !(q05 <= median && median <= q95)) {
            throw new IllegalArgumentException("inconsistent spread at size " + size + ": std " + std + ", quantiles "
                    + q05 + ", " + median + ", " + q95);
        }
    }

    /** The mean, standard deviation and quantiles of one size's values (at least two). */
    static SampleEfficiencyPoint summarize(int size, double[] values) {
        double mean = FldFormulas.mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(squares / (values.length - 1));
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new SampleEfficiencyPoint(size, values.length, mean, std, PercentileBootstrap.quantile(sorted, 0.05),
                PercentileBootstrap.quantile(sorted, 0.5), PercentileBootstrap.quantile(sorted, 0.95));
    }
}
