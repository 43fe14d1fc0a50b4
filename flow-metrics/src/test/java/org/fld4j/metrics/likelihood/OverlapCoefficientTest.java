package org.fld4j.metrics.likelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fld4j.metrics.likelihood.KernelDensityEstimateTest.normalSample;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class OverlapCoefficientTest {

    @Test
    void identicalSamplesOverlapFully() {
        double[] x = normalSample(10_000, 0, 1, 1);
        assertThat(OverlapCoefficient.of(x, x.clone(), BandwidthRule.SILVERMAN)).isCloseTo(1, within(1e-3));
    }

    @Test
    void farApartSamplesDoNotOverlap() {
        double[] a = normalSample(10_000, 0, 1, 2);
        double[] b = normalSample(10_000, 50, 1, 3);
        assertThat(OverlapCoefficient.of(a, b, BandwidthRule.SILVERMAN)).isLessThan(1e-6);
        double[] narrow = normalSample(10_000, 30, 0.001, 4);
        assertThat(OverlapCoefficient.of(a, narrow, BandwidthRule.SILVERMAN)).isLessThan(1e-6);
    }

    @Test
    void matchesTheClosedFormForTwoUnitNormals() {
        // OVL of N(0, 1) and N(1, 1) is 2 Phi(-1/2) = 0.6171 (Inman and Bradley 1989).
        double expected = 2 * new NormalDistribution().cumulativeProbability(-0.5);
        double[] a = normalSample(100_000, 0, 1, 5);
        double[] b = normalSample(100_000, 1, 1, 6);
        assertThat(OverlapCoefficient.of(a, b, BandwidthRule.SILVERMAN)).isCloseTo(expected, within(0.01));
    }

    @Test
    void aSampleOverlapsAnotherSampleOfTheSameDistribution() {
        double[] a = normalSample(100_000, 3, 2, 7);
        double[] b = normalSample(100_000, 3, 2, 8);
        assertThat(OverlapCoefficient.of(a, b, BandwidthRule.SCOTT)).isGreaterThan(0.98);
    }
}
