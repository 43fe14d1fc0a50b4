package org.fld4j.metrics.fld;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.fld4j.io.ImageSource;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.distortion.DistortionKind;

/**
 * FLD of real images damaged by one kind of distortion at increasing strength, to check the paper's claim that the
 * metric grows with every step ({@link DistortionSweepResult#monotonic()}).
 *
 * <pre>{@code
 * DistortionSweepResult sweep = DistortionSweep.of(fld, DistortionKind.ADDITIVE_NOISE).levels(8, 16, 32).run(real);
 * sweep.firstViolation().ifPresent(System.out::println);
 * }</pre>
 *
 * <p>The images are scored as they are and then once per level, each distorted lazily as it is read
 * ({@link Distortion#applyTo}). Every level uses the same seed, so image {@code i} meets the same random draws at
 * every level and the levels differ by strength alone; that keeps the random noise of the comparison small.
 * Immutable: the option methods return a new sweep.
 */
public final class DistortionSweep {

    private final Fld fld;
    private final DistortionKind kind;
    private final double[] levels;
    private final long seed;

    private DistortionSweep(Fld fld, DistortionKind kind, double[] levels, long seed) {
        this.fld = Objects.requireNonNull(fld, "fld");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.levels = checked(kind, levels);
        this.seed = seed;
    }

    /** A sweep of {@code kind} over its {@link DistortionKind#defaultLevels()}, seed 0. */
    public static DistortionSweep of(Fld fld, DistortionKind kind) {
        return new DistortionSweep(fld, kind, Objects.requireNonNull(kind, "kind").defaultLevels(), 0L);
    }

    /**
     * Other levels, ordered from mild to strong: increasing, or decreasing for a kind that is
     * {@link DistortionKind#strongerWhenLower() stronger when lower} (JPEG quality).
     *
     * @throws IllegalArgumentException if there are none, one is not a valid parameter of the kind, or they are not
     *                                  strictly ordered from mild to strong
     */
    public DistortionSweep levels(double... values) {
        return new DistortionSweep(fld, kind, values, seed);
    }

    /** The seed every level's distortion is drawn from. */
    public DistortionSweep seed(long value) {
        return new DistortionSweep(fld, kind, levels, value);
    }

    public DistortionKind kind() {
        return kind;
    }

    /** The levels, mild to strong; a fresh copy. */
    public double[] levels() {
        return levels.clone();
    }

    public long seed() {
        return seed;
    }

    /** Scores {@code images} undistorted and at every level (training the reference first if needed). */
    public DistortionSweepResult run(ImageSource images) {
        FldScore undistorted = fld.score(images);
        List<FldScore> scores = new ArrayList<>(levels.length);
        for (double level : levels) {
            scores.add(fld.score(Distortion.of(kind, level).applyTo(images, seed)));
        }
        return new DistortionSweepResult(kind, Arrays.stream(levels).boxed().toList(), seed, undistorted, scores);
    }

    private static double[] checked(DistortionKind kind, double[] levels) {
        if (levels == null || levels.length == 0) {
            throw new IllegalArgumentException("a distortion sweep needs at least one level");
        }
        double[] copy = levels.clone();
        for (int i = 0; i < copy.length; i++) {
            Distortion.of(kind, copy[i]);
            boolean stronger = i == 0 || (kind.strongerWhenLower() ? copy[i] < copy[i - 1] : copy[i] > copy[i - 1]);
            if (!stronger) {
                throw new IllegalArgumentException(kind.shortName() + " levels must run strictly from mild to strong ("
                        + (kind.strongerWhenLower() ? "decreasing" : "increasing") + " " + kind.parameterName()
                        + "), got " + Arrays.toString(copy));
            }
        }
        return copy;
    }
}
