package org.fld4j.io.preprocess;

import java.util.Objects;
import org.fld4j.io.UInt8Image;

/**
 * Resizes 8-bit images exactly as Pillow's {@code Image.resize} does for 8-bit images with the same filter
 * ({@link ResizeFilter#PILLOW_MATCH}), so that images reach a reference the same way from Java and from Python.
 *
 * <p>The resize is separable and done in Pillow's order and arithmetic: first each row is resampled to the new width,
 * then each column of that result to the new height; a pass whose size does not change is skipped. Each output sample
 * is a weighted sum of input samples with fixed-point weights (22 fraction bits, worked out as Pillow does),
 * accumulated in an {@code int} that starts at one half, shifted right by 22 bits and clipped to 0..255. The row pass
 * therefore rounds and clips to 8 bits before the column pass reads it: a kernel's overshoot near an edge is cut
 * after the first pass, not carried into the second, which is why a double-precision resampler differs from Pillow.
 *
 * <p>Consequences that the tests check: the output equals Pillow's for {@link ResizeFilter#BOX}, {@code TRIANGLE}
 * (Pillow's BILINEAR), {@code BICUBIC} and {@code LANCZOS3} (Pillow's LANCZOS), shrinking and enlarging, gray and RGB;
 * a constant image stays constant.
 */
public final class Resampler {

    private static final int HALF = 1 << (ResampleKernel.PRECISION_BITS - 1);

    private final ResizeFilter filter;

    /** A resampler with {@code filter}. */
    public Resampler(ResizeFilter filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /** {@code image} resized to {@code height x width}; the same object when it already has that size. */
    public UInt8Image resize(UInt8Image image, int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("target size must be >= 1x1: " + height + "x" + width);
        }
        if (image.height() == height && image.width() == width) {
            return image;
        }
        int c = image.channels();
        byte[] samples = image.toByteArray();
        int h = image.height();
        int w = image.width();
        if (w != width) {
            samples = resampleRows(samples, c * h, w, ResampleKernel.of(filter, w, width));
            w = width;
        }
        if (h != height) {
            samples = resampleColumns(samples, c, h, w, ResampleKernel.of(filter, h, height));
        }
        return UInt8Image.adopt(c, height, width, samples);
    }

    /** Every one of {@code rows} rows of {@code inWidth} samples resampled to the kernel's output width. */
    private static byte[] resampleRows(byte[] in, int rows, int inWidth, ResampleKernel kernel) {
        int outWidth = kernel.first().length;
        byte[] out = new byte[rows * outWidth];
        for (int r = 0; r < rows; r++) {
            int inBase = r * inWidth;
            int outBase = r * outWidth;
            for (int x = 0; x < outWidth; x++) {
                int[] k = kernel.coefficients()[x];
                int from = inBase + kernel.first()[x];
                int sum = HALF;
                for (int j = 0; j < k.length; j++) {
                    sum += (in[from + j] & 0xFF) * k[j];
                }
                out[outBase + x] = clip(sum);
            }
        }
        return out;
    }

    /** Every column of each of {@code channels} planes of {@code inHeight x width} resampled to the output height. */
    private static byte[] resampleColumns(byte[] in, int channels, int inHeight, int width, ResampleKernel kernel) {
        int outHeight = kernel.first().length;
        byte[] out = new byte[channels * outHeight * width];
        for (int ch = 0; ch < channels; ch++) {
            int plane = ch * inHeight * width;
            for (int y = 0; y < outHeight; y++) {
                int[] k = kernel.coefficients()[y];
                int from = plane + kernel.first()[y] * width;
                int outBase = (ch * outHeight + y) * width;
                for (int x = 0; x < width; x++) {
                    int sum = HALF;
                    for (int j = 0; j < k.length; j++) {
                        sum += (in[from + j * width + x] & 0xFF) * k[j];
                    }
                    out[outBase + x] = clip(sum);
                }
            }
        }
        return out;
    }

    /** The fixed-point sum as a sample: the integer part, clipped to 0..255. */
    private static byte clip(int sum) {
        return (byte) Math.max(0, Math.min(255, sum >> ResampleKernel.PRECISION_BITS));
    }
}
