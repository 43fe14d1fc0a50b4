package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.train.LearningRateSchedule;
import org.fld4j.core.train.StopReason;
import org.fld4j.core.train.TrainerOptions;
import org.fld4j.core.train.TrainingHistory;
import org.fld4j.core.train.TrainingListener;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.source.ImageSources;
import org.junit.jupiter.api.Test;

/** The budgets D-FLD's flows train on: what each changes in the preset's recipe, and that the trainer follows it. */
class DualTrainingBudgetTest {

    @Test
    void theFixedBudgetAnnealsTheRateAndNeverStopsEarly() {
        TrainerOptions recipe = FldOptions.forPreset(ImagePreset.SMALL).withMaxEpochs(7).trainerOptions();
        TrainerOptions fixed = DualTrainingBudget.FIXED.apply(recipe);
        assertThat(recipe.schedule()).isEqualTo(LearningRateSchedule.CONSTANT);
        assertThat(fixed.schedule()).isEqualTo(LearningRateSchedule.COSINE);
        assertThat(fixed.patience()).isEqualTo(Integer.MAX_VALUE);
        // everything else is the recipe's
        assertThat(fixed.toBuilder().schedule(recipe.schedule()).patience(recipe.patience()).build()).isEqualTo(recipe);
        assertThat(DualTrainingBudget.EARLY_STOPPING.apply(recipe)).isEqualTo(recipe);
    }

    @Test
    void idsAreTheCommandLineNamesAndParseBack() {
        assertThat(DualTrainingBudget.FIXED.id()).isEqualTo("fixed");
        assertThat(DualTrainingBudget.EARLY_STOPPING.id()).isEqualTo("early-stopping");
        assertThat(DualTrainingBudget.parse("early-stopping")).isEqualTo(DualTrainingBudget.EARLY_STOPPING);
        assertThat(DualTrainingBudget.parse("FIXED")).isEqualTo(DualTrainingBudget.FIXED);
        assertThatThrownBy(() -> DualTrainingBudget.parse("cosine")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cosine'").hasMessageContaining("fixed, early-stopping");
    }

    /**
     * 200 images, 20% held out: 160 to train on, of which the recipe validates on 32 and steps on 128, i.e. 4 steps of
     * 32 per epoch and 12 in all over 3 epochs. Both flows run all 3 epochs, and the rate of step s (no warm-up) is the
     * cosine 1e-3 * (1 + cos(pi s / 12)) / 2.
     */
    @Test
    void bothFlowsRunTheWholeCapOnTheCosine() {
        FldOptions options = FldOptions.forPreset(ImagePreset.SMALL).withMaxEpochs(3).withBatchSize(32)
                .withTimeBudget(Duration.ofMinutes(5)).withSeed(9);
        List<TrainingHistory> histories = new ArrayList<>();
        List<double[]> rates = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(long step, int epoch, double loss, double learningRate) {
                rates.add(new double[] {step, learningRate});
            }

            @Override
            public void onFinish(TrainingHistory history) {
                histories.add(history);
            }
        };
        DualFld.of(ImageSources.subset(FashionMnistSlice.train(), DualFldTest.range(0, 200))).options(options)
                .listener(listener).score(ImageSources.subset(FashionMnistSlice.test(), DualFldTest.range(0, 200)));
        assertThat(histories).hasSize(2).allSatisfy(h -> {
            assertThat(h.epochs()).hasSize(3);
            assertThat(h.stopReason()).isEqualTo(StopReason.MAX_EPOCHS);
        });
        assertThat(rates).hasSize(24);
        for (double[] r : rates) {
            int s = (int) r[0];
            assertThat(r[1]).isCloseTo(1e-3 * (1 + Math.cos(Math.PI * s / 12)) / 2, within(1e-15));
        }
    }
}
