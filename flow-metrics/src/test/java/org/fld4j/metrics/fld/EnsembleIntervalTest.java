package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ensemble interval against closed forms (a textbook t interval when no image carries noise, the delta-method
 * variance when the flows agree, the held-out images' noise as the floor of the flows' part) and against simulated
 * truth: its coverage, counted over many draws of flows and images, is the nominal 95% where the one-flow image
 * bootstrap's is not, and stays so with two or three flows whose differences are their held-out images' alone.
 */
class EnsembleIntervalTest {

    @Test
    void withoutImageNoiseItIsTheStudentTIntervalOfTheFlowValues() {
        // every image has the same log-likelihood under a flow, so resampling images changes nothing and the
        // held-out images carry no noise: the spread between flows is all training's
        double[][] heldOut = {constant(-2000, 40), constant(-2100, 40), constant(-1950, 40)};
        double[][] generated = new double[3][50];
        double[] gen = {-2100, -2150, -2050};
        for (int k = 0; k < 3; k++) {
            java.util.Arrays.fill(generated[k], gen[k]);
        }
        EnsembleInterval.Result r = EnsembleInterval.compute(heldOut, generated, 200, 0.95, 1);
        double[] v = {Math.log(2100.0 / 2000), Math.log(2150.0 / 2100), Math.log(2050.0 / 1950)};
        double mean = (v[0] + v[1] + v[2]) / 3;
        double s2 = ((v[0] - mean) * (v[0] - mean) + (v[1] - mean) * (v[1] - mean) + (v[2] - mean) * (v[2] - mean)) / 2;
        double t975with2 = 4.302652729911275; // Student t, 2 degrees of freedom, 97.5% quantile (tables)
        assertThat(r.point()).isCloseTo(mean, within(1e-12));
        assertThat(r.imageVariance()).isCloseTo(0, within(1e-24));
        assertThat(r.heldOutVariance()).isZero();
        assertThat(r.trainingVariance()).isCloseTo(s2, within(1e-15));
        assertThat(r.degreesOfFreedom()).isCloseTo(2, within(1e-9));
        assertThat(r.interval().lower()).isCloseTo(mean - t975with2 * Math.sqrt(s2 / 3), within(1e-9));
        assertThat(r.interval().upper()).isCloseTo(mean + t975with2 * Math.sqrt(s2 / 3), within(1e-9));
    }

