package org.fld4j.metrics.distortion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.fld4j.io.UInt8Image;
import org.junit.jupiter.api.Test;

class GaussianBlurTest {

    private static final SplittableRandom UNUSED = new SplittableRandom(0);

    @Test
    void kernelSizeGivesOpenCvSigma() {
        // 0.3 ((k - 1) / 2 - 1) + 0.8
        assertThat(GaussianBlur.ofKernel(3).sigma()).isCloseTo(0.8, within(1e-12));
        assertThat(GaussianBlur.ofKernel(5).sigma()).isCloseTo(1.1, within(1e-12));
        assertThat(GaussianBlur.ofKernel(7).sigma()).isCloseTo(1.4, within(1e-12));
    }

    @Test
    void sigmaGivesKernelCoveringThreeSigmaEachSide() {
        // 2 ceil(3 sigma) + 1
        assertThat(GaussianBlur.ofSigma(0.5).kernelSize()).isEqualTo(5);
        assertThat(GaussianBlur.ofSigma(1).kernelSize()).isEqualTo(7);
        assertThat(GaussianBlur.ofSigma(1.5).kernelSize()).isEqualTo(11);
        assertThat(GaussianBlur.ofSigma(2.5).kernelSize()).isEqualTo(17);
        assertThat(GaussianBlur.ofSigma(0).kernelSize()).isEqualTo(1);
    }

    @Test
    void constantImageStaysExactlyConstant() {
        UInt8Image grey = TestImages.constant(3, 12, 10, 173);

        assertThat(GaussianBlur.ofKernel(5).apply(grey, UNUSED)).isEqualTo(grey);
        assertThat(GaussianBlur.ofSigma(2.5).apply(grey, UNUSED)).isEqualTo(grey);
    }

    @Test
    void kernelSizeOneAndSigmaZeroAreTheIdentity() {
        UInt8Image image = TestImages.fashion(3);

        assertThat(GaussianBlur.ofKernel(1).apply(image, UNUSED)).isEqualTo(image);
        assertThat(GaussianBlur.ofSigma(0).apply(image, UNUSED)).isEqualTo(image);
    }

    @Test
    void singleBrightPixelSpreadsAsTheOuterProductOfTheKernel() {
        UInt8Image dot = TestImages.gray(7, 7, (y, x) -> y == 3 && x == 3 ? 255 : 0);

        UInt8Image blurred = GaussianBlur.ofKernel(3).apply(dot, UNUSED);

        // sigma 0.8: weights exp(-i^2 / 1.28) for i = -1, 0, 1 are 0.457833, 1, 0.457833; normalised
        // 0.238994, 0.522011, 0.238994. The dot becomes 255 g(dy) g(dx).
        assertThat(blurred.sample(0, 3, 3)).isEqualTo(69);   // 255 * 0.522011^2 = 69.49
        assertThat(blurred.sample(0, 2, 3)).isEqualTo(32);   // 255 * 0.522011 * 0.238994 = 31.81
        assertThat(blurred.sample(0, 3, 4)).isEqualTo(32);
        assertThat(blurred.sample(0, 4, 4)).isEqualTo(15);   // 255 * 0.238994^2 = 14.57
        assertThat(blurred.sample(0, 2, 2)).isEqualTo(15);
        assertThat(blurred.sample(0, 1, 3)).isZero();
        assertThat(blurred.sample(0, 5, 5)).isZero();
    }

    @Test
    void singleBrightPixelMatchesHandComputedKernelForLargerSigma() {
        int size = 15;
        int centre = 7;
        double sigma = 1.1;
        UInt8Image dot = TestImages.gray(size, size, (y, x) -> y == centre && x == centre ? 255 : 0);

        UInt8Image blurred = GaussianBlur.ofKernel(5).apply(dot, UNUSED);

        double[] g = new double[5];
        double total = 0;
        for (int i = -2; i <= 2; i++) {
            g[i + 2] = Math.exp(-i * i / (2 * sigma * sigma));
            total += g[i + 2];
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int dy = y - centre;
                int dx = x - centre;
                boolean reached = Math.abs(dy) <= 2 && Math.abs(dx) <= 2;
                double expected = reached ? 255 * g[dy + 2] * g[dx + 2] / (total * total) : 0;
                assertThat((double) blurred.sample(0, y, x)).as("(%d, %d)", y, x)
                        .isCloseTo(expected, within(0.5 + 1e-9));
            }
        }
    }

    @Test
    void borderIsReflectedWithoutRepeatingTheEdgeSample() {
        UInt8Image row = TestImages.gray(1, 5, (y, x) -> x == 4 ? 255 : 0);

        UInt8Image blurred = GaussianBlur.ofKernel(3).apply(row, UNUSED);

        // reflect-101: column 5 reads column 3 (0), so the edge keeps 0.522011 * 255 = 133.11; a border that
        // repeated the edge would give (0.522011 + 0.238994) * 255 = 194.06. A height of 1 leaves columns alone.
        assertThat(blurred.sample(0, 0, 4)).isEqualTo(133);
        assertThat(blurred.sample(0, 0, 3)).isEqualTo(61);   // 0.238994 * 255 = 60.94
        assertThat(blurred.sample(0, 0, 2)).isZero();
    }

    @Test
    void sumIsPreservedWithinRoundingWhenTheBorderIsBlack() {
        int size = 24;
        int border = 4;   // wider than the radius 2 of a 5-tap kernel: nothing reaches the image edge
        SplittableRandom random = new SplittableRandom(8);
        int[] inner = random.ints((size - 2 * border) * (size - 2 * border), 0, 256).toArray();
        UInt8Image image = TestImages.gray(size, size, (y, x) ->
                y < border || x < border || y >= size - border || x >= size - border
                        ? 0 : inner[(y - border) * (size - 2 * border) + x - border]);

        UInt8Image blurred = GaussianBlur.ofKernel(5).apply(image, UNUSED);

        long before = sum(image);
        long after = sum(blurred);
        // Each output is within 0.5 of its exact value, whose total equals the input's total.
        assertThat((double) after).isCloseTo(before, within(0.5 * size * size));
        // The rounding errors are roughly independent and uniform, sd sqrt(n / 12) = 6.9: far tighter in practice.
        assertThat((double) after).isCloseTo(before, within(5 * Math.sqrt(size * size / 12.0)));
    }

    private static long sum(UInt8Image image) {
        long sum = 0;
        for (int v : TestImages.samples(image)) {
            sum += v;
        }
        return sum;
    }
}
