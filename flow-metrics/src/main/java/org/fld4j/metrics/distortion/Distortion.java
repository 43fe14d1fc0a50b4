package org.fld4j.metrics.distortion;

import java.util.SplittableRandom;
import org.fld4j.io.ImageSource;
import org.fld4j.io.UInt8Image;

/**
 * A seeded change to an 8-bit image, used to damage real images by a known amount and check that a metric grows
 * with the damage.
 *
 * <p>A distortion is a value: its parameters are fixed at construction and validated there. All randomness comes
 * from the {@link SplittableRandom} passed to {@link #apply}, so the same generator state always gives the same
 * image; deterministic distortions (blur, JPEG, pixelation) ignore it. The output has the shape of the input.
 */
public sealed interface Distortion
        permits GaussianBlend, AdditiveNoise, GaussianBlur, SaltAndPepper, Occlusion, JpegReencode, Pixelation {

    /**
     * The distorted image. Draws from {@code random} in a fixed order, so a generator in a given state always gives
     * the same result.
     */
    UInt8Image apply(UInt8Image image, SplittableRandom random);

    /** Which of the seven distortions this is. */
    DistortionKind kind();

    /** The parameter that {@link #of} maps a level to (see {@link DistortionKind}). */
    double level();

    /** A short text for reports, e.g. {@code additive noise sigma=8}. */
    String description();

    /**
     * {@code source} with this distortion applied to every image as it is read, image {@code i} with a generator
     * derived from {@code seed} and {@code i} only.
     */
    default DistortedSource applyTo(ImageSource source, long seed) {
        return new DistortedSource(source, this, seed);
    }

    /**
     * The distortion of {@code kind} at {@code level}: blend weight, noise sigma, blur sigma
     * ({@link GaussianBlur#ofSigma}), salt-and-pepper rate, occluded fraction, JPEG quality or pixelation block
     * size. Quality and block size must be whole numbers.
     *
     * @throws IllegalArgumentException if the level is not a valid parameter value; the message names it
     */
    static Distortion of(DistortionKind kind, double level) {
        return switch (kind) {
            case GAUSSIAN_BLEND -> new GaussianBlend(level);
            case ADDITIVE_NOISE -> new AdditiveNoise(level);
            case GAUSSIAN_BLUR -> GaussianBlur.ofSigma(level);
            case SALT_AND_PEPPER -> new SaltAndPepper(level);
            case OCCLUSION -> new Occlusion(level);
            case JPEG -> new JpegReencode(ParameterCheck.wholeInRange(kind.parameterName(), level,
                    JpegReencode.MIN_QUALITY, JpegReencode.MAX_QUALITY));
            case PIXELATION -> new Pixelation(ParameterCheck.wholeInRange(kind.parameterName(), level,
                    1, Integer.MAX_VALUE));
        };
    }
}