    @Test
    void flowsThatAgreeGiveTheNormalIntervalOfTheImageBootstrap() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 2000;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = -2000 + 150 * random.nextGaussian();
        }
        double[][] generated = {g, g, g, g};
        double[][] heldOut = {constant(-1990, 30), constant(-1990, 30), constant(-1990, 30), constant(-1990, 30)};
        EnsembleInterval.Result r = EnsembleInterval.compute(heldOut, generated, 20_000, 0.95, 2);
        // delta method: Var ln(mean g) = var(g) / (n mean(g)^2), with the plug-in (1/n) variance of the bootstrap
        double mean = FldFormulas.mean(g);
        double var = 0;
        for (double x : g) {
            var += (x - mean) * (x - mean) / n;
        }
        double delta = var / (n * mean * mean);
        assertThat(r.betweenFlowVariance()).isZero();
        assertThat(r.imageVariance()).isCloseTo(delta, within(0.05 * delta));
        double half = 1.959963984540054 * Math.sqrt(r.imageVariance());
        assertThat(r.interval().upper() - r.point()).isCloseTo(half, within(1e-12));
    }

    /**
     * Flows whose FLDs differ less than their held-out images' noise explains: the flows' part of the variance is that
     * noise, {@code v_H / K} with {@code v_H} the mean over flows of {@code var(H_k) / (h mean(H_k)^2)}, worked out by
     * hand here, and the quantile the normal one (training adds nothing that K values would have to estimate).
     */
    @Test
    void heldOutNoiseIsTheFloorOfTheFlowsPart() {
        // flow k: held-out images m_k - 100 and m_k + 100 (h = 2, sample variance 20,000), every generated image -2050
        double[] m = {-2000, -2001, -1999};
        double[][] heldOut = new double[3][];
        double[][] generated = new double[3][40];
        double vH = 0;
        for (int k = 0; k < 3; k++) {
            heldOut[k] = new double[] {m[k] - 100, m[k] + 100};
            java.util.Arrays.fill(generated[k], -2050);
            vH += 20_000.0 / 2 / (m[k] * m[k]) / 3;
        }
        EnsembleInterval.Result r = EnsembleInterval.compute(heldOut, generated, 200, 0.95, 3);
        double[] v = {Math.log(2050.0 / 2000), Math.log(2050.0 / 2001), Math.log(2050.0 / 1999)};
        double mean = (v[0] + v[1] + v[2]) / 3;
        double s2 = ((v[0] - mean) * (v[0] - mean) + (v[1] - mean) * (v[1] - mean) + (v[2] - mean) * (v[2] - mean)) / 2;
        assertThat(s2).as("the flows' spread is below their held-out noise").isLessThan(vH);
        assertThat(r.heldOutVariance()).isCloseTo(vH, within(1e-15));
        assertThat(r.betweenFlowVariance()).isCloseTo(s2, within(1e-15));
        assertThat(r.trainingVariance()).isZero();
        assertThat(r.degreesOfFreedom()).isInfinite();
        double half = 1.959963984540054 * Math.sqrt(vH / 3);
        assertThat(r.interval().lower()).isCloseTo(mean - half, within(1e-12));
        assertThat(r.interval().upper()).isCloseTo(mean + half, within(1e-12));
    }

    /**
     * Flows that differ by more than their held-out noise: training's share {@code tau^2 = s_b^2 - v_H} gets the
     * Welch-Satterthwaite degrees of freedom of K values, {@code nu = (v_H/K + tau^2/K)^2 / ((tau^2/K)^2 / (K - 1))},
     * and the half-width {@code t_nu sqrt((tau^2 + v_H) / K) = t_nu s_b / sqrt(K)}.
     */
    @Test
    void trainingBeyondHeldOutNoiseGetsTheDegreesOfFreedomOfKValues() {
        double[] m = {-2000, -2100, -1950, -2050};
        double[][] heldOut = new double[4][];
        double[][] generated = new double[4][25];
        double vH = 0;
        for (int k = 0; k < 4; k++) {
            // h = 3: m_k - 30, m_k, m_k + 30, sample variance 900
            heldOut[k] = new double[] {m[k] - 30, m[k], m[k] + 30};
            java.util.Arrays.fill(generated[k], -2080);
            vH += 900.0 / 3 / (m[k] * m[k]) / 4;
        }
        EnsembleInterval.Result r = EnsembleInterval.compute(heldOut, generated, 200, 0.95, 4);
        double[] v = new double[4];
        double mean = 0;
        for (int k = 0; k < 4; k++) {
            v[k] = Math.log(2080.0 / -m[k]);
            mean += v[k] / 4;
        }
        double s2 = 0;
        for (double x : v) {
            s2 += (x - mean) * (x - mean) / 3;
        }
        double tau2 = s2 - vH;
        assertThat(tau2).as("training dominates").isGreaterThan(10 * vH);
        double nu = Math.pow((tau2 + vH) / 4, 2) / (Math.pow(tau2 / 4, 2) / 3);
        double t = new org.apache.commons.math3.distribution.TDistribution(null, nu).inverseCumulativeProbability(0.975);
        assertThat(r.trainingVariance()).isCloseTo(tau2, within(1e-15));
        assertThat(r.degreesOfFreedom()).isCloseTo(nu, within(1e-9 * nu));
        assertThat(r.interval().upper() - r.point()).isCloseTo(t * Math.sqrt(s2 / 4), within(1e-12));
    }

    /**
     * Real against real with two and three flows: every flow is unbiased (training rescales all its log-likelihoods,
     * which leaves FLD's truth at 0), and what tells the flows' FLDs apart is each one's 100 held-out images, drawn
     * from a skewed (gamma) distribution like flows' negative log-likelihoods. The t interval of the K values alone
     * ({@code s_b^2 / K}, K - 1 degrees of freedom) covers 0 less often than it says, since K values estimate the
     * spread poorly; with the held-out noise as its floor the interval covers 0 in 93% to 98% of 1,000 worlds.
     */
    @Test
    void fewFlowsCoverTheTruthWhenHeldOutNoiseSetsTheirSpread() {
        org.apache.commons.math3.random.Well19937c source = new org.apache.commons.math3.random.Well19937c(17);
        org.apache.commons.math3.distribution.GammaDistribution nll =
                new org.apache.commons.math3.distribution.GammaDistribution(source, 20, 100);
        for (int k : new int[] {2, 3}) {
            int worlds = 1000;
            int covers = 0;
            int kValuesCover = 0;
            for (int w = 0; w < worlds; w++) {
                double[] baseG = new double[500];
                for (int i = 0; i < baseG.length; i++) {
                    baseG[i] = -nll.sample();
                }
                double[][] heldOut = new double[k][100];
                double[][] generated = new double[k][];
                double[] values = new double[k];
                for (int f = 0; f < k; f++) {
                    double scale = 1 + 0.05 * source.nextGaussian();
                    for (int i = 0; i < 100; i++) {
                        heldOut[f][i] = -scale * nll.sample();
                    }
                    generated[f] = new double[baseG.length];
                    for (int i = 0; i < baseG.length; i++) {
                        generated[f][i] = scale * baseG[i];
                    }
                    values[f] = FldFormulas.fld(FldFormulas.mean(heldOut[f]), FldFormulas.mean(generated[f]));
                }
                EnsembleInterval.Result r = EnsembleInterval.compute(heldOut, generated, 200, 0.95, w);
                if (r.interval().contains(0)) {
                    covers++;
                }
                // the K values' own t interval, with the images' variance beside it (the interval without the floor)
                double flowPart = r.betweenFlowVariance() / k;
                double variance = r.imageVariance() + flowPart;
                double nu = variance * variance / (flowPart * flowPart / (k - 1));
                double t = new org.apache.commons.math3.distribution.TDistribution(null, nu)
                        .inverseCumulativeProbability(0.975);
                if (Math.abs(r.point()) <= t * Math.sqrt(variance)) {
                    kValuesCover++;
                }
            }
            double coverage = covers / (double) worlds;
            double kValues = kValuesCover / (double) worlds;
            System.err.printf("K = %d, real against real: covers 0 in %.3f (the K values' t interval: %.3f)%n", k,
                    coverage, kValues);
            assertThat(coverage).as("coverage with %d flows", k).isBetween(0.93, 0.98);
            assertThat(kValues).as("the K values' t interval with %d flows", k).isLessThan(coverage);
        }
    }

    /**
     * A simulated world whose truth is known: each flow k shifts every log-likelihood it gives by its own offset
     * {@code c_k ~ N(0, tau^2)} (the randomness of training, which moves FLD because FLD is a ratio), and adds its
     * own idiosyncratic noise per image; held-out real images score around {@code -1000} nats, generated ones
     * around {@code -1100}. The truth is FLD's expectation over flows and images, {@code E_c ln((1100 - c) / (1000
     * - c))}, integrated numerically here. Over 400 worlds the one-flow bootstrap interval misses it far more often
     * than 5%, the ensemble's of 5 flows covers it in 92% to 98%.
     */
    @Test
    void coversTheTruthThatOneFlowsImageBootstrapMisses() {
        double tau = 150;
        double truth = 0;
        int steps = 20_000;
        for (int s = 0; s < steps; s++) {
            // midpoint rule over the normal's quantiles
            double z = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                    .inverseCumulativeProbability((s + 0.5) / steps);
            double c = tau * z;
            truth += Math.log((1100 - c) / (1000 - c)) / steps;
        }
        int worlds = 400;
        int ensembleCovers = 0;
        int singleCovers = 0;
        SplittableRandom random = new SplittableRandom(11);
        for (int w = 0; w < worlds; w++) {
            int k = 5;
            double[][] heldOut = new double[k][200];
            double[][] generated = new double[k][300];
            double[] baseG = new double[300];
            for (int i = 0; i < baseG.length; i++) {
                baseG[i] = -1100 + 100 * random.nextGaussian();
            }
            for (int f = 0; f < k; f++) {
                double c = tau * random.nextGaussian();
                for (int i = 0; i < 200; i++) {
                    heldOut[f][i] = -1000 + 100 * random.nextGaussian() + c + 10 * random.nextGaussian();
                }
                for (int i = 0; i < baseG.length; i++) {
                    generated[f][i] = baseG[i] + c + 10 * random.nextGaussian();
                }
            }
            if (EnsembleInterval.compute(heldOut, generated, 300, 0.95, w).interval().contains(truth)) {
                ensembleCovers++;
            }
            ConfidenceInterval single = PercentileBootstrap.interval(heldOut[0], generated[0], FldFormulas::fld,
                    300, 0.95, w);
            if (single.contains(truth)) {
                singleCovers++;
            }
        }
        double ensemble = ensembleCovers / (double) worlds;
        double one = singleCovers / (double) worlds;
        System.err.printf("simulated coverage of the truth %.5f: 5 flows %.3f, one flow's image bootstrap %.3f%n", truth,
                ensemble, one);
        assertThat(ensemble).as("ensemble coverage").isBetween(0.92, 0.98);
        assertThat(one).as("one flow's image-only coverage").isLessThan(0.85);
    }

    private static double[] constant(double value, int count) {
        double[] out = new double[count];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
