package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.DoubleFunction;
import org.fld4j.core.Fld4jVersion;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.ImageSource;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.source.ImageSources;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * FLD end to end on the committed Fashion-MNIST slice: a {@code small} reference flow trained on the
 * first 1,600 of the slice's training images (320 of them held out as R_test) for 2 epochs of batch 32.
 * The other 400 training images are a second held-out real set; the slice's 500 test images (also real,
 * from the test split) are what the distortions are applied to.
 */
class FldTest {

    static Fld fld;
    static INDArray testImages;
    static ImageSource otherRealImages;

    @BeforeAll
    static void trainReference() {
        int[] first = new int[1600];
        int[] rest = new int[400];
        for (int i = 0; i < 2000; i++) {
            if (i < 1600) {
                first[i] = i;
            } else {
                rest[i - 1600] = i;
            }
        }
        otherRealImages = ImageSources.subset(FashionMnistSlice.train(), rest);
        fld = Fld.of(ImageSources.subset(FashionMnistSlice.train(), first)).preset(ImagePreset.SMALL).maxEpochs(2)
                .batchSize(32).timeBudget(Duration.ofMinutes(5)).seed(3).train();
        try (ImageBatchStream s = new ImageBatchStream(FashionMnistSlice.test(), BatchOptions.of(500))) {
            testImages = s.next().images();
        }
    }

    private static INDArray first(int n) {
        return testImages.get(NDArrayIndex.interval(0, n)).dup();
    }

    @Test
    void heldOutRealImagesScoreZeroWithinTheInterval() {
        FldScore score = fld.score(otherRealImages);
        System.err.println("held-out real images: " + score.summary());
        assertThat(score.realCount()).isEqualTo(320);
        assertThat(score.generatedCount()).isEqualTo(400);
        assertThat(score.interval().contains(0)).as(score.summary()).isTrue();
        assertThat(score.perImage()).hasSize(400);
        assertThat(score.perImage().get(7).name()).isEqualTo(otherRealImages.id(7).toString());
    }

    /** The score is computed by hand from per-image log-likelihoods the flow gives directly. */
    @Test
    void averagesPerImageOverAllImagesWhateverTheBatch() {
        FldReference reference = fld.reference();
        for (int n : new int[] {37, 5}) {
            INDArray images = first(n);
            double[] direct = reference.flow().logProb(images, reference.options().evaluation());
            double sum = 0;
            for (double v : direct) {
                sum += v;
            }
            double expected = Math.log((sum / n) / reference.heldOutMeanLogLikelihood());
            // In parts of 16 (37 is not a multiple), and in one call smaller than the batch of 256.
            FldScore score = scoreWithBatch(16, images);
            assertThat(fld.score(images).value()).isCloseTo(expected, within(1e-8));
            assertThat(score.value()).isCloseTo(expected, within(1e-8));
            assertThat(score.generatedCount()).isEqualTo(n);
            assertThat(score.bpdGenerated()).isCloseTo(-(sum / n) / (784 * Math.log(2)), within(1e-8));
        }
    }

    private static FldScore scoreWithBatch(int batch, INDArray images) {
        FldAccumulator accumulator = fld.accumulator();
        for (long start = 0; start < images.size(0); start += batch) {
            accumulator.add(images.get(NDArrayIndex.interval(start, Math.min(images.size(0), start + batch))).dup());
        }
        return accumulator.result();
    }

