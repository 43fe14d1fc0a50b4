package org.fld4j.metrics.likelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelDensityEstimateTest {

    static double[] normalSample(int n, double mean, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + sd * random.nextGaussian();
        }
        return x;
    }

    static double normalDensity(double x, double mean, double sd) {
        double u = (x - mean) / sd;
        return Math.exp(-0.5 * u * u) / (sd * Math.sqrt(2 * Math.PI));
    }

    @Test
    void bandwidthRulesByHand() {
        // {1..5}: sd = sqrt(2.5); quartiles (type 7) 2 and 4, IQR / 1.349 = 1.4826 < sd.
        double[] x = {5, 1, 4, 2, 3};
        double spread = 2 / 1.349;
        assertThat(BandwidthRule.SILVERMAN.bandwidth(x)).isCloseTo(0.9 * spread * Math.pow(5, -0.2), within(1e-12));
        assertThat(BandwidthRule.SCOTT.bandwidth(x)).isCloseTo(1.059 * spread * Math.pow(5, -0.2), within(1e-12));
        // {0, 0, 0, 0, 10}: IQR 0, so A = sd = sqrt(20).
        assertThat(BandwidthRule.SILVERMAN.bandwidth(new double[] {0, 0, 0, 0, 10}))
                .isCloseTo(0.9 * Math.sqrt(20) * Math.pow(5, -0.2), within(1e-12));
        assertThatThrownBy(() -> BandwidthRule.SCOTT.bandwidth(new double[] {3, 3, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equal");
    }

    @Test
    void exactDensityByHand() {
        // Two points at 0 and 2, h = 1: f(1) = (phi(1) + phi(-1)) / 2 = phi(1).
        KernelDensityEstimate kde = KernelDensityEstimate.of(new double[] {0, 2}, 1.0);
        assertThat(kde.density(1)).isCloseTo(normalDensity(1, 0, 1), within(1e-15));
        assertThat(kde.density(0)).isCloseTo(0.5 * (normalDensity(0, 0, 1) + normalDensity(2, 0, 1)), within(1e-15));
    }

    @Test
    void curveIntegratesToOne() {
        for (double sd : new double[] {0.01, 1, 300}) {
            KernelDensityEstimate kde = KernelDensityEstimate.of(normalSample(20_000, 5, sd, 1), BandwidthRule.SILVERMAN);
            DensityCurve curve = kde.curve(512);
            assertThat(curve.integral()).as("sd %s", sd).isCloseTo(1, within(1e-3));
        }
        // A bimodal sample with a wide gap: the grid spans both modes.
        double[] a = normalSample(5_000, 0, 1, 2);
        double[] b = normalSample(5_000, 100, 1, 3);
        double[] both = new double[10_000];
        System.arraycopy(a, 0, both, 0, 5_000);
        System.arraycopy(b, 0, both, 5_000, 5_000);
        assertThat(KernelDensityEstimate.of(both, 0.3).curve(4096).integral()).isCloseTo(1, within(1e-3));
    }

    @Test
    void binnedCurveMatchesTheExactSum() {
        double[] x = normalSample(3_000, 0, 1, 4);
        KernelDensityEstimate kde = KernelDensityEstimate.of(x, BandwidthRule.SCOTT);
        DensityCurve curve = kde.curve(-4, 4, 81);
        double[] grid = curve.x();
        double[] density = curve.density();
        for (int k = 0; k < grid.length; k++) {
            double exact = kde.density(grid[k]);
            // Linear binning at h/8 changes a value by O((h/8)^2 f''): well under 1e-3 of the peak here.
            assertThat(density[k]).as("x = %s", grid[k]).isCloseTo(exact, within(1e-3 * 0.4));
        }
    }

    @Test
    void recoversAKnownNormalDensity() {
        // 200,000 draws of N(2, 0.5^2): Silverman's h = 0.9 * 0.5 * n^-1/5 = 0.039. The bias
        // h^2/2 |f''| is at most 0.0024 at the mode (f''(mode) = -f/sd^2 = -3.2), the noise sd about
        // sqrt(f R(K) / (n h)) = 0.0048; 0.025 is five times their sum.
        double[] x = normalSample(200_000, 2, 0.5, 5);
        DensityCurve curve = KernelDensityEstimate.of(x, BandwidthRule.SILVERMAN).curve(0, 4, 201);
        double[] grid = curve.x();
        double[] density = curve.density();
        double worst = 0;
        for (int k = 0; k < grid.length; k++) {
            worst = Math.max(worst, Math.abs(density[k] - normalDensity(grid[k], 2, 0.5)));
        }
        assertThat(worst).isLessThan(0.025);
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> KernelDensityEstimate.of(new double[] {1, Double.NaN}, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
        assertThatThrownBy(() -> KernelDensityEstimate.of(new double[] {1, 2}, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bandwidth");
        assertThatThrownBy(() -> KernelDensityEstimate.of(new double[] {1, 2}, 1.0).curve(1, 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lo < hi");
    }
}
