package org.fld4j.io.preprocess;

import java.util.Objects;
import org.fld4j.io.UInt8Image;

/**
 * Resizes 8-bit images with a separable convolution: first along rows, then along columns, each output pixel a
 * normalised weighted sum of the input pixels under the (stretched, when shrinking) {@link ResizeFilter} kernel.
 *
 * <p>Coordinates are pixel centres: output pixel {@code i} sits at input position {@code (i + 0.5) * in / out},
 * input pixel {@code j} at {@code j + 0.5}. Near the border the kernel is cut to the pixels that exist and the
 * weights re-normalised, so no value from outside the image is invented. The intermediate result is kept in double
 * precision and rounded once at the end (half up, clamped to 0..255). Consequences that the tests check by hand:
 * a constant image stays exactly constant for every filter, and a 2x shrink with {@link ResizeFilter#BOX} is the
 * exact mean of each 2x2 block.
 */
public final class Resampler {

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
        int inH = image.height();
        int inW = image.width();
        ResampleKernel horizontal = kernel(inW, width);
        ResampleKernel vertical = kernel(inH, height);
        double[] rows = new double[c * inH * width];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < inH; y++) {
                int inBase = (ch * inH + y) * inW;
                int outBase = (ch * inH + y) * width;
                for (int x = 0; x < width; x++) {
                    double sum = 0;
                    int first = horizontal.first()[x];
                    double[] w = horizontal.weights()[x];
                    for (int k = 0; k < w.length; k++) {
                        sum += w[k] * image.sample(inBase + first + k);
                    }
                    rows[outBase + x] = sum;
                }
            }
        }
        byte[] out = new byte[c * height * width];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < height; y++) {
                int first = vertical.first()[y];
                double[] w = vertical.weights()[y];
                for (int x = 0; x < width; x++) {
                    double sum = 0;
                    for (int k = 0; k < w.length; k++) {
                        sum += w[k] * rows[(ch * inH + first + k) * width + x];
                    }
                    out[(ch * height + y) * width + x] = (byte) round(sum);
                }
            }
        }
        return UInt8Image.adopt(c, height, width, out);
    }

    private static int round(double v) {
        int r = (int) Math.floor(v + 0.5);
        return Math.max(0, Math.min(255, r));
    }

    private ResampleKernel kernel(int in, int out) {
        double scale = (double) in / out;
        double stretch = Math.max(1.0, scale); // > 1 only when shrinking: the antialiasing
        double support = filter.support() * stretch;
        int[] first = new int[out];
        double[][] weights = new double[out][];
        for (int i = 0; i < out; i++) {
            double center = (i + 0.5) * scale;
            int lo = Math.max(0, (int) Math.floor(center - support + 0.5));
            int hi = Math.min(in, (int) Math.floor(center + support + 0.5));
            double[] w = new double[Math.max(0, hi - lo)];
            double total = 0;
            for (int j = lo; j < hi; j++) {
                double value = filter.weight((j + 0.5 - center) / stretch);
                w[j - lo] = value;
                total += value;
            }
            if (total == 0) {
                // Can only happen for a degenerate window; fall back to the nearest pixel.
                int nearest = Math.min(in - 1, Math.max(0, (int) Math.floor(center)));
                first[i] = nearest;
                weights[i] = new double[] {1.0};
                continue;
            }
            for (int k = 0; k < w.length; k++) {
                w[k] /= total;
            }
            first[i] = lo;
            weights[i] = w;
        }
        return new ResampleKernel(first, weights);
    }
}
