package org.fld4j.metrics.distortion;

import java.util.SplittableRandom;
import org.fld4j.io.UInt8Image;

/**
 * Additive Gaussian noise: every sample becomes {@code x + sigma * z} with its own {@code z ~ N(0,1)}, rounded to the
 * nearest integer and clipped to 0..255. Samples are drawn in CHW order, so the channels of a pixel get
 * independent noise.
 *
 * @param sigma the noise standard deviation in pixel units, 0..255; 0 leaves the image unchanged
 */
public record AdditiveNoise(double sigma) implements Distortion {

    /** Validates the range of {@code sigma}. */
    public AdditiveNoise {
        ParameterCheck.inRange("sigma", sigma, 0, 255);
    }

    @Override
    public UInt8Image apply(UInt8Image image, SplittableRandom random) {
        if (sigma == 0) {
            return image;
        }
        byte[] out = new byte[image.sampleCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Samples.roundAndClip(image.sample(i) + sigma * random.nextGaussian());
        }
        return UInt8Image.adopt(image.channels(), image.height(), image.width(), out);
    }

    @Override
    public DistortionKind kind() {
        return DistortionKind.ADDITIVE_NOISE;
    }

    @Override
    public double level() {
        return sigma;
    }

    @Override
    public String description() {
        return "additive noise sigma=" + NumberText.of(sigma);
    }
}
