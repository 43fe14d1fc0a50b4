package org.fld4j.cli.report;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.fld4j.metrics.distortion.DistortionKind;

/**
 * One distortion of a report's sweep and its levels, mild to strong (checked when the sweep runs, by
 * {@link org.fld4j.metrics.fld.DistortionSweep#levels}).
 *
 * @param kind   the distortion
 * @param levels its levels, mild to strong
 */
public record DistortionLadder(DistortionKind kind, List<Double> levels) {

    public DistortionLadder {
        Objects.requireNonNull(kind, "kind");
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a distortion ladder needs at least one level, " + kind.shortName()
                    + " has none");
        }
    }

    /** {@code kind} at {@code levels}. */
    public static DistortionLadder of(DistortionKind kind, double... levels) {
        return new DistortionLadder(kind, Arrays.stream(levels).boxed().toList());
    }

    /** The levels as an array. */
    public double[] levelArray() {
        return levels.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
