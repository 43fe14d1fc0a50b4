package org.fld4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fld4j.core.coupling.Coupling;
import org.fld4j.core.coupling.CouplingForm;
import org.fld4j.core.coupling.MaskKind;
import org.fld4j.core.image.ChannelActNorm;
import org.fld4j.core.image.Dequantization;
import org.fld4j.core.image.ImageFlowOptions;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.image.Invertible1x1Conv;
import org.fld4j.core.image.Logit;
import org.fld4j.core.image.MultiScaleSplit;
import org.fld4j.core.image.Squeeze;
import org.fld4j.core.image.UniformDequantization;
import org.fld4j.core.image.VariationalDequantization;
import org.fld4j.core.transform.Transform;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Fluent construction of an image flow:
 * {@code Flow.image(1, 28, 28).preset(ImagePreset.FLD_PAPER).seed(7).build()}. The preset sets the
 * architecture, the other methods change parts of it; {@link ImageFlowOptions} validates the result
 * and names the offending option.
 *
 * <p>The flow's input is a batch of images {@code [N, C, H, W]} with pixel values 0..255; its first
 * layers dequantize and take the logit, so its log-likelihoods are those of discrete images (SPEC §2)
 * and {@link Flow#bitsPerDim} is the usual bits per dimension.
 */
public final class ImageFlowBuilder {

    private ImageFlowOptions options;

    public ImageFlowBuilder(int channels, int height, int width) {
        checkShape(channels, height, width);
        this.options = ImagePreset.FLD_PAPER.options(channels, height, width);
    }

    private static void checkShape(int channels, int height, int width) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
    }

    /** Replaces the architecture by the preset's (keeps data type and seed). */
    public ImageFlowBuilder preset(ImagePreset preset) {
        options = preset.options(options.channels(), options.height(), options.width())
                .withDataType(options.dataType()).withSeed(options.seed());
        return this;
    }

    public ImageFlowBuilder steps(int... steps) {
        options = options.withSteps(steps);
        return this;
    }

    public ImageFlowBuilder hidden(int... hidden) {
        options = options.withHidden(hidden);
        return this;
    }

    /** Couplings and conditioner width per stage, changing the number of stages (Glow levels). */
    public ImageFlowBuilder stages(int[] steps, int[] hidden) {
        options = options.withStages(steps, hidden);
        return this;
    }

    public ImageFlowBuilder gatedBlocks(int blocks) {
        options = options.withGatedBlocks(blocks);
        return this;
    }

    public ImageFlowBuilder uniformDequantization() {
        options = options.withDequantization(Dequantization.UNIFORM, 0, 0);
        return this;
    }

    public ImageFlowBuilder variationalDequantization(int couplings, int hidden) {
        options = options.withDequantization(Dequantization.VARIATIONAL, couplings, hidden);
        return this;
    }

    public ImageFlowBuilder form(CouplingForm form) {
        options = options.withForm(form);
        return this;
    }

    /**
     * The logit's squeeze alpha, in [0, 1): pixels map to {@code logit(alpha/2 + (1 - alpha) y)}. The presets use
     * {@link org.fld4j.core.image.Logit#DEFAULT_ALPHA}; a larger alpha bounds how far into the logit's tails the
     * ends of the pixel range lie.
     */
    public ImageFlowBuilder logitAlpha(double alpha) {
        options = options.withLogitAlpha(alpha);
        return this;
    }

    public ImageFlowBuilder dataType(DataType dataType) {
        options = options.withDataType(dataType);
        return this;
    }

    public ImageFlowBuilder seed(long seed) {
        options = options.withSeed(seed);
        return this;
    }

    /** The validated options collected so far. */
    public ImageFlowOptions options() {
        return options;
    }

    public Flow build() {
        return build(options);
    }

    /** Builds a fresh image flow (every coupling the identity) from validated options. */
    public static Flow build(ImageFlowOptions o) {
        return Flow.of(FlowNetwork.create(o.shape(), o.dataType(), layers(o), o.seed()));
    }

    /** The layers of the flow described by {@code o}, in order. */
    public static List<Transform> layers(ImageFlowOptions o) {
        long[] shape = o.shape();
        DataType type = o.dataType();
        List<Transform> layers = new ArrayList<>();
        layers.add(o.dequantization() == Dequantization.VARIATIONAL
                ? new VariationalDequantization(shape, o.dequantizationCouplings(), o.dequantizationHidden(),
                        o.gatedBlocks(), o.logitAlpha(), 256, type)
                : new UniformDequantization(shape, 256, type));
        layers.add(new Logit(shape, o.logitAlpha(), type));
        if (o.architecture() == ImageFlowOptions.Architecture.MULTISCALE) {
            layers.addAll(multiScale(o));
        } else {
            // Rotations of the 1x1 convolutions get their own seeded stream, apart from the weights.
            layers.addAll(glowLevel(o, 0, shape, new SplittableRandom(o.seed() ^ 0x5DEECE66DL)));
        }
        return layers;
    }

    private static List<Transform> couplings(ImageFlowOptions o, long[] shape, MaskKind mask, int count, int hidden) {
        List<Transform> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(Coupling.image(shape, mask, i % 2 == 1, hidden, o.gatedBlocks(), o.form(), 0, o.dataType()));
        }
        return list;
    }

    private static long[] squeezed(long[] s) {
        return new long[] {4 * s[0], s[1] / 2, s[2] / 2};
    }

    private static List<Transform> multiScale(ImageFlowOptions o) {
        int[] steps = o.steps();
        int[] hidden = o.hidden();
        DataType type = o.dataType();
        long[] s0 = o.shape();
        List<Transform> layers = new ArrayList<>(couplings(o, s0, MaskKind.CHECKERBOARD, steps[0], hidden[0]));
        layers.add(new Squeeze(s0, type));
        long[] s1 = squeezed(s0);
        layers.addAll(couplings(o, s1, MaskKind.CHANNEL, steps[1], hidden[1]));
        long[] kept = {s1[0] / 2, s1[1], s1[2]};
        List<Transform> inner = new ArrayList<>();
        inner.add(new Squeeze(kept, type));
        inner.addAll(couplings(o, squeezed(kept), MaskKind.CHANNEL, steps[2], hidden[2]));
        layers.add(new MultiScaleSplit(s1, inner, type));
        return layers;
    }

    /** One Glow level: squeeze, K steps, then (but for the last level) a split into the next level. */
    private static List<Transform> glowLevel(ImageFlowOptions o, int level, long[] shape, SplittableRandom structure) {
        DataType type = o.dataType();
        List<Transform> layers = new ArrayList<>();
        layers.add(new Squeeze(shape, type));
        long[] s = squeezed(shape);
        int c = Math.toIntExact(s[0]);
        int h = Math.toIntExact(s[1]);
        int w = Math.toIntExact(s[2]);
        for (int k = 0; k < o.steps()[level]; k++) {
            layers.add(new ChannelActNorm(c, h, w, type, false));
            layers.add(Invertible1x1Conv.randomRotation(c, h, w, structure.split(), type));
            layers.add(Coupling.image(s, MaskKind.CHANNEL, k % 2 == 1, o.hidden()[level], o.gatedBlocks(), o.form(),
                    0, type));
        }
        if (level + 1 < o.steps().length) {
            long[] kept = {s[0] / 2, s[1], s[2]};
            layers.add(new MultiScaleSplit(s, glowLevel(o, level + 1, kept, structure), type));
        }
        return layers;
    }
}
