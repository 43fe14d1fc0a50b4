package org.fld4j.core.memory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.fld4j.core.internal.kernel.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Named, preallocated work arrays of a layer, reused across calls with the same shape, so that a
 * training step allocates no new tensors once every batch shape has been seen.
 *
 * <p>Arrays are kept per (name, type, shape); the cache is small because an epoch sees at most two
 * batch sizes (full batches and the last one). Contents are whatever the last user left there.
 * {@link #release()} frees them at once (see {@link WorkArrays} for why that matters).
 */
public final class BufferCache {

    private record Key(String name, DataType type, long[] shape) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.name.equals(name) && k.type == type && Arrays.equals(k.shape, shape);
        }

        @Override
        public int hashCode() {
            return (name.hashCode() * 31 + type.hashCode()) * 31 + Arrays.hashCode(shape);
        }
    }

    private final Map<Key, INDArray> arrays = new HashMap<>();

    /** A C-ordered array of this name, type and shape; allocated (zero-filled) on first use only. */
    public INDArray get(String name, DataType type, long... shape) {
        return arrays.computeIfAbsent(new Key(name, type, shape.clone()), k -> Nd4j.create(k.type, k.shape, 'c'));
    }

    /**
     * Frees every cached array now and empties the cache; later {@link #get} calls allocate afresh.
     * Whoever took an array from this cache must not use it (or a view of it) afterwards.
     */
    public void release() {
        NativeMemory.close(arrays.values());
        arrays.clear();
    }
}
