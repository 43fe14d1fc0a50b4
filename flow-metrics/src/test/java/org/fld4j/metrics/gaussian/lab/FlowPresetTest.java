package org.fld4j.metrics.gaussian.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.fld4j.core.DenseFlowOptions.Mixing;
import org.fld4j.core.Flow;
import org.fld4j.core.train.LearningRateSchedule;
import org.fld4j.core.train.TrainerOptions;
import org.junit.jupiter.api.Test;

class FlowPresetTest {

    @Test
    void presetsGrowWithTheDimension() {
        assertThat(FlowPreset.forDimension(10).hiddenWidth()).isEqualTo(32);
        assertThat(FlowPreset.forDimension(20).hiddenWidth()).isEqualTo(64);
        assertThat(FlowPreset.forDimension(50).hiddenWidth()).isEqualTo(64);
        assertThat(FlowPreset.forDimension(10).couplings()).isLessThan(FlowPreset.forDimension(100).couplings());
        assertThat(FlowPreset.forDimension(100).maxEpochs()).isGreaterThanOrEqualTo(FlowPreset.forDimension(50).maxEpochs());
        assertThat(FlowPreset.forDimension(100).timeBudget()).isGreaterThan(FlowPreset.forDimension(10).timeBudget());
    }

    @Test
    void buildsTheFlowAndTheTrainerOptionsItDescribes() {
        FlowPreset preset = FlowPreset.forDimension(10).withCouplings(4).withHiddenWidth(16)
                .withBudget(3, Duration.ofMinutes(5));
        Flow flow = preset.flow(10, 1);
        assertThat(flow.sampleShape()).containsExactly(10);
        assertThat(flow.layerConfigs()).hasSize(4);
        // Each conditioner: 5 -> 16 -> 16 -> 10 (scale and shift for 5 features), plus 5 clamp values.
        assertThat(flow.parameterCount()).isEqualTo(4L * (5 * 16 + 16 + 16 * 16 + 16 + 16 * 10 + 10 + 5));
        TrainerOptions options = preset.trainerOptions(7);
        assertThat(options.maxEpochs()).isEqualTo(3);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.schedule()).isEqualTo(LearningRateSchedule.COSINE);
        assertThat(options.timeBudget()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void invalidValuesNameTheOption() {
        FlowPreset preset = FlowPreset.forDimension(10);
        assertThatThrownBy(() -> preset.withCouplings(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("couplings").hasMessageContaining("1");
        assertThatThrownBy(() -> preset.withBudget(3, Duration.ZERO)).hasMessageContaining("timeBudget");
        assertThatThrownBy(() -> preset.withBudget(0, Duration.ofMinutes(1))).hasMessageContaining("maxEpochs");
        assertThatThrownBy(() -> new FlowPreset(4, 8, 1, Mixing.NONE, 1e-3, 0, 64, 1, Duration.ofMinutes(1), 1.0, 1))
                .hasMessageContaining("validationFraction");
        assertThatThrownBy(() -> new FlowPreset(4, 8, 1, Mixing.NONE, Double.NaN, 0, 64, 1, Duration.ofMinutes(1), 0, 1))
                .hasMessageContaining("learningRate");
        assertThatThrownBy(() -> FlowPreset.forDimension(1)).hasMessageContaining("dimension");
    }
}
