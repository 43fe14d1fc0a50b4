package org.fld4j.references;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.ImageSource;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.io.preprocess.ResizeFilter;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.metrics.fld.ReferenceCard;
import org.fld4j.metrics.fld.ReferenceFileHash;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The built-in Fashion-MNIST reference: the published bytes, the fld-paper flow at 1x28x28 with the 10,000 test
 * images held out and test bits/dim at most 3.0, a card that says how it was made, and held-out statistics that are
 * the flow's own log-likelihoods of those images (recomputed here for the 500 test images fld4j ships).
 */
class BuiltinReferenceTest {

    static FldReference reference;

    @BeforeAll
    static void load() throws IOException {
        reference = BuiltinReference.FASHION_MNIST.load().reference();
    }

    @Test
    void theBytesOnTheClassPathHaveThePublishedHash(@TempDir Path dir) throws IOException {
        Path copy = Files.write(dir.resolve("copy.fld"), BuiltinReference.FASHION_MNIST.bytes());
        // hashed by the file path, not by the code that checked it on load
        assertThat(ReferenceFileHash.of(copy)).isEqualTo(BuiltinReference.FASHION_MNIST.contentHash());
        assertThat(BuiltinReference.byId("Fashion-MNIST")).contains(BuiltinReference.FASHION_MNIST);
        assertThat(BuiltinReference.byId("cifar10")).isEmpty();
        assertThat(BuiltinReference.class.getClassLoader().getResource(BuiltinReference.FOLDER + "references.list"))
                .isNotNull();
    }

    @Test
    void itIsTheFldPaperFlowWithTheTenThousandTestImagesHeldOutBelowThreeBitsPerDim() {
        assertThat(reference.imageShape()).containsExactly(1, 28, 28);
        assertThat(reference.options().preset()).isEqualTo(ImagePreset.FLD_PAPER);
        assertThat(reference.referenceFlows()).isEqualTo(1);
        assertThat(reference.heldOutLogLikelihoods()).hasSize(10_000);
        assertThat(reference.heldOutBitsPerDim()).isBetween(2.5, 3.0);
        // bits/dim from the stored log-likelihoods of the 8-bit images (nats), by its definition -mean(log p) / (D ln 2)
        double meanNats = Arrays.stream(reference.heldOutLogLikelihoods()).average().orElseThrow();
        assertThat(reference.heldOutBitsPerDim()).isCloseTo(-meanNats / (784 * Math.log(2)), within(1e-9));
    }

    @Test
    void theCardSaysWhatTheImagesAreHowTheyWereReadAndHowTheFlowWasTrained() {
        ReferenceCard card = reference.card().orElseThrow();
        assertThat(card.realSet().text()).contains("Fashion-MNIST").contains("10,000 test images");
        assertThat(card.realSet().preprocessing()).isEqualTo(Preprocessing.none());
        assertThat(card.optimizer()).isEqualTo("adamw");
        assertThat(card.learningRate()).isEqualTo(1e-3);
        assertThat(card.resampler()).isEqualTo(ResizeFilter.PILLOW_MATCH);
        assertThat(card.nd4jVersion()).isEqualTo("1.0.0-M2.1");
    }

    @Test
    void theHeldOutStatisticsAreTheFlowsLikelihoodsOfTheTestImages() {
        ImageSource test = FashionMnistSlice.test();
        INDArray images;
        try (ImageBatchStream batches = new ImageBatchStream(test, BatchOptions.of(FashionMnistSlice.TEST_COUNT))) {
            images = batches.next().images();
        }
        double[] again = reference.flow().logProb(images, reference.options().evaluation());
        double[] stored = Arrays.copyOf(reference.heldOutLogLikelihoods(), FashionMnistSlice.TEST_COUNT);
        for (int i = 0; i < again.length; i++) {
            assertThat(again[i]).as("test image %d", i).isCloseTo(stored[i], within(1e-6 * Math.abs(stored[i])));
        }
    }
}
