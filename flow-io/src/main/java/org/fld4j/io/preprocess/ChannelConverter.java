package org.fld4j.io.preprocess;

import org.fld4j.io.UInt8Image;

/** Gray to RGB and RGB to gray, on 8-bit images. */
public final class ChannelConverter {

    private ChannelConverter() {
    }

    /** {@code image} with {@code mode} applied; the same object when nothing needs converting. */
    public static UInt8Image apply(UInt8Image image, ChannelMode mode) {
        return switch (mode) {
            case KEEP -> image;
            case GRAY -> image.channels() == 1 ? image : toGray(image);
            case RGB -> image.channels() == 3 ? image : toRgb(image);
        };
    }

    /**
     * BT.601 luma {@code (299 R + 587 G + 114 B) / 1000}, rounded half up in exact integer arithmetic, e.g.
     * pure red 255 -> 76.245 -> 76.
     */
    public static UInt8Image toGray(UInt8Image rgb) {
        if (rgb.channels() != 3) {
            throw new IllegalArgumentException("toGray needs 3 channels, image has " + rgb.channels());
        }
        int plane = rgb.height() * rgb.width();
        byte[] out = new byte[plane];
        for (int i = 0; i < plane; i++) {
            int luma = 299 * rgb.sample(i) + 587 * rgb.sample(plane + i) + 114 * rgb.sample(2 * plane + i);
            out[i] = (byte) ((luma + 500) / 1000);
        }
        return UInt8Image.adopt(1, rgb.height(), rgb.width(), out);
    }

    /** The gray value copied into R, G and B. */
    public static UInt8Image toRgb(UInt8Image gray) {
        if (gray.channels() != 1) {
            throw new IllegalArgumentException("toRgb needs 1 channel, image has " + gray.channels());
        }
        int plane = gray.height() * gray.width();
        byte[] out = new byte[3 * plane];
        for (int c = 0; c < 3; c++) {
            gray.copyTo(out, c * plane);
        }
        return UInt8Image.adopt(3, gray.height(), gray.width(), out);
    }
}
