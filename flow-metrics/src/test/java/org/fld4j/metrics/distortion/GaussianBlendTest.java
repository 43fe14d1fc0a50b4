package org.fld4j.metrics.distortion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.fld4j.io.UInt8Image;
import org.junit.jupiter.api.Test;

class GaussianBlendTest {

    @Test
    void alphaZeroIsTheIdentity() {
        UInt8Image image = TestImages.fashion(4);

        assertThat(new GaussianBlend(0).apply(image, new SplittableRandom(1))).isEqualTo(image);
    }

    @Test
    void alphaOneIsNoiseSpanningTheWholeRange() {
        UInt8Image image = TestImages.fashion(4);

        int[] noise = TestImages.samples(new GaussianBlend(1).apply(image, new SplittableRandom(9)));

        // min-max rescaling sends the smallest draw to exactly 0 and the largest to exactly 255
        assertThat(Arrays.stream(noise).min().getAsInt()).isZero();
        assertThat(Arrays.stream(noise).max().getAsInt()).isEqualTo(255);
    }

    @Test
    void halfBlendOfAConstantImageSpansHalfTheRangeAboveHalfTheValue() {
        UInt8Image grey = TestImages.constant(3, 16, 16, 100);

        int[] blended = TestImages.samples(new GaussianBlend(0.5).apply(grey, new SplittableRandom(3)));

        // 0.5 * 100 + 0.5 * n with n in [0, 255]: from exactly 50 to 177.5, which rounds up to 178
        assertThat(Arrays.stream(blended).min().getAsInt()).isEqualTo(50);
        assertThat(Arrays.stream(blended).max().getAsInt()).isEqualTo(178);
    }

    @Test
    void noiseDoesNotDependOnTheImage() {
        GaussianBlend blend = new GaussianBlend(1);

        UInt8Image fromBlack = blend.apply(TestImages.constant(1, 8, 8, 0), new SplittableRandom(5));
        UInt8Image fromWhite = blend.apply(TestImages.constant(1, 8, 8, 255), new SplittableRandom(5));

        assertThat(fromBlack).isEqualTo(fromWhite);
    }
}
