package org.fld4j.io;

/**
 * The shape of one image: channels, rows, columns.
 *
 * @param channels 1 (gray) or 3 (RGB)
 * @param height   rows, at least 1
 * @param width    columns, at least 1
 */
public record ImageShape(int channels, int height, int width) {

    /** Validates the numbers. */
    public ImageShape {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3: " + channels);
        }
        if (height < 1) {
            throw new IllegalArgumentException("height must be >= 1: " + height);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1: " + width);
        }
        if ((long) channels * height * width > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image of " + channels + "x" + height + "x" + width
                    + " has too many samples for one Java array");
        }
    }

    /** {@code channels * height * width}. */
    public int sampleCount() {
        return channels * height * width;
    }

    /** {@code CxHxW}, e.g. {@code 3x32x32}. */
    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
