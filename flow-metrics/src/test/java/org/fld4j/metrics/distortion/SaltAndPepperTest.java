package org.fld4j.metrics.distortion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.fld4j.io.UInt8Image;
import org.junit.jupiter.api.Test;

class SaltAndPepperTest {

    private static final int SIDE = 256;
    private static final int PIXELS = SIDE * SIDE;

    @Test
    void hitsTheExpectedShareOfPixelsHalfBlackHalfWhiteInAllChannels() {
        double rate = 0.1;
        UInt8Image grey = TestImages.constant(3, SIDE, SIDE, 128);

        UInt8Image noisy = new SaltAndPepper(rate).apply(grey, new SplittableRandom(21));

        int changed = 0;
        int black = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int red = noisy.sample(0, y, x);
                if (red != 128) {
                    changed++;
                    black += red == 0 ? 1 : 0;
                    assertThat(red).isIn(0, 255);
                }
                assertThat(noisy.sample(1, y, x)).isEqualTo(red);
                assertThat(noisy.sample(2, y, x)).isEqualTo(red);
            }
        }
        double share = (double) changed / PIXELS;
        assertThat(share).isCloseTo(rate, within(4 * Math.sqrt(rate * (1 - rate) / PIXELS)));
        assertThat((double) black / changed).isCloseTo(0.5, within(4 * Math.sqrt(0.25 / changed)));
    }

    @Test
    void rateZeroIsTheIdentityAndRateOneHitsEveryPixel() {
        UInt8Image grey = TestImages.constant(1, 16, 16, 77);

        assertThat(new SaltAndPepper(0).apply(grey, new SplittableRandom(1))).isEqualTo(grey);
        assertThat(TestImages.samples(new SaltAndPepper(1).apply(grey, new SplittableRandom(1))))
                .containsOnly(0, 255);
    }
}
