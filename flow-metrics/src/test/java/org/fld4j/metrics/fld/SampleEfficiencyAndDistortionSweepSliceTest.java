package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.stream.IntStream;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.ImageSource;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.source.ImageSources;
import org.fld4j.metrics.distortion.DistortionKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sample efficiency and a distortion sweep end to end on the committed Fashion-MNIST slice: one {@code small}
 * reference flow trained for one epoch (batch 32) on the first 600 training images, 120 of them held out as
 * R_test, scores real test images.
 */
class SampleEfficiencyAndDistortionSweepSliceTest {

    static Fld fld;
    static ImageSource testImages;

    @BeforeAll
    static void trainReference() {
        fld = Fld.of(ImageSources.subset(FashionMnistSlice.train(), IntStream.range(0, 600).toArray()))
                .preset(ImagePreset.SMALL).maxEpochs(1).batchSize(32).timeBudget(Duration.ofMinutes(2)).seed(7).train();
        testImages = ImageSources.subset(FashionMnistSlice.test(), IntStream.range(0, 150).toArray());
    }

    @Test
    void sampleEfficiencyDrawsEachSizeThatFits() {
        SampleEfficiencyOptions options = new SampleEfficiencyOptions(new int[] {20, 50, 100, 200}, 5, 1, false);
        SampleEfficiencyResult result = SampleEfficiency.of(fld).options(options).run(testImages);
        System.err.print(result.summary());
        FldScore whole = fld.score(testImages);
        assertThat(result.fullFld()).isCloseTo(whole.value(), within(1e-12));
        assertThat(result.generatedCount()).isEqualTo(150);
        assertThat(result.realCount()).isEqualTo(120).isEqualTo(whole.realCount());
        assertThat(result.points()).extracting(SampleEfficiencyPoint::size).containsExactly(20, 50, 100);
        assertThat(result.notes()).singleElement().asString().contains("200").contains("150 generated");
        for (SampleEfficiencyPoint p : result.points()) {
            assertThat(p.repeats()).isEqualTo(5);
            assertThat(p.std()).isPositive();
            assertThat(p.q05()).isLessThanOrEqualTo(p.median());
            assertThat(p.median()).isLessThanOrEqualTo(p.q95());
        }
        // With the real set subsampled too, a size above the 120 held-out real images is left out as well.
        SampleEfficiencyResult both = SampleEfficiency.of(fld).options(options.withSizes(50, 130).withSubsampleReal(true))
                .run(testImages);
        assertThat(both.points()).extracting(SampleEfficiencyPoint::size).containsExactly(50);
        assertThat(both.notes()).singleElement().asString().contains("120 held-out real");
    }

    @Test
    void additiveNoiseRaisesFldAtEveryLevel() {
        ImageSource images = ImageSources.subset(testImages, IntStream.range(0, 100).toArray());
        DistortionSweepResult sweep = DistortionSweep.of(fld, DistortionKind.ADDITIVE_NOISE).levels(8, 16, 32).seed(4)
                .run(images);
        System.err.print(sweep.summary());
        assertThat(sweep.monotonic()).as(sweep.summary()).isTrue();
        assertThat(sweep.scores()).hasSize(3).allSatisfy(s -> assertThat(s.generatedCount()).isEqualTo(100));
        assertThat(sweep.levels()).containsExactly(8.0, 16.0, 32.0);
        assertThat(sweep.undistorted().value()).isCloseTo(fld.score(images).value(), within(1e-12));
    }
}
