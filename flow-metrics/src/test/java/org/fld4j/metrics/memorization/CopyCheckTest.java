package org.fld4j.metrics.memorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fld4j.io.ImageSource;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.source.ImageSources;
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
        ImageSource part = ImageSources.subset(source, idx);
        try (ImageBatchStream s = new ImageBatchStream(part, BatchOptions.of(idx.length))) {
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
            assertThat(found[0][q]).isCloseTo(Math.sqrt(best), within(1e-12));
            assertThat((int) found[1][q]).isEqualTo(bestIndex);
        }
        // the chosen pair's distance is recomputed from the differences, so an exact copy lies at exactly 0
        assertThat(found[0][2]).isZero();
    }

    @Test
    void rankSumZAndCopyShareFollowTheirFormulas() {
        // a = {1, 2} below b = {3, 4, 5}: rank sum 3, U = 0, z = (0 - 3) / sqrt(2 * 3 * 6 / 12) = -sqrt(3)
        assertThat(CopyCheck.mannWhitneyZ(new double[] {1, 2}, new double[] {3, 4, 5}))
                .isCloseTo(-Math.sqrt(3), within(1e-12));
        // ties share their average rank: {1, 3} against {3, 5}: ranks 1, 2.5 | 2.5, 4; U = 3.5 - 3 = 0.5; one tie of
        // 2 values: variance 4 / 12 * (5 - (8 - 2) / (4 * 3)) = 1.5
        assertThat(CopyCheck.mannWhitneyZ(new double[] {1, 3}, new double[] {3, 5}))
                .isCloseTo((0.5 - 2) / Math.sqrt(1.5), within(1e-12));
        // {0, 0, 0} against {0, 1, 2, 3}: four zeros share rank 2.5, rank sum 7.5, U = 7.5 - 6 = 1.5, mean 6;
        // variance 12 / 12 * (8 - (64 - 4) / (7 * 6)) = 8 - 60 / 42
        assertThat(CopyCheck.mannWhitneyZ(new double[] {0, 0, 0}, new double[] {0, 1, 2, 3}))
                .isCloseTo((1.5 - 6) / Math.sqrt(8 - 60 / 42.0), within(1e-12));
        assertThat(CopyCheck.mannWhitneyZ(new double[] {2, 2}, new double[] {2, 2, 2})).isZero();
        assertThat(CopyCheck.copyShare(0.01, 0.01)).isZero();
        assertThat(CopyCheck.copyShare(1, 0.01)).isEqualTo(1);
        assertThat(CopyCheck.copyShare(0.505, 0.01)).isCloseTo(0.5, within(1e-12));
        assertThat(CopyCheck.likelihoodRatio(-1050, -1100, -1000)).isCloseTo(0.5, within(1e-12));
        assertThat(CopyCheck.likelihoodRatio(-1050, -1000, -1100)).isNaN();
    }

    @Test
    void exactAndNoisyCopiesOfTrainingImagesAreMemorized() {
        ImageSource copies = ImageSources.subset(slice, range(100, 400));
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
    void exactCopiesAreFlaggedWhenHeldOutDuplicatesMakeTheThresholdZero() {
        // 20 of the 400 held-out images are training images 0..19 again, so the 1% quantile of the held-out
        // distances is 0; every exact copy must still be flagged, whatever the rounding of the matrix products
        INDArray heldOut = Nd4j.concat(0, read(slice, 1600, 1980), read(slice, 0, 20));
        CopyCheck withDuplicates = CopyCheck.against(read(slice, 0, 1600), names(0, 1600), heldOut,
                MemorizationOptions.defaults());
        assertThat(withDuplicates.threshold()).isZero();
        MemorizationResult copies = withDuplicates.assess(read(slice, 100, 400), names(100, 400));
        assertThat(copies.flagged()).as(copies.summary()).isEqualTo(300);
        assertThat(copies.perImage()).allSatisfy(image -> assertThat(image.nearestDistance()).isZero());
        assertThat(copies.memorized()).isTrue();
    }

    @Test
    void unseenRealImagesAsTheyAreOrOccludedAreNot() {
        ImageSource test = ImageSources.subset(FashionMnistSlice.test(), range(0, 300));
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
        MemorizationResult fresh = check.assess(readAll(ImageSources.subset(FashionMnistSlice.test(), range(0, 300))),
                names(0, 300), training, heldOut, generated);
        assertThat(fresh.explanation()).isEmpty();
    }

    @Test
    void theExplanationGivesTheFldWithoutTheCopies() {
        // 150 exact copies (log-likelihood -1000) and 150 test images (-1040) against held-out images at -1050:
        // FLD = ln(-1020 / -1050); the copies are flagged and the test images that are kept all read -1040, so
        // without the copies FLD = ln(-1040 / -1050) however many test images chance flags
        INDArray generated = Nd4j.concat(0, read(slice, 100, 250),
                readAll(ImageSources.subset(FashionMnistSlice.test(), range(0, 150))));
        double[] ll = new double[300];
        java.util.Arrays.fill(ll, 0, 150, -1000);
        java.util.Arrays.fill(ll, 150, 300, -1040);
        MemorizationResult r = check.assess(generated, names(0, 300), constant(200, -1000), constant(400, -1050), ll);
        assertThat(r.memorized()).as(r.summary()).isTrue();
        assertThat(r.flagged()).isBetween(150, 299);
        assertThat(r.fldWithoutCopies()).isCloseTo(Math.log(1040.0 / 1050), within(1e-12));
        assertThat(r.explanation()).isEqualTo(String.format(java.util.Locale.ROOT, "FLD %.4f is below 0 because %d"
                + " of 300 generated images (%.0f%%) are near-copies of training images; without them FLD is %.4f",
                Math.log(1020.0 / 1050), r.flagged(), r.flagged() / 3.0, Math.log(1040.0 / 1050)));
        // M_L = (-1020 + 1050) / (-1000 + 1050)
        assertThat(r.likelihoodRatio()).isCloseTo(0.6, within(1e-12));
        assertThat(r.likelihoodRatioLower()).isLessThanOrEqualTo(0.6);
        assertThat(r.likelihoodRatioUpper()).isGreaterThanOrEqualTo(0.6);
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
        try (ImageBatchStream s = new ImageBatchStream(source, BatchOptions.of(source.size()))) {
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
