package org.fld4j.core.transform;

import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.memory.WorkArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The prior of every flow: a standard normal N(0, I) over the latent sample,
 * {@code log N(z; 0, I) = -|z|^2 / 2 - (D/2) log(2 pi)}, evaluated in double.
 */
public final class StandardNormal implements WorkArrays {

    /** {@code (1/2) log(2 pi)}. */
    public static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final BufferCache buffers = new BufferCache();

    /** Per-sample log-density of {@code z} [N, ...] as a DOUBLE vector of length N (owned by this prior). */
    public INDArray logDensity(INDArray z) {
        long n = z.size(0);
        long d = z.length() / n;
        INDArray squares = buffers.get("sq", DataType.DOUBLE, z.shape());
        squares.assign(z);
        squares.muli(squares);
        INDArray out = buffers.get("logp", DataType.DOUBLE, n);
        Tensors.sumPerSample(squares, out, buffers, "unused");
        out.muli(-0.5).subi(d * HALF_LOG_TWO_PI);
        return out;
    }

    @Override
    public void releaseWorkArrays() {
        buffers.release();
    }
}
