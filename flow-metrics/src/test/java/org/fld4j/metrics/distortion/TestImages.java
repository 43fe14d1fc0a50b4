package org.fld4j.metrics.distortion;

import java.util.Arrays;
import java.util.function.IntBinaryOperator;
import org.fld4j.io.ImageSource;
import org.fld4j.io.UInt8Image;
import org.fld4j.io.data.FashionMnistSlice;

/** Small images for the distortion tests. */
final class TestImages {

    private static final ImageSource FASHION = FashionMnistSlice.test();

    private TestImages() {
    }

    /** Every sample {@code value}. */
    static UInt8Image constant(int channels, int height, int width, int value) {
        byte[] pixels = new byte[channels * height * width];
        Arrays.fill(pixels, (byte) value);
        return new UInt8Image(channels, height, width, pixels);
    }

    /** A gray image with sample {@code f(y, x)} at row {@code y}, column {@code x}. */
    static UInt8Image gray(int height, int width, IntBinaryOperator f) {
        byte[] pixels = new byte[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (byte) f.applyAsInt(y, x);
            }
        }
        return new UInt8Image(1, height, width, pixels);
    }

    /** Image {@code index} of the bundled Fashion-MNIST test slice: 1x28x28, textured, with a black background. */
    static UInt8Image fashion(int index) {
        return FASHION.read(index).image();
    }

    /** The samples as ints 0..255 in CHW order. */
    static int[] samples(UInt8Image image) {
        int[] values = new int[image.sampleCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = image.sample(i);
        }
        return values;
    }
}
