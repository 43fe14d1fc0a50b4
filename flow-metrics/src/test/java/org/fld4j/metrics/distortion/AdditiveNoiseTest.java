package org.fld4j.metrics.distortion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.fld4j.io.UInt8Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdditiveNoiseTest {

    private static final int SIDE = 64;
    private static final int N = SIDE * SIDE;

    @Test
    void changeOfMidGreyHasMeanZeroAndStandardDeviationSigma() {
        double sigma = 8;
        UInt8Image grey = TestImages.constant(1, SIDE, SIDE, 128);

        int[] noisy = TestImages.samples(new AdditiveNoise(sigma).apply(grey, new SplittableRandom(11)));

        double mean = 0;
        for (int v : noisy) {
            mean += v - 128;
        }
        mean /= N;
        double squares = 0;
        for (int v : noisy) {
            squares += (v - 128 - mean) * (v - 128 - mean);
        }
        double sd = Math.sqrt(squares / (N - 1));
        // Rounding to integers adds a nearly uniform error of variance 1/12; 128 +- 8 sigma never reaches a clip.
        double expectedSd = Math.sqrt(sigma * sigma + 1.0 / 12);
        // Four standard errors: of a mean, sd / sqrt(n); of a normal sample's standard deviation, sd / sqrt(2(n-1)).
        assertThat(mean).isCloseTo(0, within(4 * expectedSd / Math.sqrt(N)));
        assertThat(sd).isCloseTo(expectedSd, within(4 * expectedSd / Math.sqrt(2.0 * (N - 1))));
    }

    @Test
    void sigmaZeroIsTheIdentity() {
        UInt8Image image = TestImages.fashion(0);

        assertThat(new AdditiveNoise(0).apply(image, new SplittableRandom(1))).isEqualTo(image);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 255})
    void blackAndWhiteAreClippedNotWrappedAround(int value) {
        double sigma = 32;
        int[] noisy = TestImages.samples(
                new AdditiveNoise(sigma).apply(TestImages.constant(1, SIDE, SIDE, value), new SplittableRandom(5)));

        int clipped = 0;
        double sum = 0;
        for (int v : noisy) {
            clipped += v == value ? 1 : 0;
            sum += v;
        }
        // A sample stays at the clip when the noise points outwards or rounds to 0: P = Phi(0.5 / sigma).
        double clippedShare = new NormalDistribution().cumulativeProbability(0.5 / sigma);
        assertThat((double) clipped / N).isCloseTo(clippedShare,
                within(4 * Math.sqrt(clippedShare * (1 - clippedShare) / N)));
        // The inward part max(0, sigma z) has mean sigma / sqrt(2 pi) and sd sigma sqrt(1/2 - 1/(2 pi));
        // a wrap-around instead of a clip would put the mean near mid-grey.
        double inward = value == 0 ? 1 : -1;
        assertThat(sum / N).isCloseTo(value + inward * sigma / Math.sqrt(2 * Math.PI),
                within(4 * sigma * Math.sqrt(0.5 - 1 / (2 * Math.PI)) / Math.sqrt(N)));
    }

    @Test
    void channelsGetIndependentNoise() {
        UInt8Image noisy = new AdditiveNoise(20).apply(TestImages.constant(3, 8, 8, 128), new SplittableRandom(2));

        int samePixels = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                if (noisy.sample(0, y, x) == noisy.sample(1, y, x) && noisy.sample(1, y, x) == noisy.sample(2, y, x)) {
                    samePixels++;
                }
            }
        }
        // Three independent draws of sd 20 agree after rounding with probability about
        // integral of the normal density cubed = 1 / (2 sqrt(3) pi 20^2) = 0.0002 per pixel.
        assertThat(samePixels).isLessThan(3);
    }
}
