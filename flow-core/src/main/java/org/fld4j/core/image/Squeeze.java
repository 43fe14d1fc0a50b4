package org.fld4j.core.image;

import org.fld4j.core.BufferCache;
import org.fld4j.core.LayerConfig;
import org.fld4j.core.Transform;
import org.fld4j.core.Transformed;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trades resolution for channels: C x H x W becomes 4C x H/2 x W/2, each 2 x 2 block of a channel
 * {@code c} spread over the new channels {@code k = 4c + 2 dy + dx} (the official FLD code's order,
 * PyTorch's {@code reshape(B, C, H/2, 2, W/2, 2).permute(0, 1, 3, 5, 2, 4).reshape(B, 4C, H/2, W/2)}).
 *
 * <p>A pure rearrangement of values, so its log-determinant is 0 and its inverse exact.
 */
public final class Squeeze implements Transform {

    public static final String TYPE = "squeeze";

    private final ImageShape shape;
    private final DataType dataType;
    private final BufferCache buffers = new BufferCache();

    /**
     * @param channels C of the input
     * @param height   H of the input, even
     * @param width    W of the input, even
     */
    public Squeeze(int channels, int height, int width, DataType dataType) {
        this.shape = new ImageShape(channels, height, width);
        if (height % 2 != 0 || width % 2 != 0) {
            throw new IllegalArgumentException("squeeze needs an even height and width, got height " + height
                    + " and width " + width);
        }
        this.dataType = dataType;
    }

    /** Rebuilds a squeeze from its {@link #config()}. */
    public static Squeeze fromConfig(LayerConfig c) {
        ImageShape s = ImageShape.fromConfig(c);
        return new Squeeze(s.channels(), s.height(), s.width(), DataType.valueOf(c.getString("dataType")));
    }

    @Override
    public LayerConfig config() {
        return shape.putInto(LayerConfig.of(TYPE)).put("dataType", dataType.name()).build();
    }

    @Override
    public long[] inputShape() {
        return shape.toArray();
    }

    @Override
    public long[] outputShape() {
        return new long[] {4L * shape.channels(), shape.height() / 2, shape.width() / 2};
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    /** {@code [n, C, H/2, 2, W/2, 2]}: the unsqueezed layout with each 2 x 2 block's offsets split out. */
    private long[] blockShape(long n) {
        return new long[] {n, shape.channels(), shape.height() / 2, 2, shape.width() / 2, 2};
    }

    /** {@code [n, C, 2, 2, H/2, W/2]}: the squeezed layout with the new channel k split into (c, dy, dx). */
    private long[] splitChannelShape(long n) {
        return new long[] {n, shape.channels(), 2, 2, shape.height() / 2, shape.width() / 2};
    }

    private INDArray squeeze(INDArray x, String name) {
        long n = x.size(0);
        INDArray out = buffers.get(name, dataType, n, 4L * shape.channels(), shape.height() / 2, shape.width() / 2);
        // Both reshapes are views of C-ordered arrays, so the assign writes straight into the buffer.
        out.reshape('c', splitChannelShape(n)).assign(x.reshape('c', blockShape(n)).permute(0, 1, 3, 5, 2, 4));
        return out;
    }

    private INDArray unsqueeze(INDArray y, String name) {
        long n = y.size(0);
        INDArray out = buffers.get(name, dataType, shape.batchShape(n));
        out.reshape('c', blockShape(n)).assign(y.reshape('c', splitChannelShape(n)).permute(0, 1, 4, 2, 5, 3));
        return out;
    }

    private INDArray zeroLogDet(long n, String name) {
        return buffers.get(name, DataType.DOUBLE, n).assign(0);
    }

    @Override
    public Transformed forward(INDArray x) {
        return new Transformed(squeeze(x, "y"), zeroLogDet(x.size(0), "logdet"));
    }

    @Override
    public Transformed inverse(INDArray y) {
        return new Transformed(unsqueeze(y, "inv.x"), zeroLogDet(y.size(0), "inv.logdet"));
    }

    /** The squeeze is a permutation of values, so the gradient is permuted back by the inverse. */
    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        return unsqueeze(gradOutput, "b.gx");
    }
}