    /**
     * The flow computes in float32 and sums in double, so a different batch size (which changes how the
     * native matrix products block their sums) moves a per-image log-likelihood by float rounding only:
     * measured up to 2.4e-9 relative, asserted below 1e-8. The score averages those roundings over the
     * images and stays within 1e-9 relative in its ratio; FLD is a log-ratio near 0 for good images, so
     * its change is bounded absolutely: 1e-9 in FLD is a relative change of 1e-9 in the ratio.
     */
    @Test
    void batchSizeAndThreadsDoNotChangeTheScore() {
        INDArray images = first(100);
        FldScore reference = fld.score(images);
        FldScore batches = scoreWithBatch(7, images);
        assertThat(batches.value()).isCloseTo(reference.value(), within(1e-9));
        assertThat(batches.ratio()).isCloseTo(reference.ratio(), within(1e-9 * reference.ratio()));
        for (int i = 0; i < 100; i++) {
            assertThat(batches.perImage().get(i).logLikelihood()).isCloseTo(reference.perImage().get(i).logLikelihood(),
                    within(1e-8 * Math.abs(reference.perImage().get(i).logLikelihood())));
        }
        int threads = NativeThreads.current();
        try {
            NativeThreads.set(threads == 1 ? 2 : 1);
            FldScore other = fld.score(images);
            assertThat(other.value()).isCloseTo(reference.value(), within(1e-9));
            assertThat(other.ratio()).isCloseTo(reference.ratio(), within(1e-9 * reference.ratio()));
        } finally {
            NativeThreads.set(threads);
        }
        assertThat(fld.score(images).interval()).isEqualTo(reference.interval());
    }

    @Test
    void theSameSeedGivesTheSameScore() {
        INDArray real = first(120);
        INDArray generated = TestDistortions.additiveNoise(first(40), 8, 1);
        Fld a = Fld.of(real).preset(ImagePreset.SMALL).maxEpochs(1).batchSize(32).seed(5);
        Fld b = Fld.of(real).preset(ImagePreset.SMALL).maxEpochs(1).batchSize(32).seed(5);
        FldScore first = a.score(generated);
        FldScore second = b.score(generated);
        assertThat(second.value()).isEqualTo(first.value());
        assertThat(second.interval()).isEqualTo(first.interval());
        assertThat(b.reference().heldOutLogLikelihoods()).containsExactly(a.reference().heldOutLogLikelihoods());
        assertThat(a.seed(6).score(generated).value()).isNotEqualTo(first.value());
    }

    @Test
    void additiveNoiseRaisesFldAtEveryLevel() {
        assertRisesAtEveryLevel("additive noise sigma", new double[] {4, 8, 16, 32},
                sigma -> TestDistortions.additiveNoise(testImages, sigma, 11));
    }

    @Test
    void saltAndPepperRaisesFldAtEveryLevel() {
        assertRisesAtEveryLevel("salt and pepper rate", new double[] {0.01, 0.03, 0.1, 0.3},
                rate -> TestDistortions.saltAndPepper(testImages, rate, 12));
    }

    private static void assertRisesAtEveryLevel(String what, double[] levels, DoubleFunction<INDArray> distort) {
        double previous = fld.score(testImages).value();
        for (double level : levels) {
            double value = fld.score(distort.apply(level)).value();
            System.err.printf("%s %s: FLD %.4f%n", what, level, value);
            assertThat(value).as("%s %s", what, level).isGreaterThan(previous);
            previous = value;
        }
    }

