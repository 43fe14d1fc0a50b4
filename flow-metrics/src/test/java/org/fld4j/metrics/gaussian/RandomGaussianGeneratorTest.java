package org.fld4j.metrics.gaussian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class RandomGaussianGeneratorTest {

    @Test
    void covarianceHasTheRequestedLargestEigenvalueAndConditionNumber() {
        RandomGaussianOptions options = RandomGaussianOptions.defaults().withConditionNumber(50).withLargestVariance(2);
        for (int d : new int[] {2, 10, 40}) {
            MultivariateGaussian g = new RandomGaussianGenerator(options).generate(d, d);
            double[] eigenvalues = new EigenDecomposition(new Array2DRowRealMatrix(g.covariance())).getRealEigenvalues();
            Arrays.sort(eigenvalues);
            assertThat(eigenvalues[d - 1]).isCloseTo(2, within(1e-12));
            assertThat(eigenvalues[d - 1] / eigenvalues[0]).isCloseTo(50, within(1e-8));
            for (double m : g.mean()) {
                assertThat(Math.abs(m)).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void theCovarianceIsFullNotDiagonal() {
        double[][] cov = new RandomGaussianGenerator(RandomGaussianOptions.defaults()).generate(10, 1).covariance();
        int large = 0;
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < i; j++) {
                double correlation = cov[i][j] / Math.sqrt(cov[i][i] * cov[j][j]);
                if (Math.abs(correlation) > 0.05) {
                    large++;
                }
            }
        }
        assertThat(large).isGreaterThan(10);
    }

    @Test
    void theSeedDeterminesTheGaussian() {
        RandomGaussianGenerator generator = new RandomGaussianGenerator(RandomGaussianOptions.defaults());
        MultivariateGaussian a = generator.generate(6, 3);
        MultivariateGaussian b = generator.generate(6, 3);
        MultivariateGaussian c = generator.generate(6, 4);
        assertThat(a.mean()).isEqualTo(b.mean());
        assertThat(a.covariance()).isDeepEqualTo(b.covariance());
        assertThat(a.mean()).isNotEqualTo(c.mean());
    }

    @Test
    void invalidOptionsNameTheOption() {
        assertThatThrownBy(() -> RandomGaussianOptions.defaults().withConditionNumber(0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conditionNumber");
        assertThatThrownBy(() -> RandomGaussianOptions.defaults().withLargestVariance(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("largestVariance");
        assertThatThrownBy(() -> new RandomGaussianGenerator(RandomGaussianOptions.defaults()).generate(0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension");
    }
}
