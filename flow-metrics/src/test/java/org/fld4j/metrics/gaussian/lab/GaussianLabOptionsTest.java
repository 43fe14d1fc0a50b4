package org.fld4j.metrics.gaussian.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fld4j.metrics.gaussian.TestFamily;
import org.junit.jupiter.api.Test;

class GaussianLabOptionsTest {

    @Test
    void defaultsAreTheThesisGrid() {
        GaussianLabOptions o = GaussianLabOptions.defaults();
        assertThat(o.dimensions()).containsExactly(10, 20, 50, 100);
        assertThat(o.scales()).containsExactly(0.25, 0.5, 0.75, 1.0, 1.25, 1.75);
        assertThat(o.shifts()).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
        assertThat(o.families()).containsExactly(TestFamily.values());
        assertThat(o.targetTruePositiveRate()).isEqualTo(0.975);
        assertThat(o.testSamples()).isEqualTo(100_000);
        assertThat(o.cellsPerDimension()).isEqualTo(3 * 6 * 5);
        assertThat(o.cellCount()).isEqualTo(4 * 3 * 6 * 5);
    }

    @Test
    void presetsDefaultPerDimensionAndCanBeReplaced() {
        FlowPreset small = FlowPreset.forDimension(10).withHiddenWidth(8);
        GaussianLabOptions o = GaussianLabOptions.builder().preset(20, small).build();
        assertThat(o.presetFor(20)).isEqualTo(small);
        assertThat(o.presetFor(10)).isEqualTo(FlowPreset.forDimension(10));
        assertThat(o.toBuilder().testSamples(1_000_000).build().testSamples()).isEqualTo(1_000_000);
    }

    @Test
    void invalidValuesNameTheOption() {
        assertThatThrownBy(() -> GaussianLabOptions.builder().dimensions(10, 10).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimensions");
        assertThatThrownBy(() -> GaussianLabOptions.builder().dimensions(1).build()).hasMessageContaining("dimensions");
        assertThatThrownBy(() -> GaussianLabOptions.builder().scales(0.0).build()).hasMessageContaining("scales");
        assertThatThrownBy(() -> GaussianLabOptions.builder().shifts(Double.NaN).build()).hasMessageContaining("shifts");
        assertThatThrownBy(() -> GaussianLabOptions.builder().families().build()).hasMessageContaining("families");
        assertThatThrownBy(() -> GaussianLabOptions.builder().testSamples(1).build()).hasMessageContaining("testSamples");
        assertThatThrownBy(() -> GaussianLabOptions.builder().perturbation(-1, 0).build()).hasMessageContaining("alpha");
        assertThatThrownBy(() -> GaussianLabOptions.builder().targetTruePositiveRate(1).build())
                .hasMessageContaining("targetTruePositiveRate");
    }
}
