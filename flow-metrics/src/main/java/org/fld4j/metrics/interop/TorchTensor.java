package org.fld4j.metrics.interop;

import java.util.Arrays;

/**
 * One {@code state_dict} entry of the PyTorch flow: its key and its shape as PyTorch holds it.
 *
 * @param key   the full key, e.g. {@code flow_layers.1.network.nn.0.weight}
 * @param shape the tensor's shape, e.g. {@code [32, 3, 3, 3]} (convolutions are OIHW, as in fld4j)
 */
record TorchTensor(String key, long[] shape) {

    TorchTensor {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of values. */
    long length() {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TorchTensor t && t.key.equals(key) && Arrays.equals(t.shape, shape);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(shape);
    }
}
