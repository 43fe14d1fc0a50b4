package org.fld4j.core.transform;

import org.fld4j.core.DenseFlowOptions;
import org.fld4j.core.Flow;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.LayerRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fld4j.core.image.ImagePreset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The size rules registered beside each layer factory agree with the layers the factories build. */
class LayerSizeTest {

    private static List<Flow> flows() {
        List<Flow> flows = new ArrayList<>();
        for (DenseFlowOptions.Mixing mixing : DenseFlowOptions.Mixing.values()) {
            for (boolean actNorm : new boolean[] {false, true}) {
                flows.add(Flow.dense(7).couplings(3).hidden(10).hiddenLayers(2).mixing(mixing).actNorm(actNorm)
                        .build());
            }
        }
        flows.add(Flow.dense(2).couplings(1).hidden(3).hiddenLayers(1).build());
        for (ImagePreset preset : ImagePreset.values()) {
            flows.add(Flow.image(3, 32, 32).preset(preset).build());
            flows.add(Flow.image(1, 16, 16).preset(preset).build());
        }
        flows.add(Flow.image(3, 16, 16).preset(ImagePreset.SMALL).variationalDequantization(2, 8).gatedBlocks(2)
                .build());
        flows.add(Flow.image(3, 16, 16).preset(ImagePreset.SMALL).uniformDequantization().gatedBlocks(0).build());
        return flows;
    }

    @Test
    void everyLayersSizeRuleCountsTheParametersItsFactoryBuilds() {
        int layers = 0;
        for (Flow flow : flows()) {
            long total = 0;
            for (Transform layer : flow.toNetwork().layers()) {
                long built = layer.parameterSpecs().stream().mapToLong(ParameterSpec::length).sum();
                LayerSize size = LayerRegistry.size(layer.config());
                assertThat(size.parameters()).as(layer.config().type()).isEqualTo(built);
                long sample = 1;
                for (long s : layer.outputShape()) {
                    sample *= s;
                }
                assertThat(size.workValuesPerSample()).as(layer.config().type()).isGreaterThanOrEqualTo(sample);
                total += size.parameters();
                layers++;
            }
            assertThat(total).isEqualTo(flow.parameterCount());
        }
        assertThat(layers).isGreaterThan(100);
    }

    @Test
    void theOfficialFlowsParameterCountFollowsFromItsConfigs() {
        // SPEC: the fld-paper flow on 3 x 32 x 32 images has 1,943,646 parameters.
        Flow flow = Flow.image(3, 32, 32).preset(ImagePreset.FLD_PAPER).build();
        long total = flow.layerConfigs().stream().mapToLong(c -> LayerRegistry.size(c).parameters()).sum();
        assertThat(total).isEqualTo(1_943_646L);
    }

    @Test
    void aDenseCouplingsCountIsItsMlpPlusTheClampByHand() {
        org.fld4j.core.coupling.HalfMask mask = new org.fld4j.core.coupling.HalfMask(5, true);
        long c = mask.conditionSize();
        long t = mask.transformSize();
        LayerConfig config = LayerConfig.of("affine-coupling").put("dimension", 5).put("inverted", true)
                .put("hidden", new int[] {4, 3}).put("activation", "RELU").put("form", "AFFINE").put("dataType", "FLOAT")
                .build();
        // widths c -> 4 -> 3 -> 2t, each with a bias, and one clamp per transformed feature.
        long expected = (c * 4 + 4) + (4 * 3 + 3) + (3 * 2 * t + 2 * t) + t;
        assertThat(c + t).isEqualTo(5);
        assertThat(LayerRegistry.size(config).parameters()).isEqualTo(expected);
        LayerConfig linear = LayerConfig.of("invertible-linear").put("rowPermutation", new int[] {2, 0, 1})
                .put("sign", new double[] {1, -1, 1}).put("dataType", "FLOAT").build();
        assertThat(LayerRegistry.size(linear).parameters()).isEqualTo(2 * 9 + 3);
    }

    @Test
    void sizesThatOverflowAreAnArithmeticErrorNotAWrongCount() {
        int m = Integer.MAX_VALUE;
        LayerConfig huge = LayerConfig.of("affine-coupling").put("dimension", m).put("inverted", false)
                .put("hidden", new int[] {m, m, m, m, m}).put("activation", "RELU").put("form", "AFFINE")
                .put("dataType", "FLOAT").build();
        assertThatThrownBy(() -> LayerRegistry.size(huge)).isInstanceOf(ArithmeticException.class);
        LayerConfig unknown = new LayerConfig("no-such-layer", Map.of());
        assertThatThrownBy(() -> LayerRegistry.size(unknown)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-layer");
    }

    @Test
    void restoreRefusesConfigsThatNeedOtherThanTheGivenParametersBeforeBuildingThem() {
        // 16M x 16M weights: building this coupling's network would allocate 2^48 values.
        LayerConfig huge = LayerConfig.of("affine-coupling").put("dimension", 8).put("inverted", false)
                .put("hidden", new int[] {16_000_000, 16_000_000}).put("activation", "RELU").put("form", "AFFINE")
                .put("dataType", "FLOAT").build();
        assertThatThrownBy(() -> FlowNetwork.restore(new long[] {8}, DataType.FLOAT, List.of(huge),
                org.nd4j.linalg.factory.Nd4j.zeros(DataType.FLOAT, 10))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need").hasMessageContaining("got 10");
    }

    @Test
    void integerAttributesAreExactWholeNumbers() {
        LayerConfig c = new LayerConfig("act-norm", Map.of("a", 1.9, "b", 4294967297L, "c", 7L, "d", List.of(1L, 2.5),
                "e", "FLOAT", "f", 5L));
        assertThatThrownBy(() -> c.getInt("a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'").hasMessageContaining("1.9");
        assertThatThrownBy(() -> c.getInt("b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4294967297");
        assertThat(c.getInt("c")).isEqualTo(7);
        assertThatThrownBy(() -> c.getIntArray("d")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2.5");
        assertThat(c.getEnum("e", DataType.class)).isEqualTo(DataType.FLOAT);
        assertThatThrownBy(() -> c.getString("f")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a string");
        assertThatThrownBy(() -> c.getEnum("missing", DataType.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no attribute 'missing'");
    }
}
