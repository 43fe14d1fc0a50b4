package org.fld4j.core.coupling;

import org.fld4j.core.transform.ImageShapes;

/**
 * Binary masks over a {@code [C, H, W]} sample: 1 marks a value that conditions the coupling (and
 * passes unchanged), 0 one that is transformed. Built from the sample shape, so any size works.
 */
public final class ImageMask {

    private ImageMask() {
    }

    /**
     * The mask as a C-ordered array of length {@code C*H*W}.
     *
     * @param inverted swap the roles of conditioning and transformed values (alternate layers do)
     */
    public static double[] values(MaskKind kind, long[] shape, boolean inverted) {
        long[] s = ImageShapes.checkChw(shape, "mask");
        int c = Math.toIntExact(s[0]);
        int h = Math.toIntExact(s[1]);
        int w = Math.toIntExact(s[2]);
        if (kind == MaskKind.CHANNEL && c < 2) {
            throw new IllegalArgumentException("a channel mask needs at least 2 channels, got shape ["
                    + c + ", " + h + ", " + w + "]");
        }
        double[] mask = new double[c * h * w];
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    boolean condition = kind == MaskKind.CHECKERBOARD ? (i + j) % 2 == 1 : ch < c / 2;
                    mask[(ch * h + i) * w + j] = condition != inverted ? 1 : 0;
                }
            }
        }
        return mask;
    }
}
