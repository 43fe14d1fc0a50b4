package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * D-FLD and J over K pairs of flows against closed forms (the textbook t interval of the pairs' values, D-FLD's
 * interval folded at 0) and against simulated worlds with a known truth of 0, where one pair's image bootstrap misses
 * it because training moves each flow and K pairs' interval covers it.
 */
class PairedDualIntervalTest {

    private static final double LN2 = Math.log(2);

    @Test
    void withoutHeldOutNoiseJsIntervalIsTheStudentTIntervalOfThePairs() {
        // D = 1, so J in bits is nats / ln 2. Within each set every image has the same difference between the two flows,
        // so J's held-out noise is 0 and its spread between pairs is all training's: J_k = 1, 2 and 4 bits.
        double[] bits = {1, 2, 4};
        double[][] rr = new double[3][];
        double[][] gr = new double[3][];
        double[][] gg = new double[3][];
        double[][] rg = new double[3][];
        for (int k = 0; k < 3; k++) {
            rr[k] = new double[] {-10, -12, -14, -16};
            gr[k] = shift(rr[k], -bits[k] * LN2 / 2);
            gg[k] = new double[] {-11, -13, -15};
            rg[k] = shift(gg[k], -bits[k] * LN2 / 2);
        }
        PairedDualInterval.Result r = PairedDualInterval.compute(rr, gr, gg, rg, 1, 0.95);
        // mean 7/3, sample variance ((4/3)^2 + (1/3)^2 + (5/3)^2) / 2 = 7/3; t with 2 degrees of freedom
        double t975with2 = 4.302652729911275;
        double half = t975with2 * Math.sqrt(7.0 / 3 / 3);
        assertThat(r.divergences()).containsExactly(new double[] {1, 2, 4}, within(1e-12));
        assertThat(r.dual().divergence()).isCloseTo(7.0 / 3, within(1e-12));
        assertThat(r.divergence().degreesOfFreedom()).isCloseTo(2, within(1e-9));
        assertThat(r.dual().divergenceInterval().lower()).isCloseTo(7.0 / 3 - half, within(1e-9));
        assertThat(r.dual().divergenceInterval().upper()).isCloseTo(7.0 / 3 + half, within(1e-9));
        // every pair has the same signed difference ln(13 / 13) = 0
        assertThat(r.differences()).containsExactly(new double[] {0, 0, 0}, within(1e-15));
    }

    @Test
    void theSignedDifferenceIsTheTIntervalOfThePairsAndDfldFoldsIt() {
        // four pairs with R_test at -100 nats and G_test at -110, -95, -105 and -100: d_k = ln(1.1), ln(0.95),
        // ln(1.05) and 0, whatever each set's spread around its mean
        double[] g = {-110, -95, -105, -100};
        double[][] rr = new double[4][];
        double[][] gg = new double[4][];
        for (int k = 0; k < 4; k++) {
            rr[k] = new double[] {-90, -110, -100};
            gg[k] = new double[] {g[k] - 7, g[k] + 7};
        }
        PairedDualInterval.Result r = PairedDualInterval.compute(rr, rr, gg, gg, 1, 0.95);
        double[] d = {Math.log(1.1), Math.log(0.95), Math.log(1.05), 0};
        double mean = (d[0] + d[1] + d[2] + d[3]) / 4;
        double s2 = 0;
        for (double v : d) {
            s2 += (v - mean) * (v - mean) / 3;
        }
        double t975with3 = 3.182446305284263; // Student t, 3 degrees of freedom, 97.5% quantile (tables)
        double half = t975with3 * Math.sqrt(s2 / 4);
        assertThat(r.differences()).containsExactly(d, within(1e-15));
        assertThat(r.dual().difference()).isCloseTo(mean, within(1e-15));
        assertThat(r.difference().degreesOfFreedom()).isCloseTo(3, within(1e-9));
        assertThat(r.dual().differenceInterval().lower()).isCloseTo(mean - half, within(1e-9));
        assertThat(r.dual().differenceInterval().upper()).isCloseTo(mean + half, within(1e-9));
        assertThat(r.dual().differenceInterval().resamples()).isZero();
        // the signed interval holds 0 (mean 0.023, half-width 0.095), so D-FLD's runs from 0 to its farther end
        assertThat(r.dual().differenceInterval().contains(0)).isTrue();
        assertThat(r.dual().dfld()).isCloseTo(Math.abs(mean), within(1e-15));
        assertThat(r.dual().dfldInterval().lower()).isZero();
        assertThat(r.dual().dfldInterval().upper()).isCloseTo(mean + half, within(1e-9));
        // both flows of a pair give every image the same value (rr twice, gg twice): J is 0 in every pair
        assertThat(r.dual().divergence()).isZero();
    }

