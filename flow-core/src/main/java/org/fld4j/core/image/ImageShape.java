package org.fld4j.core.image;

import org.fld4j.core.transform.LayerConfig;

/**
 * The shape [C, H, W] of one image sample, as an image layer receives it.
 *
 * @param channels C, at least 1
 * @param height   H, at least 1
 * @param width    W, at least 1
 */
record ImageShape(int channels, int height, int width) {

    public ImageShape {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        if (height < 1) {
            throw new IllegalArgumentException("height must be >= 1, got " + height);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
    }

    /** Reads the {@code channels}, {@code height} and {@code width} attributes of a layer config. */
    public static ImageShape fromConfig(LayerConfig config) {
        return new ImageShape(config.getInt("channels"), config.getInt("height"), config.getInt("width"));
    }

    /** Adds this shape as the {@code channels}, {@code height} and {@code width} attributes. */
    public LayerConfig.Builder putInto(LayerConfig.Builder builder) {
        return builder.put("channels", channels).put("height", height).put("width", width);
    }

    /** {@code {C, H, W}}. */
    public long[] toArray() {
        return new long[] {channels, height, width};
    }

    /** H * W, the number of pixels of one channel. */
    public long pixels() {
        return (long) height * width;
    }

    /** {@code [n, C, H, W]}. */
    public long[] batchShape(long n) {
        return new long[] {n, channels, height, width};
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
