package org.fld4j.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class RandomGaussianTest {

    @Test
    void oneDimensionalCaseMatchesTheTextbookFormulas() {
        RandomGaussian g = RandomGaussian.withSeed(1, 3);
        double var = g.covariance()[0][0];
        double mu = g.mean()[0];
        assertThat(g.entropy()).isCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * var), within(1e-12));
        double x = mu + 0.7;
        assertThat(g.logDensity(new double[] {x}))
                .isCloseTo(-0.5 * Math.log(2 * Math.PI * var) - 0.49 / (2 * var), within(1e-12));
    }

    @Test
    void samplesHaveTheMeanAndCovarianceAndMeanLogDensityIsMinusEntropy() {
        RandomGaussian g = RandomGaussian.withSeed(3, 9);
        int n = 50_000;
        double[][] x = g.sample(n, 1, DataType.DOUBLE).toDoubleMatrix();
        double[] mean = new double[3];
        double logp = 0;
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                mean[j] += row[j] / n;
            }
            logp += g.logDensity(row) / n;
        }
        double[][] cov = g.covariance();
        for (int j = 0; j < 3; j++) {
            // 5 standard errors of the sample mean
            assertThat(mean[j]).isCloseTo(g.mean()[j], within(5 * Math.sqrt(cov[j][j] / n)));
        }
        double c01 = 0;
        for (double[] row : x) {
            c01 += (row[0] - g.mean()[0]) * (row[1] - g.mean()[1]) / n;
        }
        assertThat(c01).isCloseTo(cov[0][1], within(5 * Math.sqrt((cov[0][0] * cov[1][1] + cov[0][1] * cov[0][1]) / n)));
        // Var(log p) = D/2 for a Gaussian; 5 standard errors.
        assertThat(logp).isCloseTo(-g.entropy(), within(5 * Math.sqrt(1.5 / n)));
    }
}
