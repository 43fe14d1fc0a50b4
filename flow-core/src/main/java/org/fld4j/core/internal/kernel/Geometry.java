package org.fld4j.core.internal.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch size and image size of a pass. Buffers are kept per geometry rather than per pixel count, so
 * that two batches with the same number of pixels but different shapes never share them.
 */
public record Geometry(long n, long height, long width) {

    /** The geometry of an NCHW tensor. */
    public static Geometry of(INDArray nchw) {
        return new Geometry(nchw.size(0), nchw.size(2), nchw.size(3));
    }

    /** Pixels of the whole batch, the column count of a planar tensor. */
    public long pixels() {
        return n * height * width;
    }
}
