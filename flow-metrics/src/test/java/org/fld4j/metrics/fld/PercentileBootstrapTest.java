package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PercentileBootstrapTest {

    @Test
    void quantilesInterpolateBetweenOrderStatisticsLikeRType7() {
        double[] sorted = {1, 2, 4, 8, 16};
        // h = (n - 1) p: p = 0.1 -> h = 0.4 -> 1 + 0.4 (2 - 1); p = 0.9 -> h = 3.6 -> 8 + 0.6 (16 - 8)
        assertThat(PercentileBootstrap.quantile(sorted, 0.1)).isCloseTo(1.4, within(1e-12));
        assertThat(PercentileBootstrap.quantile(sorted, 0.9)).isCloseTo(12.8, within(1e-12));
        assertThat(PercentileBootstrap.quantile(sorted, 0)).isEqualTo(1);
        assertThat(PercentileBootstrap.quantile(sorted, 1)).isEqualTo(16);
    }

    /**
     * For large samples the percentile interval of {@code ln(mean2 / mean1)} approaches the delta
     * method's {@code +-1.96 sqrt(v1 / (n1 m1^2) + v2 / (n2 m2^2))}.
     */
    @Test
    void widthMatchesTheDeltaMethodForLargeSamples() {
        SplittableRandom random = new SplittableRandom(3);
        double[] first = new double[4000];
        double[] second = new double[3000];
        for (int i = 0; i < first.length; i++) {
            first[i] = -2000 + 100 * random.nextGaussian();
        }
        for (int i = 0; i < second.length; i++) {
            second[i] = -2200 + 150 * random.nextGaussian();
        }
        ConfidenceInterval interval = PercentileBootstrap.interval(first, second, FldFormulas::fld, 2000, 0.95, 9);
        double se = Math.sqrt(variance(first) / (first.length * sq(FldFormulas.mean(first)))
                + variance(second) / (second.length * sq(FldFormulas.mean(second))));
        assertThat(interval.halfWidth()).isCloseTo(1.959964 * se, within(0.1 * 1.959964 * se));
        double centre = FldFormulas.fld(FldFormulas.mean(first), FldFormulas.mean(second));
        assertThat(interval.contains(centre)).isTrue();
        assertThat(PercentileBootstrap.interval(first, second, FldFormulas::fld, 2000, 0.95, 9)).isEqualTo(interval);
    }

    private static double sq(double x) {
        return x * x;
    }

    private static double variance(double[] v) {
        double m = FldFormulas.mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }
}
