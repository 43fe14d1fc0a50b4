package org.fld4j.core.conditioner;

import java.util.HashMap;
import java.util.Map;
import org.fld4j.core.internal.kernel.Geometry;
import org.fld4j.core.memory.InferenceArrays;
import org.fld4j.core.memory.NativeMemory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Named planar work arrays of a layer, {@code [rows, N*H*W]}, kept per geometry (not per pixel count,
 * so that two batch shapes with as many pixels never share one) and reused across calls: a pass
 * allocates no tensors once its geometry has been seen. Arrays start zero-filled, also after a
 * {@link #release()}.
 *
 * <p>While the network only evaluates, the arrays come from its {@link InferenceArrays} instead, named
 * by the layer's {@code role}: the same layer of every coupling then uses one array, since no
 * evaluation needs a coupling's intermediate values after the coupling has run.
 */
final class PlanarBuffers {

    private record Key(String name, long rows, Geometry geometry) {
    }

    private final DataType dataType;
    private final String role;
    private final Scratch scratch;
    private final Map<Key, INDArray> arrays = new HashMap<>();

    /** Buffers that are always the layer's own. */
    public PlanarBuffers(DataType dataType) {
        this(dataType, null, null);
    }

    /** Buffers that {@code scratch} may redirect to its network's shared evaluation arrays under {@code role}. */
    public PlanarBuffers(DataType dataType, String role, Scratch scratch) {
        this.dataType = dataType;
        this.role = role;
        this.scratch = scratch;
    }

    public DataType dataType() {
        return dataType;
    }

    public INDArray get(String name, long rows, Geometry g) {
        if (scratch != null && scratch.evaluating()) {
            return scratch.evaluationArray(role + "." + name, rows, g);
        }
        return arrays.computeIfAbsent(new Key(name, rows, g), k -> Nd4j.create(dataType, k.rows(), g.pixels()));
    }

    /** Frees every array now (see {@link org.fld4j.core.memory.WorkArrays}); later calls allocate afresh. */
    public void release() {
        NativeMemory.close(arrays.values());
        arrays.clear();
    }
}
