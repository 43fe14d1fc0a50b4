package org.fld4j.io.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.Fixtures;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.InputProblem;
import org.fld4j.io.UInt8Image;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

    private static UInt8Image gray(int h, int w, int... values) {
        return new UInt8Image(1, h, w, Fixtures.u8(values));
    }

    @Test
    void constantImageStaysConstantForEveryFilterAndSize() {
        byte[] constant = new byte[3 * 5 * 7];
        Arrays.fill(constant, (byte) 77);
        UInt8Image image = new UInt8Image(3, 5, 7, constant);
        for (ResizeFilter filter : ResizeFilter.values()) {
            for (int[] size : new int[][] {{3, 4}, {11, 13}, {1, 1}, {5, 20}}) {
                UInt8Image resized = new Resampler(filter).resize(image, size[0], size[1]);
                assertThat(resized.shapeText()).isEqualTo("3x" + size[0] + "x" + size[1]);
                for (int i = 0; i < resized.sampleCount(); i++) {
                    assertThat(resized.sample(i)).as(filter + " " + Arrays.toString(size)).isEqualTo(77);
                }
            }
        }
    }

    @Test
    void boxHalvingAveragesPairsAlongRowsThenAlongColumnsRoundingEachPass() {
        UInt8Image image = gray(4, 4,
                10, 20, 1, 2,
                30, 41, 3, 4,
                0, 0, 100, 100,
                255, 255, 100, 100);
        UInt8Image half = new Resampler(ResizeFilter.BOX).resize(image, 2, 2);
        // rows first, each pair mean rounded half up to 8 bits: 15, 1.5 -> 2 / 35.5 -> 36, 3.5 -> 4 / 0, 100 / 255, 100;
        // then columns: (15+36)/2 = 25.5 -> 26 (not round(25.25) = 25), (2+4)/2 = 3, 127.5 -> 128, 100
        assertThat(half.toByteArray()).containsExactly(Fixtures.u8(26, 3, 128, 100));
    }

    @Test
    void triangleDoublingInterpolatesBetweenPixelCentres() {
        // output centres at 0.25, 0.75, 1.25, 1.75 in input pixels; input centres at 0.5 and 1.5.
        // 0.25: only pixel 0 lies within reach inside the image -> 0; 0.75: 0.75*0 + 0.25*100 = 25;
        // 1.25: 0.25*0 + 0.75*100 = 75; 1.75: only pixel 1 -> 100.
        UInt8Image resized = new Resampler(ResizeFilter.TRIANGLE).resize(gray(1, 2, 0, 100), 1, 4);
        assertThat(resized.toByteArray()).containsExactly(Fixtures.u8(0, 25, 75, 100));
    }

    @Test
    void centerCropTakesTheMiddleFlooringTheOffset() {
        // 5 rows x 4 columns, value 10*row + column; crop 3x2 starts at row (5-3)/2 = 1, column (4-2)/2 = 1
        int[] v = new int[20];
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 4; x++) {
                v[y * 4 + x] = 10 * y + x;
            }
        }
        UInt8Image cropped = CenterCropper.crop(gray(5, 4, v), 3, 2);
        assertThat(cropped.toByteArray()).containsExactly(Fixtures.u8(11, 12, 21, 22, 31, 32));
    }

    @Test
    void grayAndRgbConversions() {
        UInt8Image rgb = new UInt8Image(3, 1, 3, Fixtures.u8(255, 10, 0, 0, 20, 255, 0, 30, 0));
        // pure red 0.299*255 = 76.245 -> 76; (10,20,30) 2.99 + 11.74 + 3.42 = 18.15 -> 18; pure green 149.685 -> 150
        assertThat(ChannelConverter.toGray(rgb).toByteArray()).containsExactly(Fixtures.u8(76, 18, 150));
        assertThat(ChannelConverter.toRgb(gray(1, 2, 5, 9)).toByteArray()).containsExactly(Fixtures.u8(5, 9, 5, 9, 5,
                9));
    }

    @Test
    void requireSameNamesBothImagesAndSizes() {
        ImagePreprocessor p = new ImagePreprocessor(Preprocessing.none());
        p.apply(DecodedImage.clean(ImageId.ofFile("cats/first.png"), gray(2, 3, 0, 0, 0, 0, 0, 0)));
        assertThatThrownBy(() -> p.apply(DecodedImage.clean(ImageId.ofFile("cats/odd.png"), gray(3, 3, new int[9]))))
                .isInstanceOf(ImageInputException.class)
                .hasMessageContaining("cats/odd.png").hasMessageContaining("3x3")
                .hasMessageContaining("cats/first.png").hasMessageContaining("cats/first.png is 2x3")
                .satisfies(e -> assertThat(((ImageInputException) e).problem()).isEqualTo(InputProblem.SIZE_MISMATCH));
        UInt8Image colour = new UInt8Image(3, 2, 3, new byte[18]);
        assertThatThrownBy(() -> p.apply(DecodedImage.clean(ImageId.ofFile("c.png"), colour)))
                .isInstanceOf(ImageInputException.class).hasMessageContaining("c.png")
                .satisfies(e -> assertThat(((ImageInputException) e).problem())
                        .isEqualTo(InputProblem.CHANNEL_MISMATCH));
        ImagePreprocessor rgb = new ImagePreprocessor(Preprocessing.none().withChannels(ChannelMode.RGB));
        rgb.apply(DecodedImage.clean(ImageId.ofFile("g.png"), gray(2, 3, new int[6])));
        assertThat(rgb.apply(DecodedImage.clean(ImageId.ofFile("c.png"), colour)).image().channels()).isEqualTo(3);
    }

    @Test
    void cropRefusesImagesSmallerThanTheTarget() {
        ImagePreprocessor p = new ImagePreprocessor(Preprocessing.centerCrop(4, 4));
        assertThatThrownBy(() -> p.apply(DecodedImage.clean(ImageId.ofFile("tiny.png"), gray(3, 5, new int[15]))))
                .isInstanceOf(ImageInputException.class).hasMessageContaining("tiny.png")
                .satisfies(e -> assertThat(((ImageInputException) e).problem())
                        .isEqualTo(InputProblem.TOO_SMALL_TO_CROP));
    }

    @Test
    void invalidOptionsNameTheOptionAndValue() {
        assertThatThrownBy(() -> Preprocessing.resizeTo(0, 5, ResizeFilter.BOX))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetHeight")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> new Preprocessing(ChannelMode.KEEP, SizePolicy.REQUIRE_SAME, 3, 3,
                ResizeFilter.BOX)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3x3");
    }
}
