package org.fld4j.metrics.interop;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.fld4j.core.Flow;
import org.fld4j.core.ImageFlowBuilder;
import org.fld4j.core.coupling.CouplingForm;
import org.fld4j.core.coupling.PixelMask;
import org.fld4j.core.image.Dequantization;
import org.fld4j.core.image.ImageFlowOptions;
import org.fld4j.core.image.Logit;
import org.fld4j.core.image.MultiScaleSplit;
import org.fld4j.core.image.Squeeze;
import org.fld4j.core.image.UniformDequantization;
import org.fld4j.core.image.VariationalDequantization;
import org.fld4j.core.internal.persist.Json;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.Transform;

/**
 * Recognises an fld4j flow of the official FLD layout and recovers the options it was built from: the layers are
 * read off the flow, the options rebuilt from what they say, and the flow accepted only when the options build
 * exactly its layers again (any other flow, such as Glow or a RealNVP-form coupling, has no PyTorch counterpart).
 */
final class FlowLayout {

    private FlowLayout() {
    }

    /** The options that build {@code flow}'s layers. */
    static ImageFlowOptions optionsOf(Flow flow) {
        long[] shape = flow.sampleShape();
        if (shape.length != 3) {
            throw unsupported("it takes samples of shape " + Arrays.toString(shape) + ", not images [C, H, W]");
        }
        List<Transform> layers = flow.toNetwork().layers();
        int i = 0;
        LayerConfig first = layers.get(i++).config();
        Dequantization dequantization;
        int deqCouplings = 0;
        int deqHidden = 0;
        if (first.type().equals(VariationalDequantization.TYPE)) {
            dequantization = Dequantization.VARIATIONAL;
            deqCouplings = first.getInt("couplings");
            deqHidden = first.getInt("hidden");
        } else if (first.type().equals(UniformDequantization.TYPE)) {
            dequantization = Dequantization.UNIFORM;
        } else {
            throw unsupported("its first layer is '" + first.type() + "', not a dequantization");
        }
        LayerConfig logit = layers.size() > i ? layers.get(i++).config() : null;
        if (logit == null || !logit.type().equals(Logit.TYPE)) {
            throw unsupported("its second layer is not the logit");
        }
        int[] steps = new int[3];
        int[] hidden = new int[3];
        int[] blocks = {dequantization == Dequantization.VARIATIONAL ? first.getInt("blocks") : -1};
        i = couplings(layers, i, 0, steps, hidden, blocks);
        if (i >= layers.size() || !layers.get(i).config().type().equals(Squeeze.TYPE)) {
            throw unsupported("layer " + i + " is not the squeeze after the checkerboard couplings");
        }
        i = couplings(layers, i + 1, 1, steps, hidden, blocks);
        if (i != layers.size() - 1 || !(layers.get(i) instanceof MultiScaleSplit split)) {
            throw unsupported("layer " + i + " is not the last layer, the split after the second stage");
        }
        List<Transform> inner = split.inner();
        if (inner.isEmpty() || !inner.get(0).config().type().equals(Squeeze.TYPE)) {
            throw unsupported("the split does not start with a squeeze");
        }
        couplings(inner, 1, 2, steps, hidden, blocks);
        if (steps[0] == 0 || steps[1] == 0 || steps[2] == 0) {
            throw unsupported("a stage has no couplings (steps " + Arrays.toString(steps) + ")");
        }
        ImageFlowOptions options;
        try {
            options = new ImageFlowOptions((int) shape[0], (int) shape[1], (int) shape[2],
                    ImageFlowOptions.Architecture.MULTISCALE, steps, hidden, Math.max(blocks[0], 0), dequantization,
                    deqCouplings, deqHidden, logit.getDouble("alpha"), CouplingForm.FLD, flow.dataType(), 0L);
        } catch (IllegalArgumentException e) {
            throw unsupported(e.getMessage());
        }
        List<LayerConfig> expected = ImageFlowBuilder.layers(options).stream().map(Transform::config).toList();
        List<LayerConfig> actual = flow.layerConfigs();
        for (int k = 0; k < Math.max(expected.size(), actual.size()); k++) {
            if (k >= expected.size() || k >= actual.size() || !same(expected.get(k), actual.get(k))) {
                throw unsupported("layer " + k + " is " + (k < actual.size() ? describe(actual.get(k)) : "missing")
                        + ", the official layout of " + options + " has " + (k < expected.size()
                        ? describe(expected.get(k)) : "no such layer"));
            }
        }
        return options;
    }

    /** Counts the image couplings from {@code from} as stage {@code stage}; returns the index after them. */
    private static int couplings(List<Transform> layers, int from, int stage, int[] steps, int[] hidden, int[] blocks) {
        int i = from;
        while (i < layers.size() && layers.get(i).config().type().equals(PixelMask.TYPE)) {
            LayerConfig c = layers.get(i++).config();
            hidden[stage] = c.getInt("hidden");
            blocks[0] = blocks[0] < 0 ? c.getInt("blocks") : blocks[0];
            steps[stage]++;
        }
        return i;
    }

    private static boolean same(LayerConfig a, LayerConfig b) {
        return Objects.equals(a.type(), b.type()) && Json.write(a.attributes()).equals(Json.write(b.attributes()));
    }

    private static String describe(LayerConfig c) {
        return c.type() + " " + Json.write(c.attributes()).replaceAll("\\s+", " ").strip();
    }

    private static IllegalArgumentException unsupported(String why) {
        return new IllegalArgumentException("unsupported flow: PyTorch's FLD ImageFlow cannot hold it, because " + why);
    }
}
