package org.fld4j.io.preprocess;

import org.fld4j.io.UInt8Image;

/** Cuts a window out of the middle of an image. */
public final class CenterCropper {

    private CenterCropper() {
    }

    /**
     * The {@code height x width} window starting at row {@code floor((H - height) / 2)} and column
     * {@code floor((W - width) / 2)}; the same object when the image already has that size.
     *
     * @throws IllegalArgumentException if the image is smaller than the window in either direction
     */
    public static UInt8Image crop(UInt8Image image, int height, int width) {
        if (image.height() < height || image.width() < width) {
            throw new IllegalArgumentException("image of " + image.height() + "x" + image.width()
                    + " is smaller than the crop " + height + "x" + width);
        }
        if (image.height() == height && image.width() == width) {
            return image;
        }
        int top = (image.height() - height) / 2;
        int left = (image.width() - width) / 2;
        int c = image.channels();
        byte[] all = image.toByteArray();
        byte[] out = new byte[c * height * width];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(all, (ch * image.height() + top + y) * image.width() + left, out,
                        (ch * height + y) * width, width);
            }
        }
        return UInt8Image.adopt(c, height, width, out);
    }
}
