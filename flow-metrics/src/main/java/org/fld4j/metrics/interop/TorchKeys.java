package org.fld4j.metrics.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fld4j.core.image.Dequantization;

/**
 * Where every weight of an fld4j flow of the official layout sits in PyTorch's {@code state_dict}, and the mask
 * buffers that come with it. The parameters are listed in fld4j's order (the order of its flat parameter vector:
 * dequantizer couplings, then the couplings of the three stages; per coupling the network's input convolution, per
 * gated block its 3x3 and 1x1 convolutions and the LayerNorm's gamma and beta, the output convolution, and last the
 * clamp {@code scaling_factor}), so that the two sides map one to one. Convolution weights are OIHW on both sides;
 * LayerNorm's gamma and beta are {@code [1, h, 1, 1]} in PyTorch and {@code [h]} in fld4j, the same values.
 *
 * <p>Layer indices follow the official module list: 0 the dequantization, couplings from 1, one squeeze after the
 * first stage, a split and a squeeze after the second.
 */
final class TorchKeys {

    private final List<TorchTensor> parameters = new ArrayList<>();
    private final Map<TorchTensor, double[]> masks = new LinkedHashMap<>();

    private TorchKeys() {
    }

    /** The keys of {@code c}'s flow. */
    static TorchKeys of(TorchFlowConfig c) {
        TorchKeys keys = new TorchKeys();
        String p = c.stateDictPrefix() + ".";
        int channels = c.channels();
        int[] steps = c.steps();
        int[] hidden = c.hidden();
        if (c.dequantization() == Dequantization.VARIATIONAL) {
            for (int k = 0; k < c.dequantizationCouplings(); k++) {
                keys.coupling(p + "0.flows." + k + ".", 2 * channels, c.dequantizationHidden(), channels,
                        c.gatedBlocks());
                keys.checkerboard(p + "0.flows." + k + ".mask", c.height(), c.width(), k % 2 == 1);
            }
        }
        int[] firstIndex = {1, steps[0] + 2, steps[0] + steps[1] + 4};
        int[] stageChannels = {channels, 4 * channels, 8 * channels};
        for (int stage = 0; stage < 3; stage++) {
            for (int k = 0; k < steps[stage]; k++) {
                String layer = p + (firstIndex[stage] + k) + ".";
                int ch = stageChannels[stage];
                keys.coupling(layer, ch, hidden[stage], ch, c.gatedBlocks());
                if (stage == 0) {
                    keys.checkerboard(layer + "mask", c.height(), c.width(), k % 2 == 1);
                } else {
                    keys.channelHalves(layer + "mask", ch, k % 2 == 1);
                }
            }
        }
        return keys;
    }

    /** A coupling layer: its gated conv net (in {@code in} channels, out {@code 2 c}) and its clamp. */
    private void coupling(String layer, int in, int h, int c, int blocks) {
        String net = layer + "network.nn.";
        conv(net + "0.", h, in, 3);
        for (int b = 0; b < blocks; b++) {
            String gated = net + (1 + 2 * b) + ".net.";
            conv(gated + "1.", h, 2 * h, 3);
            conv(gated + "3.", 2 * h, 2 * h, 1);
            String norm = net + (2 + 2 * b) + ".";
            parameters.add(new TorchTensor(norm + "gamma", new long[] {1, h, 1, 1}));
            parameters.add(new TorchTensor(norm + "beta", new long[] {1, h, 1, 1}));
        }
        conv(net + (2 * blocks + 2) + ".", 2 * c, 2 * h, 3);
        parameters.add(new TorchTensor(layer + "scaling_factor", new long[] {c}));
    }

    private void conv(String prefix, int out, int in, int kernel) {
        parameters.add(new TorchTensor(prefix + "weight", new long[] {out, in, kernel, kernel}));
        parameters.add(new TorchTensor(prefix + "bias", new long[] {out}));
    }

    /** 1 where {@code (i + j)} is odd (those pixels condition), or the reverse when inverted. */
    private void checkerboard(String key, int h, int w, boolean inverted) {
        double[] m = new double[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                m[i * w + j] = ((i + j) % 2 == 1) != inverted ? 1 : 0;
            }
        }
        masks.put(new TorchTensor(key, new long[] {1, 1, h, w}), m);
    }

    /** 1 on the first {@code floor(c/2)} channels, or the reverse when inverted. */
    private void channelHalves(String key, int c, boolean inverted) {
        double[] m = new double[c];
        for (int i = 0; i < c; i++) {
            m[i] = (i < c / 2) != inverted ? 1 : 0;
        }
        masks.put(new TorchTensor(key, new long[] {1, c, 1, 1}), m);
    }

    /** The trainable tensors, in fld4j's parameter order. */
    List<TorchTensor> parameters() {
        return List.copyOf(parameters);
    }

    /** The mask buffers and their values (C order). */
    Map<TorchTensor, double[]> masks() {
        Map<TorchTensor, double[]> copy = new LinkedHashMap<>();
        masks.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }
}
