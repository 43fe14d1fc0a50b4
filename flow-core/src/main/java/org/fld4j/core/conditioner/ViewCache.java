package org.fld4j.core.conditioner;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Views of a network's work arrays, each made once per array and kind. ND4J allocates a native shape buffer for
 * every view it creates; made afresh on every call, the views of an evaluation pass (NHWC views of the blocks,
 * channel ranges, matrices for GEMM) took about 3% of an FLD scoring pass. The work arrays live until their
 * owner releases them, so a view lives as long: {@link #clear} goes with every release.
 */
final class ViewCache {

    private final Map<INDArray, Map<String, INDArray>> views = new IdentityHashMap<>();

    /** The view {@code kind} of {@code array}, made by {@code make} the first time. */
    INDArray of(INDArray array, String kind, UnaryOperator<INDArray> make) {
        return views.computeIfAbsent(array, a -> new HashMap<>(4)).computeIfAbsent(kind, k -> make.apply(array));
    }

    /** Forgets every view (their arrays are being released). */
    void clear() {
        views.clear();
    }
}
