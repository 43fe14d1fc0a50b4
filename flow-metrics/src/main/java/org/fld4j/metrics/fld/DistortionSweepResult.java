package org.fld4j.metrics.fld;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.distortion.DistortionKind;

/**
 * FLD of one set of images undistorted and at each level of one distortion, immutable.
 *
 * @param kind        the distortion
 * @param levels      its levels, mild to strong
 * @param seed        the seed every level was drawn from
 * @param undistorted the score of the images as they are (level "none")
 * @param scores      one score per level, in the order of {@code levels}
 */
public record DistortionSweepResult(DistortionKind kind, List<Double> levels, long seed, FldScore undistorted,
                                    List<FldScore> scores) {

    public DistortionSweepResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(undistorted, "undistorted");
        levels = List.copyOf(levels);
        scores = List.copyOf(scores);
        if (levels.size() != scores.size()) {
            throw new IllegalArgumentException(levels.size() + " levels but " + scores.size() + " scores");
        }
    }

    /** Whether FLD rises strictly from the undistorted images through every level, mild to strong. */
    public boolean monotonic() {
        return firstViolation().isEmpty();
    }

    /**
     * Where FLD first fails to rise, e.g. {@code FLD 0.2100 at additive noise sigma=16 is not above 0.2200 at
     * additive noise sigma=8}; empty when it rises at every step.
     */
    public Optional<String> firstViolation() {
        double previous = undistorted.value();
        String previousName = "the undistorted images";
        for (int i = 0; i < scores.size(); i++) {
            double value = scores.get(i).value();
            if (!(value > previous)) {
                return Optional.of(String.format(Locale.ROOT, "FLD %.6f at %s is not above %.6f at %s", value,
                        description(i), previous, previousName));
            }
            previous = value;
            previousName = description(i);
        }
        return Optional.empty();
    }

    /** What level {@code i} is, e.g. {@code additive noise sigma=16}. */
    public String description(int i) {
        return Distortion.of(kind, levels.get(i)).description();
    }

    /** One line per level, the undistorted images first. */
    public String summary() {
        StringBuilder text = new StringBuilder("none: " + undistorted.summary() + System.lineSeparator());
        for (int i = 0; i < scores.size(); i++) {
            text.append(description(i)).append(": ").append(scores.get(i).summary()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
