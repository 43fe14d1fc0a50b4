package org.fld4j.metrics.distortion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.fld4j.io.UInt8Image;
import org.junit.jupiter.api.Test;

class JpegReencodeTest {

    private static final SplittableRandom UNUSED = new SplittableRandom(0);

    @Test
    void qualityHundredKeepsASmoothGrayGradientWithinAFewLevels() {
        UInt8Image gradient = TestImages.gray(32, 32, (y, x) -> 4 * x + 2 * y);

        UInt8Image decoded = new JpegReencode(100).apply(gradient, UNUSED);

        assertThat(decoded.channels()).isEqualTo(1);
        // At quality 100 every quantisation step is 1: only DCT rounding is left.
        assertThat(maxAbsoluteError(gradient, decoded)).isLessThanOrEqualTo(3);
    }

    @Test
    void qualityHundredKeepsASmoothColourGradientWithinAFewLevels() {
        byte[] pixels = new byte[3 * 32 * 32];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                pixels[y * 32 + x] = (byte) (4 * x + 2 * y);
                pixels[1024 + y * 32 + x] = (byte) (60 + 3 * y);
                pixels[2048 + y * 32 + x] = (byte) (220 - 2 * x - 2 * y);
            }
        }
        UInt8Image gradient = new UInt8Image(3, 32, 32, pixels);

        UInt8Image decoded = new JpegReencode(100).apply(gradient, UNUSED);

        assertThat(decoded.channels()).isEqualTo(3);
        // Colour adds the YCbCr round trip and chroma kept at half resolution, where a slope of 4 levels per
        // pixel leaves about 2 levels of error: a few more than gray.
        assertThat(maxAbsoluteError(gradient, decoded)).isLessThanOrEqualTo(6);
    }

    @Test
    void lowerQualityGivesLargerErrorOnTexturedImages() {
        double q90 = meanAbsoluteError(90);
        double q30 = meanAbsoluteError(30);
        double q5 = meanAbsoluteError(5);

        assertThat(q90).isPositive();
        assertThat(q30).isGreaterThan(q90);
        assertThat(q5).isGreaterThan(q30);
    }

    @Test
    void isDeterministic() {
        UInt8Image image = TestImages.fashion(7);
        JpegReencode jpeg = new JpegReencode(40);

        assertThat(jpeg.apply(image, new SplittableRandom(1))).isEqualTo(jpeg.apply(image, new SplittableRandom(2)));
    }

    /** Mean absolute error over the first ten Fashion-MNIST test images. */
    private static double meanAbsoluteError(int quality) {
        JpegReencode jpeg = new JpegReencode(quality);
        double total = 0;
        int count = 0;
        for (int i = 0; i < 10; i++) {
            UInt8Image image = TestImages.fashion(i);
            UInt8Image decoded = jpeg.apply(image, UNUSED);
            for (int s = 0; s < image.sampleCount(); s++) {
                total += Math.abs(image.sample(s) - decoded.sample(s));
            }
            count += image.sampleCount();
        }
        return total / count;
    }

    private static int maxAbsoluteError(UInt8Image a, UInt8Image b) {
        int max = 0;
        for (int s = 0; s < a.sampleCount(); s++) {
            max = Math.max(max, Math.abs(a.sample(s) - b.sample(s)));
        }
        return max;
    }
}
