package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.image.Logit;
import org.fld4j.io.ImageSource;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.source.ImageSources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reusing a trained reference: another bootstrap on a loaded reference, sample efficiency from a score already
 * computed, and D-FLD with the real flow given. Small preset, one epoch, on 120 training and 40 test images of the
 * Fashion-MNIST slice.
 */
class ReferenceReuseTest {

    @TempDir
    static Path dir;
    static ImageSource real;
    static ImageSource generated;
    static FldOptions options;
    static Fld trained;

    @BeforeAll
    static void train() {
        real = ImageSources.subset(FashionMnistSlice.train(), DualFldTest.range(0, 120));
        generated = ImageSources.subset(FashionMnistSlice.test(), DualFldTest.range(0, 40));
        options = FldOptions.forPreset(ImagePreset.SMALL).withMaxEpochs(1).withBatchSize(32).withSeed(5);
        trained = Fld.of(real).options(options).train();
    }

    @Test
    void anotherIntervalKeepsTheLoadedFlowAndChangesOnlyTheInterval() throws Exception {
        Path file = dir.resolve("ref.fld");
        trained.save(file);
        Fld loaded = Fld.load(file);
        Fld narrower = loaded.interval(200, 0.9);
        assertThat(narrower.reference().flow()).isSameAs(loaded.reference().flow());
        assertThat(narrower.options().bootstrapResamples()).isEqualTo(200);
        assertThat(narrower.options().confidence()).isEqualTo(0.9);

        FldScore before = loaded.score(generated);
        FldScore after = narrower.score(generated);
        assertThat(after.value()).isEqualTo(before.value());
        // the interval by hand: the same bootstrap over the held-out and the generated log-likelihoods, the latter
        // read in ascending order (docs/maths.md, "Determinism and merging")
        double[] values = after.perImage().stream().mapToDouble(ImageScore::logLikelihood).sorted().toArray();
        ConfidenceInterval expected = PercentileBootstrap.interval(loaded.reference().heldOutLogLikelihoods(), values,
                FldFormulas::fld, 200, 0.9, options.seed() ^ 0x5DEECE66DL);
        assertThat(after.interval()).isEqualTo(expected);
        assertThat(after.interval().resamples()).isEqualTo(200);
    }

    @Test
    void anUntrainedFldTakesTheIntervalIntoItsOptions() {
        Fld untrained = Fld.of(real).options(options).interval(300, 0.8);
        assertThat(untrained.options()).isEqualTo(options.withBootstrapResamples(300).withConfidence(0.8));
    }

    @Test
    void sampleEfficiencyFromAScoreEqualsScoringAgain() {
        SampleEfficiencyOptions draws = SampleEfficiencyOptions.defaults().withSizes(5, 20, 40).withRepeats(5);
        SampleEfficiency experiment = SampleEfficiency.of(trained).options(draws);
        SampleEfficiencyResult fromScore = experiment.run(trained.score(generated));
        SampleEfficiencyResult fromImages = experiment.run(generated);
        assertThat(fromScore.points()).isEqualTo(fromImages.points());
        assertThat(fromScore.fullFld()).isEqualTo(fromImages.fullFld());

        Fld otherSplit = Fld.of(real).options(options.withHeldOutFraction(0.5)).train();
        assertThatThrownBy(() -> experiment.run(otherSplit.score(generated)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("held-out real images");
    }

    @Test
    void dualFldWithTheRealFlowGivenEqualsTrainingIt() {
        // trained as references are (early stopping), the given flow serves as R: without size matching it is R
        // itself; with it, 40 generated images retrain R on 40 real ones
        DualFld early = DualFld.of(real).options(options).trainingBudget(DualTrainingBudget.EARLY_STOPPING);
        DualFldScore given = early.sizeMatched(false).realReference(trained.reference()).score(generated);
        DualFldScore own = early.sizeMatched(false).score(generated);
        assertThat(given.realTraining()).isEqualTo(trained.reference().trainingImages());
        assertThat(given.value()).isEqualTo(own.value());
        assertThat(given.divergence()).isEqualTo(own.divergence());
        assertThat(given.interval()).isEqualTo(own.interval());
        DualFldScore matched = early.realReference(trained.reference()).score(generated);
        assertThat(matched.realTraining()).isEqualTo(matched.generatedTraining()).isEqualTo(32);

        // on the fixed budget (the default), R trained by a D-FLD on that budget serves as well; the FLD reference
        // was trained otherwise (a constant rate, not annealed), so its R is another flow
        DualFld fixed = DualFld.of(real).options(options).sizeMatched(false);
        DualFldScore fixedGiven = fixed.realReference(fixed.realReference()).score(generated);
        DualFldScore fixedOwn = DualFld.of(real).options(options).sizeMatched(false).score(generated);
        assertThat(fixedGiven.value()).isEqualTo(fixedOwn.value());
        assertThat(fixedGiven.divergence()).isEqualTo(fixedOwn.divergence());
        assertThat(fixedOwn.bpdRealOnReal()).isNotEqualTo(given.bpdRealOnReal());

        // the FLD reference's logit has the preset's alpha; a D-FLD building its flows with another alpha refuses it,
        // since G would be another model of the pixels than R; its own R has that alpha
        DualFld bounded = early.logitAlpha(0.05);
        assertThatThrownBy(() -> early.logitAlpha(1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("logitAlpha must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> bounded.realReference(trained.reference()).score(generated))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logit alpha is 1.0E-5")
                .hasMessageContaining("logitAlpha(1.0E-5)");
        assertThat(DualFld.logitAlphaOf(trained.reference().flow())).isEqualTo(Logit.DEFAULT_ALPHA);
        assertThat(DualFld.logitAlphaOf(fixed.realReference().flow())).isEqualTo(Logit.DEFAULT_ALPHA);
        assertThat(DualFld.logitAlphaOf(bounded.sizeMatched(false).realReference().flow())).isEqualTo(0.05);

        ImageSource otherReal = ImageSources.subset(FashionMnistSlice.train(), DualFldTest.range(120, 240));
        assertThatThrownBy(() -> DualFld.of(otherReal).options(options).realReference(trained.reference())
                .score(generated)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the real set");
    }
}
