package org.fld4j.metrics.gaussian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class TestDistributionsTest {

    private final MultivariateGaussian p = new RandomGaussianGenerator(RandomGaussianOptions.defaults()).generate(6, 11);

    @Test
    void affineVariantMovesTheMeanByTAndScalesTheCovarianceBySSquared() {
        MultivariateGaussian q = TestDistributions.affine(p, 0.5, 0.75);
        for (int i = 0; i < 6; i++) {
            assertThat(q.mean()[i]).isEqualTo(p.mean()[i] + 0.75);
            for (int j = 0; j < 6; j++) {
                assertThat(q.covariance()[i][j]).isCloseTo(0.25 * p.covariance()[i][j], within(1e-15));
            }
        }
    }

    @Test
    void klOfAffineVariantsMatchesTheirSpecialForms() {
        // Scale only: KL(q(s, 0) || p) = D/2 (s^2 - 1 - 2 log s), whatever Sigma is.
        for (double s : new double[] {0.25, 0.75, 1.75}) {
            double expected = 3 * (s * s - 1 - 2 * Math.log(s));
            assertThat(TestDistributions.affine(p, s, 0).klDivergence(p)).isCloseTo(expected, within(1e-10));
        }
        // Shift only: KL(q(1, t) || p) = t^2/2 1^T Sigma^-1 1, with the inverse from Commons Math's LU.
        RealMatrix inverse = MatrixUtils.inverse(new Array2DRowRealMatrix(p.covariance()));
        double onesQuadratic = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                onesQuadratic += inverse.getEntry(i, j);
            }
        }
        assertThat(TestDistributions.affine(p, 1, 0.5).klDivergence(p))
                .isCloseTo(0.125 * onesQuadratic, within(1e-9 * onesQuadratic));
    }

    @Test
    void perturbedVariantAddsAlphaToTheDiagonalAndBetaUToTheMean() {
        double[] u = {1, -1, 0.5, 0, -0.25, 0.75};
        MultivariateGaussian q = TestDistributions.perturbed(p, 1.25, 0.25, 0.1, 0.2, u);
        for (int i = 0; i < 6; i++) {
            assertThat(q.mean()[i]).isCloseTo(p.mean()[i] + 0.25 + 0.2 * u[i], within(1e-15));
            for (int j = 0; j < 6; j++) {
                double expected = 1.5625 * p.covariance()[i][j] + (i == j ? 0.1 : 0);
                assertThat(q.covariance()[i][j]).isCloseTo(expected, within(1e-15));
            }
        }
        MultivariateGaussian same = TestDistributions.perturbed(p, 0.5, 0.25, 0, 0, u);
        assertThat(same.klDivergence(TestDistributions.affine(p, 0.5, 0.25))).isCloseTo(0, within(1e-12));
    }

    @Test
    void testBedBuildsEachFamilyFromItsOwnParts() {
        GaussianTestBed bed = GaussianTestBed.generate(5, RandomGaussianOptions.defaults(), 3);
        assertThat(GaussianTestBed.generate(5, RandomGaussianOptions.defaults(), 3).perturbation())
                .isEqualTo(bed.perturbation());
        for (double v : bed.perturbation()) {
            assertThat(v).isBetween(-1.0, 1.0);
        }
        MultivariateGaussian affine = bed.distribution(TestFamily.AFFINE, 0.75, 0.5, 0.3, 0.3);
        MultivariateGaussian perturbed = bed.distribution(TestFamily.PERTURBED, 0.75, 0.5, 0.3, 0.3);
        MultivariateGaussian outlier = bed.distribution(TestFamily.OUTLIER, 0.75, 0.5, 0.3, 0.3);
        assertThat(affine.klDivergence(TestDistributions.affine(bed.training(), 0.75, 0.5))).isCloseTo(0, within(1e-12));
        assertThat(perturbed.klDivergence(TestDistributions.perturbed(bed.training(), 0.75, 0.5, 0.3, 0.3,
                bed.perturbation()))).isCloseTo(0, within(1e-12));
        assertThat(outlier.klDivergence(TestDistributions.affine(bed.outlierBase(), 0.75, 0.5))).isCloseTo(0, within(1e-12));
        assertThat(bed.outlierBase().klDivergence(bed.training())).isGreaterThan(1);
    }

    @Test
    void invalidParametersAreRefused() {
        double[] u = new double[6];
        assertThatThrownBy(() -> TestDistributions.affine(p, 0, 0)).hasMessageContaining("scale");
        assertThatThrownBy(() -> TestDistributions.affine(p, 1, Double.NaN)).hasMessageContaining("shift");
        assertThatThrownBy(() -> TestDistributions.perturbed(p, 1, 0, -1, 0, u)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> TestDistributions.perturbed(p, 1, 0, 0, -1, u)).hasMessageContaining("beta");
        assertThatThrownBy(() -> TestDistributions.perturbed(p, 1, 0, 0, 0, new double[] {2, 0, 0, 0, 0, 0}))
                .hasMessageContaining("[-1, 1]");
    }
}
