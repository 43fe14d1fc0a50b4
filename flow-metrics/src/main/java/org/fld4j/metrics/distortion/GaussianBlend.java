package org.fld4j.metrics.distortion;

import java.util.SplittableRandom;
import org.fld4j.io.UInt8Image;

/**
 * A blend with a Gaussian noise image: {@code (1 - alpha) x + alpha n}, rounded to the nearest integer.
 *
 * <p>The noise image {@code n} has one {@code N(0,1)} draw per sample (CHW order), rescaled to 0..255 by its own
 * minimum and maximum over the whole image, all channels together: {@code n = 255 (z - min z) / (max z - min z)}.
 * An unbounded normal sample has to be mapped onto the pixel range somehow before it can be blended; the affine
 * min-max map is the one that uses the whole range and keeps the noise's shape, so at {@code alpha = 1} the result
 * spans exactly 0..255 and sits around mid-grey. The extremes of {@code m} normal draws move slowly outwards as
 * {@code m} grows (about 3.5 standard deviations for {@code m = 3*32*32}, 4.5 for {@code 3*256*256}), so one unit
 * of noise is about 36 grey levels on a 3x32x32 image and 28 on a 3x256x256 one: the same {@code alpha} is a little
 * milder on larger images. A one-sample image, whose noise has no spread, gets {@code n = 127.5}.
 *
 * @param alpha the weight of the noise, 0..1; 0 leaves the image unchanged, 1 replaces it by noise
 */
public record GaussianBlend(double alpha) implements Distortion {

    private static final double MID_GREY = 127.5;

    /** Validates the range of {@code alpha}. */
    public GaussianBlend {
        ParameterCheck.inRange("alpha", alpha, 0, 1);
    }

    @Override
    public UInt8Image apply(UInt8Image image, SplittableRandom random) {
        if (alpha == 0) {
            return image;
        }
        double[] noise = new double[image.sampleCount()];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
            min = Math.min(min, noise[i]);
            max = Math.max(max, noise[i]);
        }
        double scale = max > min ? 255 / (max - min) : 0;
        byte[] out = new byte[noise.length];
        for (int i = 0; i < out.length; i++) {
            double rescaled = max > min ? (noise[i] - min) * scale : MID_GREY;
            out[i] = Samples.roundAndClip((1 - alpha) * image.sample(i) + alpha * rescaled);
        }
        return UInt8Image.adopt(image.channels(), image.height(), image.width(), out);
    }

    @Override
    public DistortionKind kind() {
        return DistortionKind.GAUSSIAN_BLEND;
    }

    @Override
    public double level() {
        return alpha;
    }

    @Override
    public String description() {
        return "Gaussian-noise blend alpha=" + NumberText.of(alpha);
    }
}
