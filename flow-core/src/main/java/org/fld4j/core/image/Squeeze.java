package org.fld4j.core.image;

import org.fld4j.core.transform.ImageShapes;

import org.fld4j.core.transform.LayerSize;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.Transformed;
import org.fld4j.core.memory.WorkArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trades space for channels: {@code C x H x W -> 4C x H/2 x W/2}, the new channel of input channel
 * {@code c} at offset {@code (dy, dx)} in its 2x2 block being {@code 4c + 2 dy + dx} (SPEC §1, the
 * official code's order). A permutation, so its log-determinant is 0.
 */
public final class Squeeze implements Transform, WorkArrays {

    public static final String TYPE = "squeeze";

    private final long[] shape;
    private final DataType dataType;
    private final BufferCache buffers = new BufferCache();

    public Squeeze(long[] shape, DataType dataType) {
        this.shape = ImageShapes.checkChw(shape, "squeeze");
        if (shape[1] % 2 != 0 || shape[2] % 2 != 0) {
            throw new IllegalArgumentException("squeeze needs even H and W, got shape " + java.util.Arrays.toString(shape));
        }
        this.dataType = dataType;
    }

    public static Squeeze fromConfig(LayerConfig c) {
        return new Squeeze(c.getLongArray("shape"), c.getEnum("dataType", DataType.class));
    }

    /** Parameters (none) and work of the layer {@link #fromConfig} would build, from the config alone. */
    public static LayerSize size(LayerConfig c) {
        return new LayerSize(0, Math.multiplyExact(2, LayerSize.sampleSize(c, "shape")));
    }

    @Override
    public LayerConfig config() {
        return LayerConfig.of(TYPE).put("shape", shape).put("dataType", dataType.name()).build();
    }

    @Override
    public long[] inputShape() {
        return shape.clone();
    }

    @Override
    public long[] outputShape() {
        return new long[] {4 * shape[0], shape[1] / 2, shape[2] / 2};
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    /** [N, C, H, W] -> [N, 4C, H/2, W/2] into {@code out}. */
    static void squeeze(INDArray x, INDArray out) {
        long n = x.size(0);
        long c = x.size(1);
        long h = x.size(2) / 2;
        long w = x.size(3) / 2;
        // x[n, c, i, dy, j, dx] -> out[n, c, dy, dx, i, j]
        out.reshape(n, c, 2, 2, h, w).assign(x.reshape('c', n, c, h, 2, w, 2).permute(0, 1, 3, 5, 2, 4));
    }

    /** [N, 4C, H/2, W/2] -> [N, C, H, W] into {@code out}. */
    static void unsqueeze(INDArray y, INDArray out) {
        long n = y.size(0);
        long c = y.size(1) / 4;
        long h = y.size(2);
        long w = y.size(3);
        out.reshape(n, c, h, 2, w, 2).assign(y.reshape('c', n, c, 2, 2, h, w).permute(0, 1, 4, 2, 5, 3));
    }

    private Transformed result(INDArray out, String name) {
        INDArray logDet = buffers.get(name, DataType.DOUBLE, out.size(0));
        return new Transformed(out, logDet);
    }

    @Override
    public Transformed forward(INDArray x) {
        INDArray y = buffers.get("y", dataType, x.size(0), 4 * shape[0], shape[1] / 2, shape[2] / 2);
        squeeze(x.dup('c'), y);
        return result(y, "logdet");
    }

    @Override
    public Transformed inverse(INDArray y) {
        INDArray x = buffers.get("x", dataType, y.size(0), shape[0], shape[1], shape[2]);
        unsqueeze(y.dup('c'), x);
        return result(x, "inv.logdet");
    }

    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        INDArray gx = buffers.get("b.gx", dataType, gradOutput.size(0), shape[0], shape[1], shape[2]);
        unsqueeze(gradOutput.dup('c'), gx);
        return gx;
    }

    @Override
    public void releaseWorkArrays() {
        buffers.release();
    }
}
