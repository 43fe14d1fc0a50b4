package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.ImageSource;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.source.ImageSources;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A reference of three {@code small} flows (one epoch each) on 1,000 images of the Fashion-MNIST slice: its flows
 * hold out disjoint folds, its first flow is the one-flow reference of the same seed, its FLD is the mean of the
 * flows' FLDs computed by hand from their log-likelihoods, and it survives a save and a load.
 */
class FldEnsembleTest {

    static Fld ensemble;
    static Fld single;
    static ImageSource scored;
    static INDArray scoredImages;

    @BeforeAll
    static void train() {
        ImageSource real = ImageSources.subset(FashionMnistSlice.train(), DualFldTest.range(0, 1000));
        scored = ImageSources.subset(FashionMnistSlice.train(), DualFldTest.range(1000, 1300));
        Fld base = Fld.of(real).preset(ImagePreset.SMALL).maxEpochs(1).batchSize(32).timeBudget(Duration.ofMinutes(5))
                .seed(9);
        ensemble = base.referenceFlows(3).train();
        single = base.train();
        try (ImageBatchStream s = new ImageBatchStream(scored, BatchOptions.of(300))) {
            scoredImages = s.next().images();
        }
    }

    @Test
    void flowsHoldOutDisjointFoldsAndTheFirstIsTheOneFlowReference() {
        FldReference r = ensemble.reference();
        assertThat(r.referenceFlows()).isEqualTo(3);
        assertThat(r.intervalScope()).isEqualTo(IntervalScope.IMAGES_AND_TRAINING);
        Set<String> seen = new HashSet<>();
        for (ReferenceMember m : r.members()) {
            assertThat(m.heldOutNames()).hasSize(200);
            assertThat(m.trainingImages()).isEqualTo(800);
            for (String name : m.heldOutNames()) {
                assertThat(seen.add(name)).as("held out twice: " + name).isTrue();
            }
        }
        assertThat(r.members()).extracting(ReferenceMember::seed).containsExactly(9L, 10L, 11L);
        assertThat(r.members().get(0).heldOutNames()).isEqualTo(single.reference().heldOutNames());
        assertThat(r.members().get(0).heldOutLogLikelihoods())
                .containsExactly(single.reference().heldOutLogLikelihoods());
    }

    @Test
    void fldIsTheMeanOfTheFlowsFldsComputedByHand() {
        FldScore score = ensemble.score(scored);
        FldReference r = ensemble.reference();
        double sum = 0;
        double[][] heldOut = new double[3][];
        double[][] generated = new double[3][];
        for (int k = 0; k < 3; k++) {
            ReferenceMember m = r.members().get(k);
            double[] g = m.flow().logProb(scoredImages, r.options().withSeed(m.seed()).evaluation());
            generated[k] = g;
            heldOut[k] = m.heldOutLogLikelihoods();
            double expected = Math.log(FldFormulas.mean(g) / FldFormulas.mean(m.heldOutLogLikelihoods()));
            assertThat(score.flowValues().get(k)).isCloseTo(expected, within(1e-12));
            sum += expected;
        }
        assertThat(score.value()).isCloseTo(sum / 3, within(1e-12));
        // the public computation from the same log-likelihoods gives the score's interval
        ConfidenceInterval fromValues = FldIntervals.ensemble(heldOut, generated,
                r.options().bootstrapResamples(), r.options().confidence(), r.options().seed() ^ 0x5DEECE66DL);
        assertThat(fromValues.lower()).isCloseTo(score.interval().lower(), within(1e-12));
        assertThat(fromValues.upper()).isCloseTo(score.interval().upper(), within(1e-12));
        assertThat(score.intervalScope()).isEqualTo(IntervalScope.IMAGES_AND_TRAINING);
        assertThat(score.interval().contains(score.value())).isTrue();
        assertThat(score.summary()).contains("images and reference training, 3 flows");
        assertThat(single.score(scored).summary()).contains("images only");
        // the first flow's value is the one-flow reference's FLD
        assertThat(score.flowValues().get(0)).isCloseTo(single.score(scored).value(), within(1e-12));
        assertThatThrownBy(() -> r.bootstrapReplicates(new double[] {-1000, -1001}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("3 flows");
    }

    @Test
    void aSavedEnsembleLoadsAndScoresIdentically(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ensemble.fld");
        ensemble.save(file);
        Fld loaded = Fld.load(file);
        List<ReferenceMember> members = loaded.reference().members();
        assertThat(members).hasSize(3);
        for (int k = 0; k < 3; k++) {
            ReferenceMember saved = ensemble.reference().members().get(k);
            assertThat(members.get(k).seed()).isEqualTo(saved.seed());
            assertThat(members.get(k).heldOutNames()).isEqualTo(saved.heldOutNames());
            assertThat(members.get(k).heldOutLogLikelihoods()).containsExactly(saved.heldOutLogLikelihoods());
            assertThat(members.get(k).flow().parameters().toFloatVector())
                    .containsExactly(saved.flow().parameters().toFloatVector());
        }
        assertThat(loaded.options()).isEqualTo(ensemble.options());
        FldScore a = ensemble.score(scored);
        FldScore b = loaded.score(scored);
        assertThat(b.value()).isEqualTo(a.value());
        assertThat(b.interval()).isEqualTo(a.interval());
    }
}
