package org.fld4j.metrics.fld;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * What an {@link FldAccumulator} has gathered, as a value that can be shipped between machines and merged
 * ({@link FldAccumulator#merge(FldAccumulatorState)}): every image's log-likelihood under each reference flow, in
 * nats, and its name, plus the identity of the reference that scored them. It costs {@code 8 K} bytes an image for
 * K flows, plus the name; the bootstrap interval is computed from it once, where the parts meet, so it does not
 * depend on how the images were split.
 *
 * @param referenceIdentity {@link FldReference#identity()} of the reference that scored the images
 * @param values            {@code values[k][i]}: flow k's log-likelihood of image i
 * @param names             image i's name
 */
public record FldAccumulatorState(String referenceIdentity, double[][] values, String[] names)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public FldAccumulatorState {
        Objects.requireNonNull(referenceIdentity, "referenceIdentity");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(names, "names");
        if (values.length == 0) {
            throw new IllegalArgumentException("a partial FLD score has values of at least one reference flow");
        }
        for (double[] flow : values) {
            if (flow.length != names.length) {
                throw new IllegalArgumentException("a partial FLD score has " + names.length
                        + " image names but a flow with " + flow.length + " values");
            }
        }
    }

    /** Images in this part. */
    public int count() {
        return names.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FldAccumulatorState s && referenceIdentity.equals(s.referenceIdentity)
                && Arrays.deepEquals(values, s.values) && Arrays.equals(names, s.names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(referenceIdentity, Arrays.deepHashCode(values), Arrays.hashCode(names));
    }

    @Override
    public String toString() {
        return "FldAccumulatorState[" + names.length + " images, " + values.length + " flows]";
    }
}
