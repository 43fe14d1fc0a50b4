package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.ImageSource;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.source.ImageSources;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.distortion.DistortionKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * D-FLD on the committed Fashion-MNIST slice, both flows {@code small}, 2 epochs of batch 32: the real
 * flow on the slice's first 1,000 training images, the generated flow on the other 1,000 (undistorted,
 * or with additive noise).
 */
class DualFldTest {

    static DualFld dual;
    static ImageSource otherHalf;

    @BeforeAll
    static void trainRealFlow() {
        FldOptions options = FldOptions.forPreset(ImagePreset.SMALL).withMaxEpochs(2).withBatchSize(32)
                .withTimeBudget(Duration.ofMinutes(5)).withSeed(4);
        dual = DualFld.of(ImageSources.subset(FashionMnistSlice.train(), range(0, 1000))).options(options);
        otherHalf = ImageSources.subset(FashionMnistSlice.train(), range(1000, 2000));
        dual.realReference();
    }

    static int[] range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return idx;
    }

    /** The formulas, by hand, from four mean log-likelihoods. */
    @Test
    void statisticsFollowTheDefinitions() {
        double[] rr = {-1000, -1200};
        double[] gr = {-1300, -1500};
        double[] gg = {-900, -1100};
        double[] rg = {-1250, -1350};
        long d = 784;
        double[] s = DualFld.statistics(rr, gr, gg, rg, null, null, d);
        double bpdRR = 1100 / (d * Math.log(2));
        double bpdGG = 1000 / (d * Math.log(2));
        assertThat(s[0]).isCloseTo(Math.log(bpdGG) - Math.log(bpdRR), within(1e-14));
        assertThat(s[0]).isCloseTo(Math.log(1000.0 / 1100.0), within(1e-14));
        // J = [(l_R(R) - l_G(R)) + (l_G(G) - l_R(G))] / (D ln 2) = [(-1100 + 1400) + (-1000 + 1300)] / (D ln 2)
        assertThat(s[1]).isCloseTo(600 / (d * Math.log(2)), within(1e-14));
        // Resample indices pick images: both real images = image 1 twice.
        double[] picked = DualFld.statistics(rr, gr, gg, rg, new int[] {1, 1}, new int[] {0, 0}, d);
        assertThat(picked[1]).isCloseTo(((-1200 + 1500) + (-900 + 1250)) / (d * Math.log(2)), within(1e-14));
    }

    @Test
    void twoHalvesOfOneRealSetAreIndistinguishable() {
        DualFldScore score = dual.score(otherHalf);
        System.err.println("two real halves: " + score.summary());
        assertThat(score.differenceInterval().contains(0)).as(score.summary()).isTrue();
        assertThat(score.divergenceInterval().contains(0)).as(score.summary()).isTrue();
        assertThat(score.value()).isEqualTo(Math.abs(score.difference()));
        assertThat(score.realCount()).isEqualTo(200);
        assertThat(score.generatedCount()).isEqualTo(200);
        assertThat(score.warnings()).isEmpty();
    }

    @Test
    void dfldAndJGrowWithNoiseStrength() {
        double previous = dual.score(otherHalf).value();
        double previousJ = Double.NEGATIVE_INFINITY;
        for (double sigma : new double[] {8, 16, 32}) {
            ImageSource noisy = Distortion.of(DistortionKind.ADDITIVE_NOISE, sigma).applyTo(otherHalf, 21);
            DualFldScore score = dual.score(noisy);
            System.err.printf("additive noise sigma %.0f: %s%n", sigma, score.summary());
            assertThat(score.value()).as("sigma %s", sigma).isGreaterThan(previous);
            assertThat(score.divergence()).as("sigma %s", sigma).isGreaterThan(previousJ);
            previous = score.value();
            previousJ = score.divergence();
        }
    }

    @Test
    void warnsWhenTheGeneratedSetIsTooSmallForItsFlow() {
        DualFldScore score = dual.score(ImageSources.subset(otherHalf, range(0, 150)));
        assertThat(score.warnings().get(0)).contains("trained on 120 images").contains("small");
        assertThat(score.scoreWarnings().get(0).code()).isEqualTo(ScoreWarning.UNDERTRAINED_GENERATED_FLOW);
        // 150 images, 30 of them held out: fewer than 50 held-out generated images
        assertThat(score.generatedCount()).isEqualTo(30);
        assertThat(score.scoreWarnings()).extracting(ScoreWarning::code).contains(ScoreWarning.SMALL_GENERATED_SET);
        assertThat(score.warnings()).isEqualTo(score.scoreWarnings().stream().map(ScoreWarning::message).toList());
    }

    /**
     * A flow learns a larger set better, so D-FLD of flows trained on 800 real and 400 generated images also
     * measures the 2:1 size: by default the real flow is trained on as many real images as the generated one.
     */
    @Test
    void sizesAreMatchedByDefaultAndWarnedAboutOtherwise() {
        ImageSource half = ImageSources.subset(otherHalf, range(0, 500));
        DualFldScore matched = dual.score(half);
        assertThat(matched.generatedTraining()).isEqualTo(400);
        assertThat(matched.realTraining()).isEqualTo(400);
        assertThat(matched.sizeMatched()).isTrue();
        assertThat(matched.realCount()).isEqualTo(100);
        assertThat(matched.scoreWarnings()).extracting(ScoreWarning::code).doesNotContain(ScoreWarning.SIZE_MISMATCH);

        DualFldScore unmatched = dual.sizeMatched(false).score(half);
        assertThat(unmatched.realTraining()).isEqualTo(800);
        assertThat(unmatched.generatedTraining()).isEqualTo(400);
        assertThat(unmatched.sizeMatched()).isFalse();
        assertThat(unmatched.scoreWarnings()).extracting(ScoreWarning::code).contains(ScoreWarning.SIZE_MISMATCH);
        assertThat(unmatched.warnings()).anyMatch(w -> w.contains("trained on 800 images") && w.contains("on 400"));
    }

    @Test
    void aGeneratedSetLargerThanTheRealOneIsSubsampledToItsSize() {
        DualFld small = DualFld.of(ImageSources.subset(FashionMnistSlice.train(), range(0, 300)))
                .options(dual.realOptions());
        DualFldScore score = small.score(otherHalf);
        assertThat(score.realTraining()).isEqualTo(240);
        assertThat(score.generatedTraining()).isEqualTo(240);
        assertThat(score.generatedCount()).isEqualTo(60);
    }

    /**
     * Two pairs of flows: pair 0 is the one-pair score's own flows (same seeds, same splits), pair 1 has the next seeds
     * and the next disjoint folds of both sets, and the values and intervals are the mean and the t interval (1 degree
     * of freedom) of the two pairs' values.
     */
    @Test
    void twoPairsOfFlowsAverageTheirValuesWithTheTIntervalOfTheirSpread() {
        FldOptions onePair = dual.realOptions();
        ImageSource real = ImageSources.subset(FashionMnistSlice.train(), range(0, 300));
        ImageSource generated = ImageSources.subset(FashionMnistSlice.train(), range(1000, 1300));
        DualFldScore single = DualFld.of(real).options(onePair).score(generated);
        DualFld twoPairs = DualFld.of(real).options(onePair.withReferenceFlows(2));
        DualFldScore score = twoPairs.score(generated);
        System.err.println("two pairs: " + score.summary() + ", pairs " + score.pairDifferences() + " / "
                + score.pairDivergences());

        assertThat(single.pairs()).isEqualTo(1);
        assertThat(single.intervalScope()).isEqualTo(IntervalScope.IMAGES);
        assertThat(score.pairs()).isEqualTo(2);
        assertThat(score.intervalScope()).isEqualTo(IntervalScope.IMAGES_AND_TRAINING);
        assertThat(score.pairDifferences().get(0)).isEqualTo(single.difference());
        assertThat(score.pairDivergences().get(0)).isEqualTo(single.divergence());
        double d0 = score.pairDifferences().get(0);
        double d1 = score.pairDifferences().get(1);
        double j0 = score.pairDivergences().get(0);
        double j1 = score.pairDivergences().get(1);
        double t975with1 = 12.706204736174698; // Student t, 1 degree of freedom, 97.5% quantile (tables)
        assertThat(score.difference()).isCloseTo((d0 + d1) / 2, within(1e-15));
        assertThat(score.value()).isEqualTo(Math.abs(score.difference()));
        // two values: s = |d0 - d1| / sqrt(2), so s / sqrt(2) = |d0 - d1| / 2
        assertThat(score.differenceInterval().upper() - score.difference())
                .isCloseTo(t975with1 * Math.abs(d0 - d1) / 2, within(1e-9));
        assertThat(score.divergence()).isCloseTo((j0 + j1) / 2, within(1e-15));
        assertThat(score.divergenceInterval().upper() - score.divergence())
                .isCloseTo(t975with1 * Math.abs(j0 - j1) / 2, within(1e-9));
        assertThat(score.realCount()).isEqualTo(60);
        assertThat(score.generatedCount()).isEqualTo(60);
        // each pair holds out its own images: the real flows' R_test sets are disjoint folds
        FldReference r = twoPairs.realReference();
        assertThat(r.members()).hasSize(2);
        assertThat(r.members().get(0).heldOutNames()).doesNotContainAnyElementsOf(r.members().get(1).heldOutNames());
    }
}
