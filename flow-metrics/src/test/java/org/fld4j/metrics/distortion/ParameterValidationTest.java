package org.fld4j.metrics.distortion;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ParameterValidationTest {

    @Test
    void rangesNameTheParameterAndTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AdditiveNoise(-1))
                .withMessage("sigma must be in [0, 255]: -1");
        assertThatIllegalArgumentException().isThrownBy(() -> new AdditiveNoise(Double.NaN))
                .withMessage("sigma must be in [0, 255]: NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> new GaussianBlend(1.5))
                .withMessage("alpha must be in [0, 1]: 1.5");
        assertThatIllegalArgumentException().isThrownBy(() -> new SaltAndPepper(-0.1))
                .withMessage("rate must be in [0, 1]: -0.1");
        assertThatIllegalArgumentException().isThrownBy(() -> new Occlusion(2))
                .withMessage("fraction must be in [0, 1]: 2");
        assertThatIllegalArgumentException().isThrownBy(() -> new JpegReencode(0))
                .withMessage("quality must be in [1, 100]: 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new JpegReencode(101))
                .withMessage("quality must be in [1, 100]: 101");
        assertThatIllegalArgumentException().isThrownBy(() -> new Pixelation(0))
                .withMessageStartingWith("blockSize must be in [1, ")
                .withMessageEndingWith("]: 0");
    }

    @Test
    void blurParametersAreChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> GaussianBlur.ofKernel(4))
                .withMessage("kernelSize must be odd: 4");
        assertThatIllegalArgumentException().isThrownBy(() -> GaussianBlur.ofKernel(0))
                .withMessage("kernelSize must be in [1, 601]: 0");
        assertThatIllegalArgumentException().isThrownBy(() -> GaussianBlur.ofSigma(-0.5))
                .withMessage("sigma must be in [0, 100]: -0.5");
        assertThatIllegalArgumentException().isThrownBy(() -> new GaussianBlur(5, 0))
                .withMessage("sigma must be > 0 for kernelSize 5: 0");
    }

    @Test
    void wholeNumberLevelsMustBeWhole() {
        assertThatIllegalArgumentException().isThrownBy(() -> Distortion.of(DistortionKind.JPEG, 30.5))
                .withMessage("quality must be a whole number: 30.5");
        assertThatIllegalArgumentException().isThrownBy(() -> Distortion.of(DistortionKind.PIXELATION, 2.5))
                .withMessage("blockSize must be a whole number: 2.5");
        assertThatIllegalArgumentException().isThrownBy(() -> Distortion.of(DistortionKind.JPEG, 1e12))
                .withMessage("quality must be in [1, 100]: 1000000000000");
    }
}
