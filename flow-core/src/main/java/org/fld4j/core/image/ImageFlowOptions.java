package org.fld4j.core.image;

import java.util.Arrays;
import org.fld4j.core.coupling.CouplingForm;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Hyper-parameters of an image flow, validated on construction; start from
 * {@link ImagePreset#options} and change what differs.
 *
 * <p>{@link Architecture#MULTISCALE} (fld-paper, small): {@code steps = {a, b, c}} means a checkerboard
 * couplings at C x H x W, squeeze, b channel couplings, split, squeeze, c channel couplings;
 * {@code hidden} gives the conditioner width of each of the three stages. {@link Architecture#GLOW}:
 * one stage per level, each a squeeze and {@code steps[l]} steps of ActNorm, invertible 1x1
 * convolution and channel coupling, with a split after every level but the last.
 *
 * @param channels                C
 * @param height                  H (divisible by 4, or by 2^levels for Glow)
 * @param width                   W (likewise)
 * @param architecture            the layout
 * @param steps                   couplings per stage
 * @param hidden                  conditioner channels per stage
 * @param gatedBlocks             gated blocks per conditioner network
 * @param dequantization          uniform or variational
 * @param dequantizationCouplings couplings of the variational dequantizer (ignored for uniform)
 * @param dequantizationHidden    their conditioner channels (ignored for uniform)
 * @param logitAlpha              the logit's squeeze alpha, in [0, 1)
 * @param form                    how the couplings apply scale and shift
 * @param dataType                FLOAT or DOUBLE
 * @param seed                    seed of the initial weights
 */
public record ImageFlowOptions(int channels, int height, int width, Architecture architecture, int[] steps,
                               int[] hidden, int gatedBlocks, Dequantization dequantization,
                               int dequantizationCouplings, int dequantizationHidden, double logitAlpha,
                               CouplingForm form, DataType dataType, long seed) {

    /** The two layouts fld4j builds. */
    public enum Architecture {
        /** The official FLD multi-scale layout (checkerboard, squeeze, channel, split, squeeze, channel). */
        MULTISCALE,
        /** Glow's levels of ActNorm, invertible 1x1 convolution and coupling. */
        GLOW
    }

    public ImageFlowOptions {
        require(channels >= 1, "channels", channels, "must be >= 1");
        require(architecture != null, "architecture", null, "must not be null");
        require(steps != null && hidden != null && steps.length == hidden.length && steps.length >= 1, "steps/hidden",
                Arrays.toString(steps) + " / " + Arrays.toString(hidden), "must be non-empty and of equal length");
        steps = steps.clone();
        hidden = hidden.clone();
        if (architecture == Architecture.MULTISCALE) {
            require(steps.length == 3, "steps", Arrays.toString(steps), "must have 3 stages for the multi-scale layout");
        }
        int factor = architecture == Architecture.MULTISCALE ? 4 : 1 << steps.length;
        require(height >= factor && height % factor == 0, "height", height, "must be a positive multiple of " + factor);
        require(width >= factor && width % factor == 0, "width", width, "must be a positive multiple of " + factor);
        for (int i = 0; i < steps.length; i++) {
            require(steps[i] >= 1, "steps[" + i + "]", steps[i], "must be >= 1");
            require(hidden[i] >= 1, "hidden[" + i + "]", hidden[i], "must be >= 1");
        }
        require(gatedBlocks >= 0, "gatedBlocks", gatedBlocks, "must be >= 0");
        require(dequantization != null, "dequantization", null, "must not be null");
        if (dequantization == Dequantization.VARIATIONAL) {
            require(dequantizationCouplings >= 1, "dequantizationCouplings", dequantizationCouplings, "must be >= 1");
            require(dequantizationHidden >= 1, "dequantizationHidden", dequantizationHidden, "must be >= 1");
        }
        require(logitAlpha >= 0 && logitAlpha < 1, "logitAlpha", logitAlpha, "must be in [0, 1)");
        require(form != null, "form", null, "must not be null");
        require(dataType == DataType.FLOAT || dataType == DataType.DOUBLE, "dataType", dataType, "must be FLOAT or DOUBLE");
    }

    private static void require(boolean ok, String option, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("option " + option + " " + rule + ", got " + value);
        }
    }

    @Override
    public int[] steps() {
        return steps.clone();
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** The sample shape {@code [C, H, W]}. */
    public long[] shape() {
        return new long[] {channels, height, width};
    }

    public ImageFlowOptions withSteps(int... newSteps) {
        return new ImageFlowOptions(channels, height, width, architecture, newSteps, hidden, gatedBlocks, dequantization,
                dequantizationCouplings, dequantizationHidden, logitAlpha, form, dataType, seed);
    }

    public ImageFlowOptions withHidden(int... newHidden) {
        return new ImageFlowOptions(channels, height, width, architecture, steps, newHidden, gatedBlocks, dequantization,
                dequantizationCouplings, dequantizationHidden, logitAlpha, form, dataType, seed);
    }

    /** Changes the number of stages (Glow levels) together: couplings and conditioner width per stage. */
    public ImageFlowOptions withStages(int[] newSteps, int[] newHidden) {
        return new ImageFlowOptions(channels, height, width, architecture, newSteps, newHidden, gatedBlocks, dequantization,
                dequantizationCouplings, dequantizationHidden, logitAlpha, form, dataType, seed);
    }

    public ImageFlowOptions withGatedBlocks(int blocks) {
        return new ImageFlowOptions(channels, height, width, architecture, steps, hidden, blocks, dequantization,
                dequantizationCouplings, dequantizationHidden, logitAlpha, form, dataType, seed);
    }

    /** Uniform, or variational with the given couplings and width. */
    public ImageFlowOptions withDequantization(Dequantization kind, int couplings, int hiddenChannels) {
        return new ImageFlowOptions(channels, height, width, architecture, steps, hidden, gatedBlocks, kind,
                couplings, hiddenChannels, logitAlpha, form, dataType, seed);
    }

    public ImageFlowOptions withForm(CouplingForm newForm) {
        return new ImageFlowOptions(channels, height, width, architecture, steps, hidden, gatedBlocks, dequantization,
                dequantizationCouplings, dequantizationHidden, logitAlpha, newForm, dataType, seed);
    }

    /** The logit's squeeze alpha (see {@link Logit}); the variational dequantization flow uses it too. */
    public ImageFlowOptions withLogitAlpha(double alpha) {
        return new ImageFlowOptions(channels, height, width, architecture, steps, hidden, gatedBlocks, dequantization,
                dequantizationCouplings, dequantizationHidden, alpha, form, dataType, seed);
    }

    public ImageFlowOptions withDataType(DataType type) {
        return new ImageFlowOptions(channels, height, width, architecture, steps, hidden, gatedBlocks, dequantization,
                dequantizationCouplings, dequantizationHidden, logitAlpha, form, type, seed);
    }

    public ImageFlowOptions withSeed(long newSeed) {
        return new ImageFlowOptions(channels, height, width, architecture, steps, hidden, gatedBlocks, dequantization,
                dequantizationCouplings, dequantizationHidden, logitAlpha, form, dataType, newSeed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageFlowOptions x && x.channels == channels && x.height == height && x.width == width
                && x.architecture == architecture && Arrays.equals(x.steps, steps) && Arrays.equals(x.hidden, hidden)
                && x.gatedBlocks == gatedBlocks && x.dequantization == dequantization
                && x.dequantizationCouplings == dequantizationCouplings && x.dequantizationHidden == dequantizationHidden
                && Double.compare(x.logitAlpha, logitAlpha) == 0 && x.form == form && x.dataType == dataType
                && x.seed == seed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {channels, height, width, architecture, Arrays.hashCode(steps),
            Arrays.hashCode(hidden), gatedBlocks, dequantization, dequantizationCouplings, dequantizationHidden,
            logitAlpha, form, dataType, seed});
    }

    @Override
    public String toString() {
        return "ImageFlowOptions[" + channels + "x" + height + "x" + width + ", " + architecture + ", steps="
                + Arrays.toString(steps) + ", hidden=" + Arrays.toString(hidden) + ", gatedBlocks=" + gatedBlocks
                + ", " + dequantization + (dequantization == Dequantization.VARIATIONAL
                ? "(" + dequantizationCouplings + "x" + dequantizationHidden + ")" : "") + ", alpha=" + logitAlpha
                + ", " + form + ", " + dataType + ", seed=" + seed + "]";
    }
}
