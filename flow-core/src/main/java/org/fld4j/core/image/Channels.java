package org.fld4j.core.image;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Channel ranges of NCHW tensors as views, for splitting and concatenating without copies. */
final class Channels {

    private Channels() {
    }

    /**
     * Channels {@code [from, from + count)} of {@code a [N, C, H, W]} as a view that ND4J ops, native
     * convolutions included, can write into. Built over the same buffer rather than with
     * {@code INDArray.get}, which costs more per call.
     */
    static INDArray slice(INDArray a, long from, long count) {
        long[] shape = a.shape();
        shape[1] = count;
        return Nd4j.create(a.data(), shape, a.stride(), a.offset() + from * a.stride(1), 'c');
    }
}
