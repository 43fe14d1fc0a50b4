package org.fld4j.core.image;

import org.fld4j.core.coupling.CouplingForm;
import org.nd4j.linalg.api.buffer.DataType;

/** Ready-made image flow architectures, each with its training recipe. */
public enum ImagePreset {

    /**
     * The official FLD flow (SPEC §3): variational dequantization (4 couplings, hidden 16), logit,
     * 2 checkerboard couplings (hidden 32), squeeze, 2 channel couplings (hidden 48), split, squeeze,
     * 4 channel couplings (hidden 64); gated conv nets with 3 blocks. 1,943,646 parameters at
     * 3 x 256 x 256.
     */
    FLD_PAPER("fld-paper"),
    /**
     * Glow: 3 levels of (squeeze, 8 x [ActNorm, invertible 1x1 convolution, channel coupling]),
     * splitting half of the channels after every level but the last; uniform dequantization;
     * conditioners are 1-block gated conv nets of 64 channels. Needs H and W divisible by 8.
     */
    GLOW("glow"),
    /**
     * The fld-paper layout at a fraction of the cost, for tests, demos and small data sets: uniform
     * dequantization, 2 + 2 + 2 couplings with 16-channel, 1-block gated conv nets.
     */
    SMALL("small");

    private final String id;

    ImagePreset(String id) {
        this.id = id;
    }

    /** The preset's name as users type it ({@code fld-paper}, {@code glow}, {@code small}). */
    public String id() {
        return id;
    }

    /** The preset with this {@link #id()} (or enum name), with an error that lists the known ones. */
    public static ImagePreset parse(String name) {
        for (ImagePreset p : values()) {
            if (p.id.equalsIgnoreCase(name) || p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown image flow preset '" + name + "' (known: fld-paper, glow, small)");
    }

    /** The preset's architecture for images of shape C x H x W, float32, seed 0. */
    public ImageFlowOptions options(int channels, int height, int width) {
        return switch (this) {
            case FLD_PAPER -> new ImageFlowOptions(channels, height, width, ImageFlowOptions.Architecture.MULTISCALE,
                    new int[] {2, 2, 4}, new int[] {32, 48, 64}, 3, Dequantization.VARIATIONAL, 4, 16,
                    Logit.DEFAULT_ALPHA, CouplingForm.FLD, DataType.FLOAT, 0L);
            case GLOW -> new ImageFlowOptions(channels, height, width, ImageFlowOptions.Architecture.GLOW,
                    new int[] {8, 8, 8}, new int[] {64, 64, 64}, 1, Dequantization.UNIFORM, 0, 0,
                    Logit.DEFAULT_ALPHA, CouplingForm.AFFINE, DataType.FLOAT, 0L);
            case SMALL -> new ImageFlowOptions(channels, height, width, ImageFlowOptions.Architecture.MULTISCALE,
                    new int[] {2, 2, 2}, new int[] {16, 16, 16}, 1, Dequantization.UNIFORM, 0, 0,
                    Logit.DEFAULT_ALPHA, CouplingForm.FLD, DataType.FLOAT, 0L);
        };
    }
}