    @Test
    void savedReferenceScoresTheSame(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("slice.fld");
        fld.save(file);
        Fld loaded = Fld.load(file);
        INDArray images = first(60);
        FldScore before = fld.score(images);
        FldScore after = loaded.score(images);
        assertThat(after.value()).isEqualTo(before.value());
        assertThat(after.interval()).isEqualTo(before.interval());
        assertThat(loaded.reference().realFingerprint()).isEqualTo(fld.reference().realFingerprint()).hasSize(64);
        assertThat(loaded.reference().heldOutNames()).isEqualTo(fld.reference().heldOutNames());
        assertThat(loaded.reference().training()).isEqualTo(fld.reference().training());
        // the version comes from the build (flow-core's filtered version.properties), never a literal
        assertThat(loaded.reference().writtenBy()).isEqualTo(Fld4jVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        Path broken = dir.resolve("broken.fld");
        Files.writeString(broken, "not a zip");
        assertThatThrownBy(() -> Fld.load(broken)).isInstanceOf(IOException.class).hasMessageContaining("broken.fld");
    }

    @Test
    void badInputIsRefusedWithMessagesThatSayWhy() {
        assertThatThrownBy(() -> fld.score(Nd4j.zeros(DataType.INT, 3, 1, 32, 32)))
                .isInstanceOf(org.fld4j.io.ImageInputException.class)
                .hasMessageContaining("array[0]").hasMessageContaining("32x32").hasMessageContaining("28x28")
                .hasMessageContaining("the reference needs");
        assertThatThrownBy(() -> fld.score(Nd4j.zeros(DataType.INT, 0, 1, 28, 28)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fld.of(first(5)).preset(ImagePreset.SMALL).train())
                .hasMessageContaining("5 usable images")
                .isInstanceOfSatisfying(TooFewImagesException.class, e -> {
                    assertThat(e.found()).isEqualTo(5);
                    assertThat(e.needed()).isEqualTo(10);
                });
        // one generated image: every bootstrap resample would be that image; refused, not given an interval
        assertThatThrownBy(() -> fld.score(first(1)))
                .isInstanceOfSatisfying(TooFewImagesException.class, e -> {
                    assertThat(e.found()).isEqualTo(1);
                    assertThat(e.needed()).isEqualTo(2);
                }).hasMessageContaining("at least 2");
        FldScore two = fld.score(first(2));
        assertThat(two.generatedCount()).isEqualTo(2);
        assertThat(two.scoreWarnings()).extracting(ScoreWarning::code).contains(ScoreWarning.SMALL_GENERATED_SET);
    }

    @Test
    void aFlowWithNonFiniteParametersGivesAnInvalidLikelihoodError(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("flow.fld4j");
        fld.reference().flow().save(copy);
        org.fld4j.core.FlowNetwork network = org.fld4j.core.Flow.load(copy).toNetwork();
        network.parameters().assign(Double.NaN);
        org.fld4j.core.Flow broken = org.fld4j.core.Flow.of(network);
        assertThat(broken.parameters().isNaN().all()).isTrue();
        assertThatThrownBy(() -> Fld.using(broken, FldInputs.of(first(20)), fld.options()))
                .isInstanceOf(InvalidLikelihoodException.class).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NaN");
    }

    /**
     * The reference's own real images as a "generated" set: those it trained on are near-copies (distance 0), its
     * held-out ones are not, so the check flags the training images and calls the set memorized.
     */
    @Test
    void theReferencesOwnTrainingImagesAreFlaggedAsCopiesAndItsHeldOutOnesAreNot() {
        int[] first = new int[300];
        for (int i = 0; i < first.length; i++) {
            first[i] = i;
        }
        ImageSource copies = ImageSources.subset(FashionMnistSlice.train(), first);
        org.fld4j.metrics.memorization.MemorizationResult result = fld.memorization(copies);
        java.util.Set<String> heldOut = new java.util.HashSet<>(fld.reference().heldOutNames());
        int trainingCopies = 0;
        for (org.fld4j.metrics.memorization.ImageCopyScore image : result.perImage()) {
            if (heldOut.contains(image.name())) {
                assertThat(image.nearestDistance()).as(image.name()).isGreaterThan(1e-3);
            } else {
                trainingCopies++;
                assertThat(image.nearCopy()).as(image.name()).isTrue();
                assertThat(image.nearestTraining()).isEqualTo(image.name());
            }
        }
        assertThat(result.flagged()).isGreaterThanOrEqualTo(trainingCopies);
        assertThat(trainingCopies).isBetween(200, 280);
        assertThat(result.memorized()).as(result.summary()).isTrue();
        assertThatThrownBy(() -> Fld.load(savedFile()).memorization(copies)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs the real images");
    }

    private static Path savedFile() {
        try {
            Path file = Files.createTempFile("fld-memorization", ".fld");
            fld.save(file);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
