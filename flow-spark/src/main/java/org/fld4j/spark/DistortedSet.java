package org.fld4j.spark;

import java.io.Serializable;
import java.util.Objects;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.distortion.DistortionKind;

/**
 * One generated set of a distortion sweep: the sweep's images damaged by {@code kind} at {@code level}.
 *
 * @param kind  the distortion
 * @param level its strength, a valid parameter of the kind
 */
public record DistortedSet(DistortionKind kind, double level) implements Serializable {

    private static final long serialVersionUID = 1L;

    public DistortedSet {
        Objects.requireNonNull(kind, "kind");
        Distortion.of(kind, level);
    }

    @Override
    public String toString() {
        return kind.shortName() + " " + kind.parameterName() + "=" + level;
    }
}
