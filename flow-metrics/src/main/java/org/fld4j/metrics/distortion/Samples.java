package org.fld4j.metrics.distortion;

/** Turning computed values back into 8-bit samples. */
final class Samples {

    private Samples() {
    }

    /**
     * The nearest integer to {@code value} (halves round up), clipped to {@code 0..255}, as a byte to be read
     * unsigned.
     */
    static byte roundAndClip(double value) {
        long rounded = Math.round(value);
        return (byte) (rounded < 0 ? 0 : rounded > 255 ? 255 : rounded);
    }
}
