package org.fld4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageSource;
import org.fld4j.io.UInt8Image;
import org.fld4j.io.source.PixelImageSource;

/**
 * A set of images read on the driver, as bytes to ship to executors once (a broadcast): every image's 8-bit pixels,
 * shape and name. On an executor it becomes an image source with the same names, pixels and order as the source it
 * was read from, so that work done there (a held-out split by index, a fingerprint) matches the driver's.
 *
 * @param description what the images are
 * @param names       each image's name
 * @param shapes      each image's {@code [channels, height, width]}
 * @param pixels      each image's samples in CHW order
 */
record ImageBytes(String description, String[] names, int[][] shapes, byte[][] pixels) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Reads every image of {@code source} (it must have no bad images). */
    static ImageBytes of(ImageSource source) {
        int n = source.size();
        String[] names = new String[n];
        int[][] shapes = new int[n][];
        byte[][] pixels = new byte[n][];
        for (int i = 0; i < n; i++) {
            DecodedImage decoded = source.read(i);
            UInt8Image image = decoded.image();
            names[i] = decoded.id().name();
            shapes[i] = new int[] {image.channels(), image.height(), image.width()};
            pixels[i] = image.toByteArray();
        }
        return new ImageBytes(source.description(), names, shapes, pixels);
    }

    /** The images again, as a source. */
    ImageSource toSource() {
        List<UInt8Image> images = new ArrayList<>(pixels.length);
        for (int i = 0; i < pixels.length; i++) {
            images.add(new UInt8Image(shapes[i][0], shapes[i][1], shapes[i][2], pixels[i]));
        }
        return new PixelImageSource(description, Arrays.asList(names), images, BadInputPolicy.FAIL);
    }

    /** Bytes of pixel data in all. */
    long pixelBytes() {
        long total = 0;
        for (byte[] p : pixels) {
            total += p.length;
        }
        return total;
    }
}
