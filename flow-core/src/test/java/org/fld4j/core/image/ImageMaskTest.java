package org.fld4j.core.image;

import org.fld4j.core.coupling.ImageMask;
import org.fld4j.core.coupling.MaskKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Masks at the shapes the fld-paper flow meets for 1x28x28 and 3x32x32 images, against the
 * official definitions: checkerboard {@code (i + j) mod 2} (1 conditions), channel mask ones on the
 * first {@code floor(C/2)} channels, inverted on alternate layers.
 */
class ImageMaskTest {

    @Test
    void checkerboardAt1x28x28And3x32x32() {
        for (long[] shape : new long[][] {{1, 28, 28}, {3, 32, 32}}) {
            double[] m = ImageMask.values(MaskKind.CHECKERBOARD, shape, false);
            double[] inv = ImageMask.values(MaskKind.CHECKERBOARD, shape, true);
            int h = (int) shape[1];
            int w = (int) shape[2];
            for (int c = 0; c < shape[0]; c++) {
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        int k = (c * h + i) * w + j;
                        assertThat(m[k]).isEqualTo((i + j) % 2);
                        assertThat(inv[k]).isEqualTo(1 - (i + j) % 2);
                    }
                }
            }
            assertThat(java.util.Arrays.stream(m).sum()).isEqualTo(shape[0] * h * w / 2.0);
        }
    }

    @Test
    void channelMasksAfterTheSqueezesOf1x28x28And3x32x32() {
        // 1x28x28 -> 4x14x14 -> (split) 2x14x14 -> 8x7x7; 3x32x32 -> 12x16x16 -> 6x16x16 -> 24x8x8.
        for (long[] shape : new long[][] {{4, 14, 14}, {8, 7, 7}, {12, 16, 16}, {24, 8, 8}}) {
            double[] m = ImageMask.values(MaskKind.CHANNEL, shape, false);
            double[] inv = ImageMask.values(MaskKind.CHANNEL, shape, true);
            int plane = (int) (shape[1] * shape[2]);
            for (int k = 0; k < m.length; k++) {
                int channel = k / plane;
                assertThat(m[k]).isEqualTo(channel < shape[0] / 2 ? 1.0 : 0.0);
                assertThat(inv[k]).isEqualTo(1 - m[k]);
            }
        }
    }

    @Test
    void oddChannelCountsConditionOnTheSmallerHalf() {
        double[] m = ImageMask.values(MaskKind.CHANNEL, new long[] {3, 1, 1}, false);
        assertThat(m).containsExactly(1, 0, 0);
    }

    @Test
    void aChannelMaskNeedsTwoChannels() {
        assertThatThrownBy(() -> ImageMask.values(MaskKind.CHANNEL, new long[] {1, 4, 4}, false))
                .hasMessageContaining("at least 2 channels").hasMessageContaining("[1, 4, 4]");
    }
}
