package org.fld4j.metrics.distortion;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The seven distortions fld4j uses to check that its metrics grow with image damage, each with a short name for
 * command lines and a default ladder of five levels from mild to strong.
 *
 * <p>A level is the one number that {@link Distortion#of} turns into the kind's parameter: the blend weight, the
 * noise standard deviation, the blur sigma, the salt-and-pepper rate, the occluded fraction, the JPEG quality or the
 * pixelation block size. For every kind but {@link #JPEG} a larger level is a stronger distortion; for JPEG a lower
 * quality is, so its ladder runs downwards ({@link #strongerWhenLower()}).
 */
public enum DistortionKind {

    /** {@code (1-a) x + a n} with Gaussian noise {@code n} rescaled to 0..255; level = {@code a}. */
    GAUSSIAN_BLEND("blend", "alpha", 0.05, 0.1, 0.2, 0.4, 0.6),
    /** {@code x + sigma * N(0,1)}; level = {@code sigma} in pixel units. */
    ADDITIVE_NOISE("additive-noise", "sigma", 4, 8, 16, 32, 64),
    /** Separable Gaussian blur; level = {@code sigma} in pixels (kernel {@code 2 ceil(3 sigma) + 1}). */
    GAUSSIAN_BLUR("blur", "sigma", 0.5, 1, 1.5, 2.5, 4),
    /** Pixels set to black or white; level = the rate {@code p}. */
    SALT_AND_PEPPER("salt-and-pepper", "rate", 0.01, 0.03, 0.1, 0.3, 0.5),
    /** A black square; level = the fraction of the image area it covers. */
    OCCLUSION("occlusion", "fraction", 0.05, 0.1, 0.2, 0.4, 0.6),
    /** JPEG re-encoding; level = the quality 1..100 (lower is stronger). */
    JPEG("jpeg", "quality", 90, 60, 30, 10, 5),
    /**
     * Block means; level = the block size in pixels. Every size of the ladder is 2 or a multiple of 4, so the blocks
     * of every level start on the grids of a flow's first two squeezes (2x2, then 4x4): a size that cuts across the
     * squeezed groups (3, 6, 7) is modelled less sharply by a flow trained on the distorted images, and J ranked such
     * sizes below aligned ones that lose less detail (fld4j's user guide, "J at 500 generated images").
     */
    PIXELATION("pixelate", "blockSize", 2, 4, 8, 12, 16);

    private final String shortName;
    private final String parameterName;
    private final double[] defaultLevels;

    DistortionKind(String shortName, String parameterName, double... defaultLevels) {
        this.shortName = shortName;
        this.parameterName = parameterName;
        this.defaultLevels = defaultLevels;
    }

    /** The name used on command lines and in file names, e.g. {@code salt-and-pepper}. */
    public String shortName() {
        return shortName;
    }

    /** The name of the parameter that a level sets, e.g. {@code sigma}. */
    public String parameterName() {
        return parameterName;
    }

    /** Five levels ordered from mild to strong; a fresh copy. */
    public double[] defaultLevels() {
        return defaultLevels.clone();
    }

    /** Whether a lower level is the stronger distortion (JPEG quality). */
    public boolean strongerWhenLower() {
        return this == JPEG;
    }

    /**
     * The kind called {@code name}, ignoring case: its {@link #shortName()} ({@code blend}, {@code additive-noise},
     * {@code blur}, {@code salt-and-pepper}, {@code occlusion}, {@code jpeg}, {@code pixelate}) or its constant name
     * with either {@code _} or {@code -} between words ({@code gaussian-blur}, {@code PIXELATION}).
     *
     * @throws IllegalArgumentException if no kind has that name; the message lists the short names
     */
    public static DistortionKind parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (DistortionKind kind : values()) {
            String constantName = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
            if (kind.shortName.equals(wanted) || constantName.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown distortion '" + name + "'; known: "
                + Arrays.stream(values()).map(DistortionKind::shortName).collect(Collectors.joining(", ")));
    }
}
