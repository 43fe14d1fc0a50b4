package org.fld4j.core;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.factory.Nd4j;

/** Small tensor routines shared by layers, kept allocation-free through a {@link BufferCache}. */
public final class Tensors {

    private Tensors() {
    }

    /**
     * Sums each sample of {@code x} ([N, ...]) over all non-batch dimensions into the DOUBLE vector
     * {@code out} (length N). The sum runs in double even for float32 input, so that log-likelihoods
     * are accumulated in double as fld4j promises.
     */
    public static INDArray sumPerSample(INDArray x, INDArray out, BufferCache buffers, String scratchName) {
        INDArray source = x;
        if (x.dataType() != DataType.DOUBLE) {
            source = buffers.get(scratchName, DataType.DOUBLE, x.shape());
            source.assign(x);
        }
        int[] dims = new int[source.rank() - 1];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = i + 1;
        }
        Nd4j.exec(new Sum(source, out, dims));
        return out;
    }

    /** Column sums of a matrix {@code x} [N, D] into {@code out} [D] (same type as x). */
    public static INDArray sumOverBatch(INDArray x, INDArray out) {
        Nd4j.exec(new Sum(x, out, 0));
        return out;
    }

    /** Number of values in one sample of the given per-sample shape. */
    public static long sampleSize(long[] sampleShape) {
        long n = 1;
        for (long s : sampleShape) {
            n *= s;
        }
        return n;
    }

    /** {@code [n, sampleShape...]}. */
    public static long[] batchShape(long n, long[] sampleShape) {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = n;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return shape;
    }
}
