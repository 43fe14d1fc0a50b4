package org.fld4j.metrics.interop;

import java.util.Arrays;
import org.fld4j.core.coupling.CouplingForm;
import org.fld4j.core.image.Dequantization;
import org.fld4j.core.image.ImageFlowOptions;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The configuration of FLD's PyTorch image flow that its {@code state_dict} keys do not spell out, validated: what
 * the JSON half of an exported pair holds. The layout is always the official one (dequantization, {@code steps[0]}
 * checkerboard couplings, squeeze, {@code steps[1]} channel couplings, split, squeeze, {@code steps[2]} channel
 * couplings, all in the FLD coupling form); the official flow is 3 x 256 x 256 with steps {2, 2, 4}, hidden
 * {32, 48, 64}, 3 gated blocks and variational dequantization of 4 couplings of width 16.
 *
 * @param stateDictPrefix         the name of the model's module list of layers ({@code flow_layers} in FLD's code)
 * @param channels                C
 * @param height                  H, a multiple of 4
 * @param width                   W, a multiple of 4
 * @param steps                   couplings per stage (3 stages)
 * @param hidden                  conditioner channels per stage
 * @param gatedBlocks             gated blocks per conditioner network, the dequantizer's included
 * @param dequantization          uniform or variational
 * @param dequantizationCouplings couplings of the variational dequantizer (0 for uniform)
 * @param dequantizationHidden    their conditioner channels (0 for uniform)
 * @param alpha                   the logit's squeeze, in [0, 1)
 * @param quants                  pixel levels; fld4j's image flows take 256
 */
public record TorchFlowConfig(String stateDictPrefix, int channels, int height, int width, int[] steps, int[] hidden,
                              int gatedBlocks, Dequantization dequantization, int dequantizationCouplings,
                              int dequantizationHidden, double alpha, int quants) {

    /** The name of the module list in FLD's {@code ImageFlow}. */
    public static final String OFFICIAL_PREFIX = "flow_layers";

    public TorchFlowConfig {
        require(stateDictPrefix != null && stateDictPrefix.matches("[A-Za-z_][A-Za-z0-9_]*"), "state_dict_prefix",
                stateDictPrefix, "must be a Python identifier");
        require(channels >= 1, "channels", channels, "must be >= 1");
        require(height >= 4 && height % 4 == 0, "height", height, "must be a positive multiple of 4");
        require(width >= 4 && width % 4 == 0, "width", width, "must be a positive multiple of 4");
        require(steps != null && steps.length == 3 && Arrays.stream(steps).allMatch(s -> s >= 1), "steps",
                Arrays.toString(steps), "must be 3 counts >= 1");
        require(hidden != null && hidden.length == 3 && Arrays.stream(hidden).allMatch(h -> h >= 1), "hidden",
                Arrays.toString(hidden), "must be 3 widths >= 1");
        require(gatedBlocks >= 0, "gated_blocks", gatedBlocks, "must be >= 0");
        require(dequantization != null, "dequantization", null, "must be uniform or variational");
        if (dequantization == Dequantization.VARIATIONAL) {
            require(dequantizationCouplings >= 1, "dequantization_couplings", dequantizationCouplings, "must be >= 1");
            require(dequantizationHidden >= 1, "dequantization_hidden", dequantizationHidden, "must be >= 1");
        } else {
            require(dequantizationCouplings == 0 && dequantizationHidden == 0, "dequantization_couplings/hidden",
                    dequantizationCouplings + "/" + dequantizationHidden, "must be 0 for uniform dequantization");
        }
        require(alpha >= 0 && alpha < 1, "alpha", alpha, "must be in [0, 1)");
        require(quants == 256, "quants", quants, "must be 256 (fld4j's image flows take 8-bit pixels)");
        steps = steps.clone();
        hidden = hidden.clone();
    }

    private static void require(boolean ok, String field, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("unsupported configuration: " + field + " " + rule + ", got " + value);
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

    /** The fld4j options of the same flow, float32 (the official weights' precision), seed 0. */
    public ImageFlowOptions toOptions() {
        return new ImageFlowOptions(channels, height, width, ImageFlowOptions.Architecture.MULTISCALE, steps, hidden,
                gatedBlocks, dequantization, dequantizationCouplings, dequantizationHidden, alpha, CouplingForm.FLD,
                DataType.FLOAT, 0L);
    }

    /**
     * The configuration of an fld4j flow built from {@code o}, named with the official module list.
     *
     * @throws IllegalArgumentException if PyTorch's flow cannot have that layout (Glow, the RealNVP coupling form,
     *                                  pixel levels other than 256)
     */
    public static TorchFlowConfig of(ImageFlowOptions o) {
        require(o.architecture() == ImageFlowOptions.Architecture.MULTISCALE, "architecture", o.architecture(),
                "must be the multi-scale FLD layout");
        require(o.form() == CouplingForm.FLD, "coupling form", o.form(), "must be FLD, (x + t) e^s");
        boolean variational = o.dequantization() == Dequantization.VARIATIONAL;
        return new TorchFlowConfig(OFFICIAL_PREFIX, o.channels(), o.height(), o.width(), o.steps(), o.hidden(),
                o.gatedBlocks(), o.dequantization(), variational ? o.dequantizationCouplings() : 0,
                variational ? o.dequantizationHidden() : 0, o.logitAlpha(), 256);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TorchFlowConfig x && x.stateDictPrefix.equals(stateDictPrefix) && x.channels == channels
                && x.height == height && x.width == width && Arrays.equals(x.steps, steps)
                && Arrays.equals(x.hidden, hidden) && x.gatedBlocks == gatedBlocks
                && x.dequantization == dequantization && x.dequantizationCouplings == dequantizationCouplings
                && x.dequantizationHidden == dequantizationHidden && Double.compare(x.alpha, alpha) == 0
                && x.quants == quants;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {stateDictPrefix, channels, height, width, Arrays.hashCode(steps),
            Arrays.hashCode(hidden), gatedBlocks, dequantization, dequantizationCouplings, dequantizationHidden, alpha,
            quants});
    }

    @Override
    public String toString() {
        return "TorchFlowConfig[" + stateDictPrefix + ", " + channels + "x" + height + "x" + width + ", steps="
                + Arrays.toString(steps) + ", hidden=" + Arrays.toString(hidden) + ", gatedBlocks=" + gatedBlocks
                + ", " + dequantization + (dequantization == Dequantization.VARIATIONAL
                ? "(" + dequantizationCouplings + "x" + dequantizationHidden + ")" : "") + ", alpha=" + alpha
                + ", quants=" + quants + "]";
    }
}
