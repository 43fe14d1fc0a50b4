package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ensemble interval against closed forms (a textbook t interval when the generated images carry no noise, the
 * delta-method variance when the flows agree) and against simulated truth: its coverage, counted over many draws of
 * flows and images, is the nominal 95% where the one-flow image bootstrap's is not.
 */
class EnsembleIntervalTest {

    @Test
    void withoutImageNoiseItIsTheStudentTIntervalOfTheFlowValues() {
        // every generated image has the same log-likelihood under a flow, so resampling images changes nothing
        double[] heldOut = {-2000, -2100, -1950};
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
        double[] heldOut = {-1990, -1990, -1990, -1990};
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
            double[] heldOutMeans = new double[k];
            double[][] generated = new double[k][300];
            double[] baseG = new double[300];
            for (int i = 0; i < baseG.length; i++) {
                baseG[i] = -1100 + 100 * random.nextGaussian();
            }
            double[] firstHeldOut = new double[200];
            for (int f = 0; f < k; f++) {
                double c = tau * random.nextGaussian();
                double sum = 0;
                for (int i = 0; i < 200; i++) {
                    double value = -1000 + 100 * random.nextGaussian() + c + 10 * random.nextGaussian();
                    sum += value;
                    if (f == 0) {
                        firstHeldOut[i] = value;
                    }
                }
                heldOutMeans[f] = sum / 200;
                for (int i = 0; i < baseG.length; i++) {
                    generated[f][i] = baseG[i] + c + 10 * random.nextGaussian();
                }
            }
            if (EnsembleInterval.compute(heldOutMeans, generated, 300, 0.95, w).interval().contains(truth)) {
                ensembleCovers++;
            }
            ConfidenceInterval single = PercentileBootstrap.interval(firstHeldOut, generated[0], FldFormulas::fld,
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
}
