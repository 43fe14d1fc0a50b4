package org.fld4j.io.preprocess;

/**
 * The fixed-point weights of one resampling pass (rows or columns) from {@code in} to {@code out} samples, computed
 * once per image size and reused for every row or column.
 *
 * <p>The weights are worked out as Pillow's {@code Image.resize} does for 8-bit images: output sample {@code i} is
 * centred at input position {@code c = (i + 0.5) * in / out}; the kernel is stretched by {@code s = max(1, in / out)};
 * it reads the inputs {@code j} from {@code trunc(c - r + 0.5)} to {@code trunc(c + r + 0.5)} (exclusive, clipped to
 * the image) with {@code r} the stretched support, each with weight {@code k((j - c + 0.5) / s)}; the weights are
 * divided by their sum and then rounded, half away from zero, to multiples of {@code 2^-PRECISION_BITS}.
 *
 * @param first        for each output position, the first input index it reads
 * @param coefficients for each output position, the weights of the input samples from {@code first} on, as integers
 *                     in units of {@code 2^-PRECISION_BITS}
 */
record ResampleKernel(int[] first, int[][] coefficients) {

    /**
     * Fraction bits of the fixed-point weights: 32 bits minus 8 for the sample, minus 2 so that sums of negative lobes
     * or of weights above one still fit an {@code int}.
     */
    static final int PRECISION_BITS = 32 - 8 - 2;

    /** The weights for resampling {@code in} samples to {@code out} with {@code filter}. */
    static ResampleKernel of(ResizeFilter filter, int in, int out) {
        double scale = (double) in / out;
        double stretch = Math.max(1.0, scale); // > 1 only when shrinking: the antialiasing
        double support = filter.support() * stretch;
        double inverseStretch = 1.0 / stretch;
        int[] first = new int[out];
        int[][] coefficients = new int[out][];
        for (int i = 0; i < out; i++) {
            double center = (i + 0.5) * scale;
            // (int) truncates towards zero as Pillow's C cast does; the clip to 0 makes that the same as floor here
            int lo = Math.max(0, (int) (center - support + 0.5));
            int hi = Math.min(in, (int) (center + support + 0.5));
            int n = Math.max(0, hi - lo);
            double[] w = new double[n];
            double total = 0.0;
            for (int k = 0; k < n; k++) {
                w[k] = filter.weight((k + lo - center + 0.5) * inverseStretch);
                total += w[k];
            }
            int[] fixed = new int[n];
            for (int k = 0; k < n; k++) {
                // a window whose weights sum to zero keeps them undivided, as in Pillow
                double normalised = total != 0.0 ? w[k] / total : w[k];
                fixed[k] = toFixed(normalised);
            }
            first[i] = lo;
            coefficients[i] = fixed;
        }
        return new ResampleKernel(first, coefficients);
    }

    /** {@code w} in units of {@code 2^-PRECISION_BITS}, rounded half away from zero. */
    static int toFixed(double w) {
        double scaled = w * (1 << PRECISION_BITS);
        return (int) (w < 0 ? -0.5 + scaled : 0.5 + scaled);
    }
}
