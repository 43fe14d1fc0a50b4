package org.fld4j.metrics.distortion;

/**
 * Validation of distortion parameters, with messages that name the parameter, the allowed range and the value
 * given, e.g. {@code sigma must be in [0, 255]: 300}.
 */
final class ParameterCheck {

    private ParameterCheck() {
    }

    /** {@code value} itself, if it is a finite number in {@code [min, max]}. */
    static double inRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + NumberText.of(min) + ", "
                    + NumberText.of(max) + "]: " + NumberText.of(value));
        }
        return value;
    }

    /** {@code value} itself, if it is an integer in {@code [min, max]}. */
    static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + value);
        }
        return value;
    }

    /** {@code value} as an int, if it is a whole number in {@code [min, max]} (levels are doubles). */
    static int wholeInRange(String name, double value, int min, int max) {
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(name + " must be a whole number: " + NumberText.of(value));
        }
        return (int) inRange(name, value, min, max);
    }
}
