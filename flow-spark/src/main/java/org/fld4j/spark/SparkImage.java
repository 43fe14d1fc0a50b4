package org.fld4j.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * One image as an element of a {@code JavaRDD}: either an image file's content (PNG, JPEG, ...) or decoded 8-bit
 * pixels with their shape. The name is its identity in per-image scores and error messages.
 *
 * @param name     the image's name, e.g. its path
 * @param content  the encoded file's bytes, or null for pixels
 * @param pixels   {@code channels * height * width} samples 0..255 in CHW order, or null for a file
 * @param channels channels of {@code pixels} (0 for a file)
 * @param height   height of {@code pixels} (0 for a file)
 * @param width    width of {@code pixels} (0 for a file)
 */
public record SparkImage(String name, byte[] content, byte[] pixels, int channels, int height, int width)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public SparkImage {
        Objects.requireNonNull(name, "name");
        if ((content == null) == (pixels == null)) {
            throw new IllegalArgumentException(name + ": an image is either a file's content or pixels, not "
                    + (content == null ? "neither" : "both"));
        }
        if (pixels != null && (channels < 1 || height < 1 || width < 1
                || (long) channels * height * width != pixels.length)) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel values do not make an image of "
                    + channels + " x " + height + " x " + width);
        }
    }

    /** An image file's content. */
    public static SparkImage file(String name, byte[] content) {
        return new SparkImage(name, content, null, 0, 0, 0);
    }

    /** Decoded pixels {@code [channels, height, width]}, 0..255 in CHW order. */
    public static SparkImage pixels(String name, byte[] pixels, int channels, int height, int width) {
        return new SparkImage(name, null, pixels, channels, height, width);
    }

    /** Whether this is an encoded file rather than pixels. */
    public boolean isFile() {
        return content != null;
    }
}
