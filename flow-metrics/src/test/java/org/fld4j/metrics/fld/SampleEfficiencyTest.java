package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link SampleEfficiency} on per-image log-likelihoods drawn from known normal distributions, checked against the
 * delta method: for {@code n} values of mean {@code mu} and standard deviation {@code s} drawn without replacement
 * from {@code N} values, {@code ln(mean)} has standard deviation {@code s / (|mu| sqrt n)} times the finite
 * population correction {@code sqrt((N - n) / (N - 1))}.
 */
class SampleEfficiencyTest {

    private static double[] normal(int n, double mean, double std, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean + std * gaussian(random);
        }
        return values;
    }

    /** Box-Muller, so the test does not share the library's source of normal draws. */
    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /** Delta-method standard deviation of ln(mean of n of these values, drawn without replacement). */
    private static double deltaStd(double[] v, int n) {
        return sd(v) / (Math.abs(mean(v)) * Math.sqrt(n)) * Math.sqrt((v.length - n) / (v.length - 1.0));
    }

    @Test
    void spreadFollowsTheDeltaMethodAndTheMeanStaysAtTheFullSetsFld() {
        double[] generated = normal(100_000, -2000, 100, 1);
        double[] real = normal(2_000, -1900, 100, 2);
        SampleEfficiencyOptions options = SampleEfficiencyOptions.defaults().withRepeats(200).withSeed(5);
        SampleEfficiencyResult result = SampleEfficiency.compute(generated, real, options);

        double fullFld = Math.log(mean(generated) / mean(real));
        assertThat(result.fullFld()).isCloseTo(fullFld, within(1e-12));
        assertThat(result.generatedCount()).isEqualTo(100_000);
        assertThat(result.realCount()).isEqualTo(2_000);
        assertThat(result.notes()).isEmpty();
        assertThat(result.points()).extracting(SampleEfficiencyPoint::size)
                .containsExactly(50, 100, 200, 500, 1000, 2000, 5000);
        for (SampleEfficiencyPoint p : result.points()) {
            double expected = deltaStd(generated, p.size());
            // 200 repeats estimate a standard deviation to about 5% (1 / sqrt(2 * 199)); 20% is four of those.
            assertThat(p.std()).as("std at %d", p.size()).isCloseTo(expected, within(0.2 * expected));
            // The mean of 200 subsets lies within a few standard errors of the full set's FLD.
            assertThat(p.mean()).as("mean at %d", p.size()).isCloseTo(fullFld, within(4 * expected / Math.sqrt(200)));
            assertThat(p.repeats()).isEqualTo(200);
            // FLD of a subset is close to normal here: its 5%, 50% and 95% quantiles sit near mean + {-1.645, 0, 1.645} std.
            assertThat(p.median()).isCloseTo(p.mean(), within(0.3 * expected));
            assertThat(p.q05()).isCloseTo(p.mean() - 1.645 * expected, within(0.4 * expected));
            assertThat(p.q95()).isCloseTo(p.mean() + 1.645 * expected, within(0.4 * expected));
        }
    }

    /**
     * Drawn without replacement, a subset as large as the set is the set itself (no spread), and half the set
     * spreads by the finite population correction {@code sqrt(200/399) = 0.71} of a draw with replacement.
     */
    @Test
    void subsetsAreDrawnWithoutReplacement() {
        double[] generated = normal(400, -2000, 100, 3);
        double[] real = normal(300, -1950, 100, 4);
        SampleEfficiencyResult result = SampleEfficiency.compute(generated, real,
                new SampleEfficiencyOptions(new int[] {200, 400}, 200, 9, false));
        double withReplacement = sd(generated) / (Math.abs(mean(generated)) * Math.sqrt(200));
        SampleEfficiencyPoint half = result.points().get(0);
        assertThat(half.std()).isCloseTo(deltaStd(generated, 200), within(0.2 * deltaStd(generated, 200)))
                .isLessThan(0.85 * withReplacement);
        SampleEfficiencyPoint all = result.points().get(1);
        double fullFld = Math.log(mean(generated) / mean(real));
        assertThat(all.std()).isLessThan(1e-12);
        assertThat(all.mean()).isCloseTo(fullFld, within(1e-12));
        assertThat(all.q05()).isCloseTo(fullFld, within(1e-12));
        assertThat(all.q95()).isCloseTo(fullFld, within(1e-12));
    }

    @Test
    void subsamplingTheRealSetAddsItsSpreadAndLeavesOutSizesAboveEitherSet() {
        double[] generated = normal(10_000, -2100, 150, 5);
        double[] real = normal(3_000, -2000, 100, 6);
        SampleEfficiencyOptions options = new SampleEfficiencyOptions(new int[] {50, 500, 5000, 20_000}, 200, 2, true);
        SampleEfficiencyResult result = SampleEfficiency.compute(generated, real, options);
        assertThat(result.points()).extracting(SampleEfficiencyPoint::size).containsExactly(50, 500);
        assertThat(result.notes()).hasSize(2);
        assertThat(result.notes().get(0)).contains("5000").contains("3000 held-out real");
        assertThat(result.notes().get(1)).contains("20000").contains("10000 generated");
        for (SampleEfficiencyPoint p : result.points()) {
            double expected = Math.hypot(deltaStd(generated, p.size()), deltaStd(real, p.size()));
            assertThat(p.std()).as("std at %d", p.size()).isCloseTo(expected, within(0.2 * expected));
        }
        // The same draws against the fixed real mean spread by the generated term alone.
        SampleEfficiencyPoint fixed = SampleEfficiency.compute(generated, real, options.withSubsampleReal(false))
                .points().get(0);
        assertThat(fixed.std()).isCloseTo(deltaStd(generated, 50), within(0.2 * deltaStd(generated, 50)));
    }

    @Test
    void theSameSeedGivesTheSameResultAndASizeDependsOnlyOnTheSeed() {
        double[] generated = normal(1_000, -2000, 100, 7);
        double[] real = normal(500, -2000, 100, 8);
        SampleEfficiencyOptions options = new SampleEfficiencyOptions(new int[] {50, 100}, 20, 11, true);
        SampleEfficiencyResult first = SampleEfficiency.compute(generated, real, options);
        assertThat(SampleEfficiency.compute(generated, real, options)).isEqualTo(first);
        assertThat(SampleEfficiency.compute(generated, real, options.withSizes(100)).points())
                .containsExactly(first.points().get(1));
        assertThat(SampleEfficiency.compute(generated, real, options.withSeed(12)).points().get(0).mean())
                .isNotEqualTo(first.points().get(0).mean());
    }

    @Test
    void stableSizeIsTheSmallestSizeFromWhichTheStdStaysUnderTheLine() {
        SampleEfficiencyResult result = new SampleEfficiencyResult(List.of(
                point(50, 0.11, 0.020), point(100, 0.10, 0.004), point(200, 0.10, 0.006), point(500, -0.10, 0.003)),
                0.1, 500, 500, SampleEfficiencyOptions.defaults(), List.of());
        // The line is a fraction of |mean at 500| = 0.1.
        assertThat(result.stableSize(0.05)).isEqualTo(OptionalInt.of(500));   // 0.005: 200 is above it again
        assertThat(result.stableSize(0.1)).isEqualTo(OptionalInt.of(100));    // 0.01: 50 is above
        assertThat(result.stableSize(0.25)).isEqualTo(OptionalInt.of(50));    // 0.025: every size
        assertThat(result.stableSize(0.01)).isEmpty();                         // 0.001: none
        assertThat(new SampleEfficiencyResult(List.of(), 0.1, 10, 10, SampleEfficiencyOptions.defaults(),
                List.of("size 50 left out")).stableSize(0.05)).isEmpty();
        assertThatThrownBy(() -> result.stableSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SampleEfficiencyPoint point(int size, double mean, double std) {
        return new SampleEfficiencyPoint(size, 20, mean, std, mean - 2 * std, mean, mean + 2 * std);
    }

    @Test
    void optionsAreValidatedAndCopied() {
        SampleEfficiencyOptions defaults = SampleEfficiencyOptions.defaults();
        assertThat(defaults.sizes()).containsExactly(50, 100, 200, 500, 1000, 2000, 5000);
        assertThat(defaults.repeats()).isEqualTo(20);
        assertThat(defaults.subsampleReal()).isFalse();
        defaults.sizes()[0] = 7;
        assertThat(defaults.sizes()[0]).isEqualTo(50);
        assertThat(defaults.withSizes(50, 100, 200, 500, 1000, 2000, 5000)).isEqualTo(defaults)
                .hasSameHashCodeAs(defaults);
        assertThatThrownBy(() -> defaults.withSizes()).hasMessageContaining("sizes");
        assertThatThrownBy(() -> defaults.withSizes(0, 10)).hasMessageContaining("sizes");
        assertThatThrownBy(() -> defaults.withSizes(100, 50)).hasMessageContaining("sizes");
        assertThatThrownBy(() -> defaults.withSizes(50, 50)).hasMessageContaining("sizes");
        assertThatThrownBy(() -> defaults.withRepeats(1)).hasMessageContaining("repeats")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
