package org.fld4j.io;

import java.util.Objects;

/**
 * What can be learned about an image cheaply, without decoding its pixels: from a file's header, or from the shape
 * of the array it sits in. Used by the pre-flight summary.
 *
 * @param format        the container format, e.g. {@code PNG}, {@code JPEG}, {@code NPY}, {@code IDX}
 * @param width         columns
 * @param height        rows
 * @param colorChannels colour channels before any alpha: 1 for gray, 3 for colour (CMYK and other colour spaces
 *                      count as 3, since they are converted to RGB)
 * @param alpha         whether there is an alpha channel (it will be dropped)
 * @param bitsPerSample stored bits per sample, e.g. 8 or 16
 */
public record ImageHeader(String format, int width, int height, int colorChannels, boolean alpha,
                          int bitsPerSample) {

    /** Validates the numbers. */
    public ImageHeader {
        Objects.requireNonNull(format, "format");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be >= 1: " + width + "x" + height);
        }
        if (colorChannels != 1 && colorChannels != 3) {
            throw new IllegalArgumentException("colorChannels must be 1 or 3: " + colorChannels);
        }
        if (bitsPerSample < 1 || bitsPerSample > 64) {
            throw new IllegalArgumentException("bitsPerSample must be in 1..64: " + bitsPerSample);
        }
    }

    /** Whether the image is grayscale. */
    public boolean isGray() {
        return colorChannels == 1;
    }
}