    @Test
    void aSignedIntervalAwayFromZeroFoldsIntoItsEndsAbsoluteValues() {
        // G_test far easier than R_test in both pairs: d = ln(1 / 2) and ln(1 / 2.2) exactly, with no image noise
        double[][] rr = {constant(-2, 5), constant(-2.2, 5)};
        double[][] gg = {constant(-1, 5), constant(-1, 5)};
        PairedDualInterval.Result r = PairedDualInterval.compute(rr, rr, gg, gg, 1, 0.95);
        double mean = (Math.log(1 / 2.0) + Math.log(1 / 2.2)) / 2;
        double s2 = Math.pow(Math.log(1 / 2.0) - Math.log(1 / 2.2), 2) / 2;
        double t975with1 = 12.706204736174698;
        double half = t975with1 * Math.sqrt(s2 / 2);
        ConfidenceInterval signed = r.dual().differenceInterval();
        assertThat(signed.lower()).isCloseTo(mean - half, within(1e-9));
        assertThat(signed.upper()).isCloseTo(mean + half, within(1e-9));
        assertThat(signed.contains(0)).as("t with 1 degree of freedom is wide, but not wide enough here").isFalse();
        assertThat(r.dual().dfld()).isCloseTo(-mean, within(1e-15));
        assertThat(r.dual().dfldInterval().lower()).isCloseTo(-(mean + half), within(1e-9));
        assertThat(r.dual().dfldInterval().upper()).isCloseTo(-(mean - half), within(1e-9));
    }

    @Test
    void refusesOnePairAndPairsWithoutBothFlowsValues() {
        double[][] one = {{-1, -2}};
        assertThatThrownBy(() -> FldIntervals.dualPairs(one, one, one, one, 1, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 pairs");
        double[][] rr = {{-1, -2}, {-1, -2}};
        double[][] short1 = {{-1, -2}, {}};
        assertThatThrownBy(() -> FldIntervals.dualPairs(rr, short1, rr, rr, 1, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pair 1");
    }

    /**
     * Real against real with a known truth of 0: the two flows of a pair are exchangeable. Each flow multiplies every
     * negative log-likelihood it gives by its own {@code 1 + 0.05 z} (training) and adds its own noise per image (sd 30
     * nats), and R_test and G_test are separate gamma-distributed sets of 100 images (mean 2,000 nats, sd 447). One pair's image bootstrap ignores training and covers 0 too rarely; two
     * and three pairs cover it in 93% to 98% of 1,000 worlds, for the signed difference and for J.
     */
    @Test
    void coverZeroRealAgainstRealWhereOnePairsBootstrapDoesNot() {
        Well19937c source = new Well19937c(23);
        GammaDistribution nll = new GammaDistribution(source, 20, 100);
        int worlds = 1000;
        int onePairCovers = 0;
        for (int k : new int[] {1, 2, 3}) {
            int differenceCovers = 0;
            int jCovers = 0;
            for (int w = 0; w < worlds; w++) {
                double[][] rr = new double[k][];
                double[][] gr = new double[k][];
                double[][] gg = new double[k][];
                double[][] rg = new double[k][];
                for (int p = 0; p < k; p++) {
                    double scaleR = 1 + 0.05 * source.nextGaussian();
                    double scaleG = 1 + 0.05 * source.nextGaussian();
                    double[] rTest = sample(nll, 100);
                    double[] gTest = sample(nll, 100);
                    rr[p] = flowValues(rTest, scaleR, source);
                    gr[p] = flowValues(rTest, scaleG, source);
                    gg[p] = flowValues(gTest, scaleG, source);
                    rg[p] = flowValues(gTest, scaleR, source);
                }
                FldIntervals.Dual dual = k == 1
                        ? FldIntervals.dual(rr[0], gr[0], gg[0], rg[0], 784, 400, 0.95, w)
                        : FldIntervals.dualPairs(rr, gr, gg, rg, 784, 0.95);
                if (dual.differenceInterval().contains(0)) {
                    differenceCovers++;
                }
                if (dual.divergenceInterval().contains(0)) {
                    jCovers++;
                }
            }
            double difference = differenceCovers / (double) worlds;
            double j = jCovers / (double) worlds;
            System.err.printf("%d pair(s): the signed difference covers 0 in %.3f, J in %.3f%n", k, difference, j);
            if (k == 1) {
                onePairCovers = differenceCovers;
                assertThat(difference).as("one pair's image bootstrap").isLessThan(0.85);
            } else {
                assertThat(difference).as("signed difference, %d pairs", k).isBetween(0.93, 0.98);
                assertThat(j).as("J, %d pairs", k).isBetween(0.93, 0.98);
            }
        }
        assertThat(onePairCovers).isPositive();
    }

    private static double[] sample(GammaDistribution nll, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = -nll.sample();
        }
        return out;
    }

    /** A flow's values of images: their shared value times the flow's scale, plus the flow's own noise per image. */
    private static double[] flowValues(double[] values, double scale, Well19937c source) {
        return Arrays.stream(values).map(v -> v * scale + 30 * source.nextGaussian()).toArray();
    }

    private static double[] shift(double[] values, double by) {
        return Arrays.stream(values).map(v -> v + by).toArray();
    }

    private static double[] constant(double value, int n) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }
}
