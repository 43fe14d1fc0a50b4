package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.fld4j.core.Flow;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.InputReport;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap replicates a reference exposes are the values a score's interval is made of: its ends are the
 * equal-tailed type-7 percentiles of exactly these numbers. The log-likelihoods are made up (an untrained flow only
 * gives the reference its image shape), so no forward pass runs.
 */
class BootstrapReplicatesTest {

    private static final FldOptions OPTIONS = FldOptions.forPreset(ImagePreset.SMALL).withBootstrapResamples(400)
            .withConfidence(0.9).withSeed(11);

    private static double[] sample(int n, double mean, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean + sd * random.nextGaussian();
        }
        return values;
    }

    private static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("image " + i);
        }
        return names;
    }

    /** R's type 7, written out here rather than borrowed from the code under test. */
    private static double type7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    @Test
    void theScoresIntervalIsThePercentilesOfTheExposedReplicates() {
        Flow flow = Flow.image(1, 4, 4).preset(ImagePreset.SMALL).build();
        double[] real = sample(300, -2000, 80, 1);
        double[] generated = sample(250, -2150, 120, 2);
        FldReference reference = new FldReference(flow, OPTIONS, real, names(real.length), "", real.length, 0,
                "made up", "");
        FldScore score = reference.score(new double[][] {generated}, names(generated.length), InputReport.empty("made up"));

        double[] replicates = reference.bootstrapReplicates(generated);
        assertThat(replicates).hasSize(400);
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        assertThat(score.interval().lower()).isCloseTo(type7(sorted, 0.05), within(1e-15));
        assertThat(score.interval().upper()).isCloseTo(type7(sorted, 0.95), within(1e-15));
        assertThat(score.interval().resamples()).isEqualTo(replicates.length);
        // The same seed gives the same draws, and they spread around the point value as resamples should.
        assertThat(reference.bootstrapReplicates(generated)).containsExactly(replicates);
        assertThat(sorted[0]).isLessThan(sorted[sorted.length - 1]);
        double meanReplicate = Arrays.stream(replicates).average().orElseThrow();
        double expected = Math.log((Arrays.stream(generated).sum() / 250) / (Arrays.stream(real).sum() / 300));
        assertThat(score.value()).isCloseTo(expected, within(1e-12));
        assertThat(meanReplicate).isCloseTo(expected, within(0.01));
    }

    @Test
    void replicatesOfBrokenLogLikelihoodsAreRefused() {
        Flow flow = Flow.image(1, 4, 4).preset(ImagePreset.SMALL).build();
        double[] real = sample(50, -2000, 80, 1);
        FldReference reference = new FldReference(flow, OPTIONS, real, names(real.length), "", real.length, 0,
                "made up", "");
        assertThatThrownBy(() -> reference.bootstrapReplicates(new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reference.bootstrapReplicates(new double[] {-10, Double.NaN}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("image 1");
    }
}
