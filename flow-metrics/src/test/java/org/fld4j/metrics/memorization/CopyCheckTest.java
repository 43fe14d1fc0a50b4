package org.fld4j.metrics.memorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fld4j.io.ImageSource;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.distortion.DistortionKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The copy check against brute force and hand-computed statistics, and on Fashion-MNIST: with the slice's first
 * 1,600 training images as the training set and its other 400 as held-out images, sets of 300 exact copies and of
 * noisy copies (sigma 4) are called memorized, and test-split images, as they are or 25% occluded, are not.
 */
class CopyCheckTest {

    static ImageSource slice;
    static CopyCheck check;

    @BeforeAll
    static void build() {
        slice = FashionMnistSlice.train();
        check = CopyCheck.against(read(slice, 0, 1600), names(0, 1600), read(slice, 1600, 2000),
                MemorizationOptions.defaults());
    }

    static INDArray read(ImageSource source, int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        ImageSource part = source.subset(idx);
        try (ImageBatchStream s = part.batches(BatchOptions.of(idx.length))) {
            return s.next().images();
        }
    }

    static List<String> names(int from, int to) {
        List<String> names = new ArrayList<>();
        for (int i = from; i < to; i++) {
            names.add("image " + i);
        }
        return names;
    }

    @Test
    void distancesAreTheBruteForceNearestNeighbours() {
        SplittableRandom random = new SplittableRandom(1);
        float[] base = new float[7 * 2 * 3 * 3];
        float[] queries = new float[5 * 2 * 3 * 3];
        for (int i = 0; i < base.length; i++) {
            base[i] = random.nextInt(256);
        }
        for (int i = 0; i < queries.length; i++) {
            queries[i] = random.nextInt(256);
        }
        System.arraycopy(base, 3 * 18, queries, 2 * 18, 18); // query 2 is base image 3
        double[][] found = new NearestNeighbours(Nd4j.createFromArray(base).reshape(7, 2, 3, 3))
                .nearest(Nd4j.createFromArray(queries).reshape(5, 2, 3, 3));
        for (int q = 0; q < 5; q++) {
            double best = Double.POSITIVE_INFINITY;
            int bestIndex = -1;
            for (int b = 0; b < 7; b++) {
                double sum = 0;
                for (int v = 0; v < 18; v++) {
                    double d = (queries[q * 18 + v] - base[b * 18 + v]) / 255.0;
                    sum += d * d;
                }
                if (sum < best) {
                    best = sum;
                    bestIndex = b;
                }
            }
            // the expansion cancels to about 1e-7 at an exact copy (documented bound 1e-6)
            assertThat(found[0][q]).isCloseTo(Math.sqrt(best), within(1e-6));
            assertThat((int) found[1][q]).isEqualTo(bestIndex);
        }
        assertThat(found[0][2]).isCloseTo(0, within(1e-6));
    }

    @Test
    void rankSumZAndCopyShareFollowTheirFormulas() {
        // a = {1, 2} below b = {3, 4, 5}: rank sum 3, U = 0, z = (0 - 3) / sqrt(2 * 3 * 6 / 12) = -sqrt(3)
        assertThat(CopyCheck.mannWhitneyZ(new double[] {1, 2}, new double[] {3, 4, 5}))
                .isCloseTo(-Math.sqrt(3), within(1e-12));
        // ties share their average rank: {1, 3} against {3, 5}: ranks 1, 2.5 | 2.5, 4; U = 3.5 - 3 = 0.5
        assertThat(CopyCheck.mannWhitneyZ(new double[] {1, 3}, new double[] {3, 5}))
                .isCloseTo((0.5 - 2) / Math.sqrt(4 * 5 / 12.0), within(1e-12));
        assertThat(CopyCheck.copyShare(0.01, 0.01)).isZero();
        assertThat(CopyCheck.copyShare(1, 0.01)).isEqualTo(1);
        assertThat(CopyCheck.copyShare(0.505, 0.01)).isCloseTo(0.5, within(1e-12));
        assertThat(CopyCheck.likelihoodRatio(-1050, -1100, -1000)).isCloseTo(0.5, within(1e-12));
        assertThat(CopyCheck.likelihoodRatio(-1050, -1000, -1100)).isNaN();
    }

