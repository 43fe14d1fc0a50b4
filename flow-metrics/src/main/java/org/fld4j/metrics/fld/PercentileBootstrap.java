package org.fld4j.metrics.fld;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;

/**
 * The percentile bootstrap of a statistic of the means of two independent samples: each resample
 * draws both samples again with replacement (at their own sizes), and the interval is the
 * {@code (1 - c)/2} and {@code (1 + c)/2} quantiles of the resampled statistic (linear interpolation
 * between order statistics, as R's default type 7).
 */
final class PercentileBootstrap {

    private PercentileBootstrap() {
    }

    /**
     * @param first     the first sample (e.g. held-out real log-likelihoods)
     * @param second    the second sample (e.g. generated log-likelihoods)
     * @param statistic f(mean of first, mean of second)
     */
    static ConfidenceInterval interval(double[] first, double[] second, DoubleBinaryOperator statistic, int resamples,
                                       double confidence, long seed) {
        return percentileInterval(replicates(first, second, statistic, resamples, seed), confidence);
    }

    /**
     * The resampled statistic, in draw order: resample {@code b} draws the first sample again, then the second,
     * from one generator seeded with {@code seed}. {@link #interval} takes its percentiles.
     */
    static double[] replicates(double[] first, double[] second, DoubleBinaryOperator statistic, int resamples,
                               long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            values[b] = statistic.applyAsDouble(resampledMean(first, random), resampledMean(second, random));
        }
        return values;
    }

    /** The equal-tailed percentile interval of resampled values (the array is sorted in place). */
    static ConfidenceInterval percentileInterval(double[] values, double confidence) {
        Arrays.sort(values);
        double tail = (1 - confidence) / 2;
        return new ConfidenceInterval(quantile(values, tail), quantile(values, 1 - tail), confidence, values.length);
    }

    static double resampledMean(double[] values, SplittableRandom random) {
        double sum = 0;
        int n = values.length;
        for (int i = 0; i < n; i++) {
            sum += values[random.nextInt(n)];
        }
        return sum / n;
    }

    /** Type-7 quantile of sorted values: {@code h = (n - 1) p}, interpolated between floor and ceiling. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
