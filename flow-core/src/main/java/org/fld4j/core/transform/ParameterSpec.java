package org.fld4j.core.transform;

import java.util.Arrays;

/**
 * Name and shape of one trainable parameter tensor of a {@link Transform}.
 *
 * @param name  unique within its layer, e.g. {@code "w1"}
 * @param shape the tensor's shape
 */
public record ParameterSpec(String name, long... shape) {

    public ParameterSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
        for (long s : shape) {
            if (s <= 0) {
                throw new IllegalArgumentException("parameter " + name + " has a non-positive dimension: "
                        + Arrays.toString(shape));
            }
        }
        shape = shape.clone();
    }

    /** Number of scalar values in this tensor. */
    public long length() {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSpec p && p.name.equals(name) && Arrays.equals(p.shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
