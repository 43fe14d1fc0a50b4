package org.fld4j.metrics.distortion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.SplittableRandom;
import org.fld4j.io.UInt8Image;
import org.junit.jupiter.api.Test;

class DistortionKindTest {

    @Test
    void parsesShortAndConstantNamesIgnoringCase() {
        assertThat(DistortionKind.parse("additive-noise")).isEqualTo(DistortionKind.ADDITIVE_NOISE);
        assertThat(DistortionKind.parse("Salt-And-Pepper")).isEqualTo(DistortionKind.SALT_AND_PEPPER);
        assertThat(DistortionKind.parse("blur")).isEqualTo(DistortionKind.GAUSSIAN_BLUR);
        assertThat(DistortionKind.parse("gaussian_blur")).isEqualTo(DistortionKind.GAUSSIAN_BLUR);
        assertThat(DistortionKind.parse("OCCLUSION")).isEqualTo(DistortionKind.OCCLUSION);
        assertThat(DistortionKind.parse("jpeg")).isEqualTo(DistortionKind.JPEG);
        assertThat(DistortionKind.parse("pixelate")).isEqualTo(DistortionKind.PIXELATION);
        assertThat(DistortionKind.parse("pixelation")).isEqualTo(DistortionKind.PIXELATION);
        assertThat(DistortionKind.parse(" blend ")).isEqualTo(DistortionKind.GAUSSIAN_BLEND);
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> DistortionKind.parse("sharpen"))
                .withMessageContaining("'sharpen'")
                .withMessageContaining("additive-noise")
                .withMessageContaining("pixelate");
    }

    @Test
    void defaultLevelsAreFiveFromMildToStrong() {
        for (DistortionKind kind : DistortionKind.values()) {
            double[] levels = kind.defaultLevels();
            assertThat(levels).as("%s", kind).hasSize(5);
            for (int i = 1; i < levels.length; i++) {
                if (kind.strongerWhenLower()) {
                    assertThat(levels[i]).as("%s level %d", kind, i).isLessThan(levels[i - 1]);
                } else {
                    assertThat(levels[i]).as("%s level %d", kind, i).isGreaterThan(levels[i - 1]);
                }
            }
        }
        assertThat(DistortionKind.ADDITIVE_NOISE.defaultLevels()).containsExactly(4, 8, 16, 32, 64);
        assertThat(DistortionKind.JPEG.defaultLevels()).containsExactly(90, 60, 30, 10, 5);
        assertThat(DistortionKind.PIXELATION.defaultLevels()).containsExactly(2, 4, 8, 12, 16);
    }

    @Test
    void defaultLevelsAreACopy() {
        DistortionKind.GAUSSIAN_BLUR.defaultLevels()[0] = 99;

        assertThat(DistortionKind.GAUSSIAN_BLUR.defaultLevels()[0]).isEqualTo(0.5);
    }

    @Test
    void levelMapsToEachKindsParameter() {
        assertThat(Distortion.of(DistortionKind.GAUSSIAN_BLEND, 0.2)).isEqualTo(new GaussianBlend(0.2));
        assertThat(Distortion.of(DistortionKind.ADDITIVE_NOISE, 16)).isEqualTo(new AdditiveNoise(16));
        assertThat(Distortion.of(DistortionKind.GAUSSIAN_BLUR, 1.5)).isEqualTo(new GaussianBlur(11, 1.5));
        assertThat(Distortion.of(DistortionKind.SALT_AND_PEPPER, 0.03)).isEqualTo(new SaltAndPepper(0.03));
        assertThat(Distortion.of(DistortionKind.OCCLUSION, 0.4)).isEqualTo(new Occlusion(0.4));
        assertThat(Distortion.of(DistortionKind.JPEG, 30)).isEqualTo(new JpegReencode(30));
        assertThat(Distortion.of(DistortionKind.PIXELATION, 7)).isEqualTo(new Pixelation(7));
    }

    @Test
    void everyDefaultLevelKeepsTheShapeReportsItsKindAndLevelAndChangesATexturedImage() {
        // texture everywhere and no black, so even a small occluding square changes something
        UInt8Image image = TestImages.gray(28, 28, (y, x) -> 30 + (7 * x + 13 * y) % 200);
        for (DistortionKind kind : DistortionKind.values()) {
            for (double level : kind.defaultLevels()) {
                Distortion distortion = Distortion.of(kind, level);

                UInt8Image distorted = distortion.apply(image, new SplittableRandom(1));

                assertThat(distortion.kind()).isEqualTo(kind);
                assertThat(distortion.level()).isEqualTo(level);
                assertThat(distorted.sameShape(image)).as(distortion.description()).isTrue();
                assertThat(distorted).as(distortion.description()).isNotEqualTo(image);
            }
        }
    }

    @Test
    void descriptionsNameTheParameter() {
        assertThat(new AdditiveNoise(8).description()).isEqualTo("additive noise sigma=8");
        assertThat(new SaltAndPepper(0.03).description()).isEqualTo("salt-and-pepper rate=0.03");
        assertThat(GaussianBlur.ofKernel(5).description()).isEqualTo("Gaussian blur sigma=1.1 (kernel 5)");
        assertThat(new JpegReencode(30).description()).isEqualTo("JPEG quality=30");
        assertThat(new Pixelation(4).description()).isEqualTo("pixelation blockSize=4");
        assertThat(new Occlusion(0.2).description()).isEqualTo("occlusion fraction=0.2");
        assertThat(new GaussianBlend(0.05).description()).isEqualTo("Gaussian-noise blend alpha=0.05");
    }
}
