package org.fld4j.io.preprocess;

/**
 * The reconstruction filters for {@link SizePolicy#RESIZE}. Each is a kernel {@code k(t)} with a support radius; when
 * shrinking by a factor {@code s > 1} the kernel is stretched by {@code s} (support and argument both), so every
 * output pixel averages all the input pixels it covers: that is the antialiasing. When enlarging the kernel is used
 * as it is.
 */
public enum ResizeFilter {
    /** {@code k(t) = 1} for {@code -0.5 <= t < 0.5}: area averaging. A 2x shrink averages 2x2 blocks exactly. */
    BOX(0.5),
    /** {@code k(t) = 1 - |t|} for {@code |t| < 1}: bilinear interpolation, triangle-averaging when shrinking. */
    TRIANGLE(1.0),
    /** Keys' cubic convolution with {@code a = -0.5} (Catmull-Rom), support 2. */
    BICUBIC(2.0),
    /** {@code sinc(t) sinc(t / 3)} for {@code |t| < 3}: the sharpest of the four. */
    LANCZOS3(3.0);

    private final double support;

    ResizeFilter(double support) {
        this.support = support;
    }

    /** The radius outside which the kernel is zero, before stretching. */
    public double support() {
        return support;
    }

    /** The kernel's value at {@code t}. */
    public double weight(double t) {
        double a = Math.abs(t);
        return switch (this) {
            case BOX -> (t >= -0.5 && t < 0.5) ? 1.0 : 0.0;
            case TRIANGLE -> a < 1.0 ? 1.0 - a : 0.0;
            case BICUBIC -> cubic(a);
            case LANCZOS3 -> a < 3.0 ? sinc(t) * sinc(t / 3.0) : 0.0;
        };
    }

    private static double cubic(double a) {
        final double k = -0.5;
        if (a < 1.0) {
            return ((k + 2.0) * a - (k + 3.0)) * a * a + 1.0;
        }
        if (a < 2.0) {
            return (((a - 5.0) * a + 8.0) * a - 4.0) * k;
        }
        return 0.0;
    }

    private static double sinc(double t) {
        if (t == 0.0) {
            return 1.0;
        }
        double x = Math.PI * t;
        return Math.sin(x) / x;
    }
}
