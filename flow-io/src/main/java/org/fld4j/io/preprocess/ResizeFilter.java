package org.fld4j.io.preprocess;

import java.util.Locale;
import java.util.Optional;

/**
 * The reconstruction filters for {@link SizePolicy#RESIZE}, each the kernel of one of Pillow's {@code Image.resize}
 * filters, so that an image resized by fld4j equals, sample for sample, the same 8-bit image resized in Python with
 * {@link #PILLOW_MATCH the Pillow version stated}. Each is a kernel {@code k(t)} with a support radius; when shrinking
 * by a factor {@code s > 1} the kernel is stretched by {@code s} (support and argument both), so every output pixel
 * averages all the input pixels it covers: that is the antialiasing. When enlarging the kernel is used as it is.
 * {@link Resampler} documents the arithmetic.
 *
 * <p>The constant names are the ones users type ({@code --filter triangle}); {@link #pillowName()} is the name of the
 * same filter in Pillow ({@code Image.Resampling.BILINEAR}), and {@link #byPillowName} accepts that name too.
 */
public enum ResizeFilter {
    /** {@code k(t) = 1} for {@code -0.5 < t <= 0.5}: area averaging; Pillow's {@code BOX}. */
    BOX(0.5, "BOX"),
    /** {@code k(t) = 1 - |t|} for {@code |t| < 1}: bilinear interpolation, triangle-averaging when shrinking. */
    TRIANGLE(1.0, "BILINEAR"),
    /** Keys' cubic convolution with {@code a = -0.5} (Catmull-Rom), support 2; Pillow's {@code BICUBIC}. */
    BICUBIC(2.0, "BICUBIC"),
    /** {@code sinc(t) sinc(t / 3)} for {@code -3 <= t < 3}: the sharpest of the four; Pillow's {@code LANCZOS}. */
    LANCZOS3(3.0, "LANCZOS");

    /**
     * The implementation whose output {@link Resampler} reproduces bit for bit, and which the test fixtures were
     * made with: a stable text for descriptions of how images were prepared.
     */
    public static final String PILLOW_MATCH = "Pillow 9.4.0 (Image.resize, 8-bit)";

    private final double support;
    private final String pillowName;

    ResizeFilter(double support, String pillowName) {
        this.support = support;
        this.pillowName = pillowName;
    }

    /** The radius outside which the kernel is zero, before stretching. */
    public double support() {
        return support;
    }

    /** The name of this filter in Pillow's {@code Image.Resampling}, e.g. {@code LANCZOS} for {@link #LANCZOS3}. */
    public String pillowName() {
        return pillowName;
    }

    /**
     * A stable one-line description of the resize this filter gives, e.g.
     * {@code "lanczos3: Pillow LANCZOS, Pillow 9.4.0 (Image.resize, 8-bit)"}.
     */
    public String describe() {
        return name().toLowerCase(Locale.ROOT) + ": Pillow " + pillowName + ", " + PILLOW_MATCH;
    }

    /** The filter that Pillow calls {@code name} (any case), if fld4j has it. */
    public static Optional<ResizeFilter> byPillowName(String name) {
        String key = name.strip().toUpperCase(Locale.ROOT);
        for (ResizeFilter f : values()) {
            if (f.pillowName.equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The kernel's value at {@code t}. The expressions are Pillow's, operation for operation, so that the double
     * results, and from them the fixed-point coefficients, are the same.
     */
    public double weight(double t) {
        return switch (this) {
            case BOX -> (t > -0.5 && t <= 0.5) ? 1.0 : 0.0;
            case TRIANGLE -> triangle(Math.abs(t));
            case BICUBIC -> cubic(Math.abs(t));
            case LANCZOS3 -> (t >= -3.0 && t < 3.0) ? sinc(t) * sinc(t / 3) : 0.0;
        };
    }

    private static double triangle(double a) {
        return a < 1.0 ? 1.0 - a : 0.0;
    }

    private static double cubic(double a) {
        final double k = -0.5;
        if (a < 1.0) {
            return ((k + 2.0) * a - (k + 3.0)) * a * a + 1;
        }
        if (a < 2.0) {
            return (((a - 5) * a + 8) * a - 4) * k;
        }
        return 0.0;
    }

    private static double sinc(double t) {
        if (t == 0.0) {
            return 1.0;
        }
        double x = t * Math.PI;
        return Math.sin(x) / x;
    }
}
