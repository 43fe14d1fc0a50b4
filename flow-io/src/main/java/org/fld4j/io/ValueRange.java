package org.fld4j.io;

/**
 * The range that the numbers in an in-memory or NPY array are meant to cover. Always declared by the caller:
 * an array of floats that all happen to lie in 0..1 could still be 0..255 data of a very dark image, so the range is
 * never guessed from the values.
 *
 * <p>Conversion to 8 bits maps the range linearly onto 0..255 and rounds to the nearest integer, halves rounding
 * up ({@code floor(v + 0.5)}): UNIT {@code 0.5 -> 127.5 -> 128}, SIGNED {@code 0.0 -> 127.5 -> 128}. A value outside
 * the range, NaN or infinite is refused, never clamped, because it means the declared range is wrong.
 */
public enum ValueRange {
    /** 0..255, the 8-bit values themselves (non-integers are rounded). */
    UINT8(0.0, 255.0),
    /** 0..1, as most image libraries produce after dividing by 255. */
    UNIT(0.0, 1.0),
    /** -1..1, as generators with a tanh output produce. */
    SIGNED(-1.0, 1.0);

    private final double low;
    private final double high;

    ValueRange(double low, double high) {
        this.low = low;
        this.high = high;
    }

    /** The smallest allowed value. */
    public double low() {
        return low;
    }

    /** The largest allowed value. */
    public double high() {
        return high;
    }

    /** Whether {@code value} is a finite number inside {@code [low, high]}. */
    public boolean contains(double value) {
        return value >= low && value <= high; // false for NaN
    }

    /**
     * Maps {@code value} to 0..255 and rounds half up.
     *
     * @throws IllegalArgumentException if the value is NaN, infinite or outside the range; callers that know the
     *                                  image turn this into an {@link ImageInputException} naming it
     */
    public int toUint8(double value) {
        if (!contains(value)) {
            throw new IllegalArgumentException("value " + value + " is outside the declared range " + this
                    + " [" + low + ", " + high + "]");
        }
        double scaled = (value - low) * (255.0 / (high - low));
        int rounded = (int) Math.floor(scaled + 0.5);
        // (value - low) * 255 / span can exceed 255 by an ulp at value == high; the range check above makes
        // anything beyond that impossible.
        return Math.min(255, Math.max(0, rounded));
    }
}