    @Test
    void exactAndNoisyCopiesOfTrainingImagesAreMemorized() {
        ImageSource copies = slice.subset(range(100, 400));
        MemorizationResult exact = check.assess(read(slice, 100, 400), names(100, 400));
        assertThat(exact.memorized()).as(exact.summary()).isTrue();
        assertThat(exact.flagged()).isEqualTo(300);
        assertThat(exact.copyShareLower()).isGreaterThan(0.8);
        assertThat(exact.perImage().get(0).nearestDistance()).isCloseTo(0, within(1e-6));
        assertThat(exact.perImage().get(0).nearestTraining()).isEqualTo("image 100");

        INDArray noisy = readAll(Distortion.of(DistortionKind.ADDITIVE_NOISE, 4).applyTo(copies, 3));
        MemorizationResult withNoise = check.assess(noisy, names(100, 400));
        System.err.println("noisy copies: " + withNoise.summary());
        assertThat(withNoise.memorized()).as(withNoise.summary()).isTrue();
        assertThat(withNoise.copyShareLower()).isGreaterThan(0.8);
    }

    @Test
    void unseenRealImagesAsTheyAreOrOccludedAreNot() {
        ImageSource test = FashionMnistSlice.test().subset(range(0, 300));
        MemorizationResult real = check.assess(readAll(test), names(0, 300));
        System.err.println("test images: " + real.summary());
        assertThat(real.memorized()).as(real.summary()).isFalse();
        assertThat(real.copyShareLower()).isLessThanOrEqualTo(0);
        assertThat(real.copyShareUpper()).isLessThan(0.05);

        MemorizationResult occluded = check.assess(readAll(Distortion.of(DistortionKind.OCCLUSION, 0.25)
                .applyTo(test, 3)), names(0, 300));
        System.err.println("occluded test images: " + occluded.summary());
        assertThat(occluded.memorized()).as(occluded.summary()).isFalse();
        assertThat(occluded.copyShareUpper()).isLessThan(0.05);
    }

    @Test
    void theLikelihoodSideAndTheExplanationOfANegativeFld() {
        // 300 exact copies; the flow (made up) finds training images 50 nats more likely than held-out ones, and
        // the copies as likely as training images
        double[] training = constant(200, -1000);
        double[] heldOut = constant(400, -1050);
        double[] generated = constant(300, -1000);
        generated[0] = -1030;
        MemorizationResult r = check.assess(read(slice, 100, 400), names(100, 400), training, heldOut, generated);
        double meanG = (299 * -1000.0 - 1030) / 300;
        assertThat(r.likelihoodRatio()).isCloseTo((meanG + 1050) / 50, within(1e-12));
        assertThat(r.perImage().get(1).heldOutPercentile()).isEqualTo(1.0);
        assertThat(r.perImage().get(1).trainingPercentile()).isEqualTo(0.0);
        // every image is a copy, so no FLD is left without them
        assertThat(r.fldWithoutCopies()).isNaN();
        assertThat(r.explanation()).startsWith(String.format(java.util.Locale.ROOT, "FLD %.4f is below 0 because 300 of"
                + " 300 generated images (100%%) are near-copies", Math.log(meanG / -1050)));
        // unseen images with the same made-up values: FLD < 0 but nothing copied, so no explanation
        MemorizationResult fresh = check.assess(readAll(FashionMnistSlice.test().subset(range(0, 300))),
                names(0, 300), training, heldOut, generated);
        assertThat(fresh.explanation()).isEmpty();
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> CopyCheck.against(read(slice, 0, 100), names(0, 100), read(slice, 100, 110),
                MemorizationOptions.defaults())).hasMessageContaining("at least 20 held-out");
        assertThatThrownBy(() -> check.assess(Nd4j.zeros(3, 1, 8, 8), names(0, 3)))
                .hasMessageContaining("[3, 1, 8, 8]").hasMessageContaining("[n, 1, 28, 28]");
        assertThatThrownBy(() -> new MemorizationOptions(0.6, 1000, 0.95, 0)).hasMessageContaining("flagQuantile");
    }

    private static INDArray readAll(ImageSource source) {
        try (ImageBatchStream s = source.batches(BatchOptions.of(source.size()))) {
            return s.next().images();
        }
    }

    private static int[] range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return idx;
    }

    private static double[] constant(int n, double value) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, value);
        return v;
    }
}
