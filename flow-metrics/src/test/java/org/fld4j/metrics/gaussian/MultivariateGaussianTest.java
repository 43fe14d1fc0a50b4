package org.fld4j.metrics.gaussian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultivariateGaussianTest {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    @Test
    void oneDimensionalClosedFormsByHand() {
        // q = N(1, 4), p = N(0, 1).
        MultivariateGaussian q = MultivariateGaussian.of(new double[] {1}, new double[][] {{4}});
        MultivariateGaussian p = MultivariateGaussian.of(new double[] {0}, new double[][] {{1}});
        assertThat(q.entropy()).isCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * 4), within(1e-14));
        // H(q, p) = 1/2 [log 2 pi + log 1 + 4/1 + 1^2/1]
        assertThat(q.crossEntropy(p)).isCloseTo(0.5 * (LOG_2PI + 5), within(1e-14));
        // KL(q || p) = 1/2 [log(1/4) - 1 + 4 + 1]
        assertThat(q.klDivergence(p)).isCloseTo(0.5 * (4 - Math.log(4)), within(1e-14));
        // log N(3; 1, 4) = -1/2 log(2 pi 4) - (3 - 1)^2 / 8
        assertThat(q.logDensity(new double[] {3})).isCloseTo(-0.5 * Math.log(8 * Math.PI) - 0.5, within(1e-14));
    }

    @Test
    void twoDimensionalClosedFormsByHand() {
        // Sigma_p = [[2, 1], [1, 2]]: det 3, inverse [[2, -1], [-1, 2]] / 3.
        // Sigma_q = diag(1, 3): det 3. d = mu_q - mu_p = (1, -1).
        MultivariateGaussian p = MultivariateGaussian.of(new double[] {0, 0}, new double[][] {{2, 1}, {1, 2}});
        MultivariateGaussian q = MultivariateGaussian.of(new double[] {1, -1}, new double[][] {{1, 0}, {0, 3}});
        // tr(Sigma_p^-1 Sigma_q) = (2 * 1 + 2 * 3) / 3 = 8/3; d^T Sigma_p^-1 d = (2 + 2 + 2) / 3 = 2.
        assertThat(q.klDivergence(p)).isCloseTo(0.5 * (Math.log(3.0 / 3.0) - 2 + 8.0 / 3 + 2), within(1e-14));
        assertThat(q.crossEntropy(p)).isCloseTo(0.5 * (2 * LOG_2PI + Math.log(3) + 8.0 / 3 + 2), within(1e-14));
        assertThat(p.logDeterminant()).isCloseTo(Math.log(3), within(1e-15));
        assertThat(q.entropy()).isCloseTo(0.5 * Math.log(Math.pow(2 * Math.PI * Math.E, 2) * 3), within(1e-14));
        // log p((1, 1)): x^T Sigma^-1 x = (2 - 1 - 1 + 2) / 3 = 2/3.
        assertThat(p.logDensity(new double[] {1, 1})).isCloseTo(-0.5 * (2 * LOG_2PI + Math.log(3) + 2.0 / 3),
                within(1e-14));
    }

    @Test
    void klOfADistributionWithItselfIsZeroAndCrossEntropyIsEntropyPlusKl() {
        RandomGaussianGenerator generator = new RandomGaussianGenerator(RandomGaussianOptions.defaults());
        for (int d : new int[] {1, 3, 10, 50}) {
            MultivariateGaussian q = generator.generate(d, 100 + d);
            MultivariateGaussian p = generator.generate(d, 200 + d);
            assertThat(q.klDivergence(q)).isCloseTo(0, within(1e-10 * d));
            assertThat(q.crossEntropy(q)).isCloseTo(q.entropy(), within(1e-10 * d));
            assertThat(q.crossEntropy(p)).isCloseTo(q.entropy() + q.klDivergence(p), within(1e-10 * d));
            assertThat(q.klDivergence(p)).isPositive();
        }
    }

    @Test
    void monteCarloAgreesWithTheClosedFormsWithinThreeStandardErrors() {
        RandomGaussianGenerator generator = new RandomGaussianGenerator(RandomGaussianOptions.defaults());
        int d = 5;
        int n = 1_000_000;
        MultivariateGaussian q = generator.generate(d, 1);
        MultivariateGaussian p = generator.generate(d, 2);
        double[] x = q.sample(n, 3);
        double[] logP = new double[n];
        double[] logQ = new double[n];
        p.logDensities(x, n, logP, 0);
        q.logDensities(x, n, logQ, 0);
        assertWithinThreeStandardErrors(logP, q.crossEntropy(p));
        assertWithinThreeStandardErrors(logQ, q.entropy());
        double[] logRatio = new double[n];
        for (int i = 0; i < n; i++) {
            logRatio[i] = logP[i] - logQ[i];
        }
        assertWithinThreeStandardErrors(logRatio, q.klDivergence(p));
    }

    /** -mean(values) is within 3 standard errors of {@code expected}. */
    private static void assertWithinThreeStandardErrors(double[] values, double expected) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(squares / (values.length - 1) / values.length);
        assertThat(-mean).isCloseTo(expected, within(3 * se));
    }

    @Test
    void samplesHaveTheMeanAndCovariance() {
        MultivariateGaussian q = MultivariateGaussian.of(new double[] {1, -2}, new double[][] {{2, 0.6}, {0.6, 0.5}});
        int n = 400_000;
        double[] x = q.sample(n, 9);
        double m0 = 0;
        double m1 = 0;
        for (int i = 0; i < n; i++) {
            m0 += x[2 * i];
            m1 += x[2 * i + 1];
        }
        m0 /= n;
        m1 /= n;
        double c00 = 0;
        double c01 = 0;
        double c11 = 0;
        for (int i = 0; i < n; i++) {
            double a = x[2 * i] - m0;
            double b = x[2 * i + 1] - m1;
            c00 += a * a;
            c01 += a * b;
            c11 += b * b;
        }
        // Standard errors: sqrt(var / n) for the means, about sqrt(2 var^2 / n) for the covariances.
        assertThat(m0).isCloseTo(1, within(4 * Math.sqrt(2.0 / n)));
        assertThat(m1).isCloseTo(-2, within(4 * Math.sqrt(0.5 / n)));
        assertThat(c00 / n).isCloseTo(2, within(4 * Math.sqrt(8.0 / n)));
        assertThat(c11 / n).isCloseTo(0.5, within(4 * Math.sqrt(0.5 / n)));
        assertThat(c01 / n).isCloseTo(0.6, within(4 * Math.sqrt((2 * 0.5 + 0.36) / n)));
    }

    @Test
    void drawingInChunksGivesTheSamePointsAsDrawingAtOnce() {
        MultivariateGaussian q = new RandomGaussianGenerator(RandomGaussianOptions.defaults()).generate(7, 5);
        double[] once = q.sample(10, 42);
        SplittableRandom random = new SplittableRandom(42);
        double[] first = new double[3 * 7];
        double[] rest = new double[7 * 7];
        q.sample(random, 3, first);
        q.sample(random, 7, rest);
        for (int i = 0; i < first.length; i++) {
            assertThat(first[i]).isEqualTo(once[i]);
        }
        for (int i = 0; i < rest.length; i++) {
            assertThat(rest[i]).isEqualTo(once[first.length + i]);
        }
    }

    @Test
    void rejectsCovariancesThatAreNotSymmetricPositiveDefinite() {
        assertThatThrownBy(() -> MultivariateGaussian.of(new double[] {0, 0}, new double[][] {{1, 0.5}, {0.4, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not symmetric")
                .hasMessageContaining("(0, 1) = 0.5");
        assertThatThrownBy(() -> MultivariateGaussian.of(new double[] {0, 0}, new double[][] {{1, 2}, {2, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not positive definite");
        assertThatThrownBy(() -> MultivariateGaussian.of(new double[] {0, 0}, new double[][] {{1, 1}, {1, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not positive definite");
        assertThatThrownBy(() -> MultivariateGaussian.of(new double[] {0}, new double[][] {{-1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not positive definite");
        assertThatThrownBy(() -> MultivariateGaussian.of(new double[] {0, 0}, new double[][] {{1, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 x 2");
        assertThatThrownBy(() -> MultivariateGaussian.of(new double[] {0, Double.NaN}, new double[][] {{1, 0}, {0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mean[1]");
        assertThatThrownBy(() -> MultivariateGaussian.standard(2).klDivergence(MultivariateGaussian.standard(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimensions differ");
    }

    @Test
    void acceptsRoundingLevelAsymmetryAndKeepsTheGivenValues() {
        double[][] cov = {{2, 0.3 + 1e-16}, {0.3, 1}};
        MultivariateGaussian q = MultivariateGaussian.of(new double[] {0, 0}, cov);
        assertThat(q.covariance()[0][1]).isEqualTo(q.covariance()[1][0]);
        assertThat(q.logDeterminant()).isCloseTo(Math.log(2 - 0.09), within(1e-14));
    }
}
