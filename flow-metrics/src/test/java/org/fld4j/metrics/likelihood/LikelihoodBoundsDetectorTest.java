package org.fld4j.metrics.likelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.fld4j.metrics.likelihood.KernelDensityEstimateTest.normalSample;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class LikelihoodBoundsDetectorTest {

    @Test
    void boundsAreTheEqualTailOrderStatistics() {
        double[] values = new double[400];
        for (int i = 0; i < 400; i++) {
            values[i] = 399 - i;   // 0..399, reversed
        }
        // k = floor(400 * 0.025 / 2) = 5: L is the 6th smallest, U the 6th largest.
        LikelihoodBoundsDetector detector = LikelihoodBoundsDetector.fit(values, 0.975);
        assertThat(detector.lower()).isEqualTo(5.0);
        assertThat(detector.upper()).isEqualTo(394.0);
        assertThat(detector.truePositiveRate(values)).isEqualTo(390 / 400.0);
        assertThat(detector.isOutlier(4.9)).isTrue();
        assertThat(detector.isOutlier(5)).isFalse();
        assertThat(detector.isOutlier(394)).isFalse();
        assertThat(detector.isOutlier(394.1)).isTrue();
    }

    @Test
    void truePositiveRateOnTheFittingSetIsTheTarget() {
        for (int n : new int[] {1_001, 10_007, 100_000}) {
            double[] x = normalSample(n, -20, 3, n);
            for (double target : new double[] {0.9, 0.975, 0.99}) {
                LikelihoodBoundsDetector detector = LikelihoodBoundsDetector.fit(x, target);
                assertThat(detector.truePositiveRate(x)).as("n %s target %s", n, target).isCloseTo(target, within(0.005));
            }
        }
    }

    @Test
    void trueNegativeRates() {
        double[] fit = normalSample(100_000, 0, 1, 1);
        LikelihoodBoundsDetector detector = LikelihoodBoundsDetector.fit(fit, 0.975);
        assertThat(detector.trueNegativeRate(normalSample(10_000, 40, 1, 2))).isEqualTo(1.0);
        assertThat(detector.trueNegativeRate(normalSample(10_000, -40, 1, 3))).isEqualTo(1.0);
        // Same distribution: 2.5% outside, binomial sd sqrt(0.025 * 0.975 / 100,000) = 0.0005, plus the
        // bounds' own sampling error of about the same size.
        assertThat(detector.trueNegativeRate(normalSample(100_000, 0, 1, 4))).isCloseTo(0.025, within(0.003));
    }

    @Test
    void aurocOfTheNegatedLogLikelihood() {
        // Fitted {1, 2, 3}; test {0, 2, 4}: P(test < fit) + ties/2 = (3 + (1 + 0.5) + 0) / 9.
        LikelihoodBoundsDetector detector = LikelihoodBoundsDetector.fit(new double[] {3, 1, 2}, 0.5);
        assertThat(detector.auroc(new double[] {4, 0, 2})).isCloseTo(4.5 / 9, within(1e-15));
        // Unit normals one apart: AUROC = Phi(1 / sqrt 2) = 0.7602.
        LikelihoodBoundsDetector normal = LikelihoodBoundsDetector.fit(normalSample(50_000, 0, 1, 5), 0.975);
        double expected = new NormalDistribution().cumulativeProbability(1 / Math.sqrt(2));
        assertThat(normal.auroc(normalSample(50_000, -1, 1, 6))).isCloseTo(expected, within(0.01));
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> LikelihoodBoundsDetector.fit(new double[] {1, 2}, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetTruePositiveRate");
        assertThatThrownBy(() -> LikelihoodBoundsDetector.fit(new double[] {1, Double.NaN}, 0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
    }
}
