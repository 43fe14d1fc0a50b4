package org.fld4j.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * One image of unsigned 8-bit samples in channel-major (C x H x W) order: the single in-memory form that every
 * source decodes to and every preprocessing step works on.
 *
 * <p>Immutable: the constructor and {@link #toByteArray()} copy, so a caller can never change an image that a
 * stream or a cache still holds.
 */
public final class UInt8Image {

    private final int channels;
    private final int height;
    private final int width;
    private final byte[] pixels;

    /**
     * @param channels 1 (grayscale) or 3 (RGB)
     * @param height   rows, at least 1
     * @param width    columns, at least 1
     * @param pixels   {@code channels * height * width} samples, index {@code (c * height + y) * width + x},
     *                 read as unsigned; copied
     */
    public UInt8Image(int channels, int height, int width, byte[] pixels) {
        this(channels, height, width, Objects.requireNonNull(pixels, "pixels").clone(), true);
    }

    private UInt8Image(int channels, int height, int width, byte[] pixels, boolean validated) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3: " + channels);
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("height and width must be >= 1: " + height + "x" + width);
        }
        long expected = (long) channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("pixels has " + pixels.length + " samples, "
                    + channels + "x" + height + "x" + width + " needs " + expected);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
    }

    /**
     * Takes ownership of {@code pixels} without copying; for decoders that have just filled a fresh array and
     * never touch it again. Saves one copy per image on the hot decoding path.
     */
    public static UInt8Image adopt(int channels, int height, int width, byte[] pixels) {
        return new UInt8Image(channels, height, width, Objects.requireNonNull(pixels, "pixels"), true);
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** {@code channels * height * width}. */
    public int sampleCount() {
        return pixels.length;
    }

    /** The sample at channel {@code c}, row {@code y}, column {@code x}, as 0..255. */
    public int sample(int c, int y, int x) {
        Objects.checkIndex(c, channels);
        Objects.checkIndex(y, height);
        Objects.checkIndex(x, width);
        return pixels[(c * height + y) * width + x] & 0xFF;
    }

    /** The sample at flat CHW position {@code i}, as 0..255. */
    public int sample(int i) {
        return pixels[i] & 0xFF;
    }

    /** A copy of all samples in CHW order. */
    public byte[] toByteArray() {
        return pixels.clone();
    }

    /** Copies all samples in CHW order into {@code target} starting at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(pixels, 0, target, offset, pixels.length);
    }

    /** Whether {@code other} has the same channel count and size (the samples may differ). */
    public boolean sameShape(UInt8Image other) {
        return channels == other.channels && height == other.height && width == other.width;
    }

    /** The shape as {@code CxHxW}, e.g. {@code 3x32x32}; used in messages. */
    public String shapeText() {
        return channels + "x" + height + "x" + width;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UInt8Image other && sameShape(other) && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(channels, height, width) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "UInt8Image[" + shapeText() + "]";
    }
}
