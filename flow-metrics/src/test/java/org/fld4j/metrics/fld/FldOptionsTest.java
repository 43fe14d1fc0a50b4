package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The options that size allocations are bounded, and the bound is named when a value passes it. */
class FldOptionsTest {

    @Test
    void bootstrapResamplesAreBoundedOnBothSides() {
        FldOptions defaults = FldOptions.defaults();
        assertThat(defaults.withBootstrapResamples(100).bootstrapResamples()).isEqualTo(100);
        assertThat(defaults.withBootstrapResamples(100_000).bootstrapResamples()).isEqualTo(100_000);
        assertThat(FldOptions.MAX_BOOTSTRAP_RESAMPLES).isEqualTo(100_000);
        for (int bad : new int[] {99, 100_001, 2_000_000_000, -1}) {
            assertThatThrownBy(() -> defaults.withBootstrapResamples(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bootstrapResamples").hasMessageContaining(String.valueOf(bad))
                    .hasMessageContaining("100 to 100000");
        }
    }

    @Test
    void batchSizesAndDequantizationSamplesAreBounded() {
        FldOptions defaults = FldOptions.defaults();
        assertThat(defaults.withBatchSize(65_536).batchSize()).isEqualTo(65_536);
        assertThat(defaults.withEvaluationBatchSize(65_536).evaluationBatchSize()).isEqualTo(65_536);
        assertThat(defaults.withDequantizationSamples(1_000).dequantizationSamples()).isEqualTo(1_000);
        assertThatThrownBy(() -> defaults.withBatchSize(65_537)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize").hasMessageContaining("1 to 65536");
        assertThatThrownBy(() -> defaults.withEvaluationBatchSize(2_000_000_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evaluationBatchSize");
        assertThatThrownBy(() -> defaults.withDequantizationSamples(1_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 1000");
    }

    @Test
    void sampleEfficiencyRepeatsAreBounded() {
        SampleEfficiencyOptions defaults = SampleEfficiencyOptions.defaults();
        assertThat(defaults.withRepeats(10_000).repeats()).isEqualTo(10_000);
        assertThatThrownBy(() -> defaults.withRepeats(10_001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeats").hasMessageContaining("2 to 10000");
        assertThatThrownBy(() -> defaults.withRepeats(2_000_000_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
