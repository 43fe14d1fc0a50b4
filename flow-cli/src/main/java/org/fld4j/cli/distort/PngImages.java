package org.fld4j.cli.distort;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.fld4j.io.UInt8Image;

/** 8-bit gray or RGB images as PNG files, lossless: reading one back gives the same samples. */
final class PngImages {

    private PngImages() {
    }

    /** The PNG encoding of {@code image}: 8-bit gray for one channel, 8-bit RGB for three. */
    static byte[] encode(UInt8Image image) {
        int width = image.width();
        int height = image.height();
        int channels = image.channels();
        BufferedImage picture = new BufferedImage(width, height,
                channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster raster = picture.getRaster();
        int pixels = width * height;
        byte[] chw = image.toByteArray();
        int[] plane = new int[pixels];
        for (int c = 0; c < channels; c++) {
            // Channel-major samples; the raster's bands are gray, or R, G, B in this order for both image types.
            for (int p = 0; p < pixels; p++) {
                plane[p] = chw[c * pixels + p] & 0xFF;
            }
            raster.setSamples(0, 0, width, height, c, plane);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(picture, "png", bytes)) {
                throw new IllegalStateException("this JDK has no ImageIO PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed in memory", e);
        }
        return bytes.toByteArray();
    }
}
