package org.fld4j.io.array;

import org.fld4j.io.ImageShape;

/** Maps a sample's position in one image's CHW order to its position in a given layout's order. */
final class LayoutReorder {

    private LayoutReorder() {
    }

    /**
     * The position of sample {@code (c, y, x)} inside one image stored with {@code layout} (without the image
     * axis), in C order.
     */
    static int position(ArrayLayout layout, ImageShape s, int c, int y, int x) {
        return switch (layout) {
            case NHW, NCHW -> (c * s.height() + y) * s.width() + x;
            case NHWC -> (y * s.width() + x) * s.channels() + c;
        };
    }

    /** Reorders one image's samples from {@code layout} order to CHW order. */
    static void toChw(ArrayLayout layout, ImageShape s, double[] in, double[] chw) {
        if (layout != ArrayLayout.NHWC || s.channels() == 1) {
            System.arraycopy(in, 0, chw, 0, chw.length);
            return;
        }
        int i = 0;
        for (int c = 0; c < s.channels(); c++) {
            for (int y = 0; y < s.height(); y++) {
                for (int x = 0; x < s.width(); x++) {
                    chw[i++] = in[position(layout, s, c, y, x)];
                }
            }
        }
    }

    /** Reorders one image's bytes from {@code layout} order to CHW order. */
    static void toChw(ArrayLayout layout, ImageShape s, byte[] in, byte[] chw) {
        if (layout != ArrayLayout.NHWC || s.channels() == 1) {
            System.arraycopy(in, 0, chw, 0, chw.length);
            return;
        }
        int i = 0;
        for (int c = 0; c < s.channels(); c++) {
            for (int y = 0; y < s.height(); y++) {
                for (int x = 0; x < s.width(); x++) {
                    chw[i++] = in[position(layout, s, c, y, x)];
                }
            }
        }
    }
}
