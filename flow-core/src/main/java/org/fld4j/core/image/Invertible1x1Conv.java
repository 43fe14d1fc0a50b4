package org.fld4j.core.image;

import org.fld4j.core.transform.LayerSize;
import java.util.List;
import java.util.random.RandomGenerator;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.ParameterSpec;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.Transformed;
import org.fld4j.core.memory.WorkArrays;
import org.fld4j.core.layer.LuWeight;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Glow's invertible 1x1 convolution: every pixel's channel vector is multiplied by the same C x C
 * matrix, {@code y[:, h, w] = W x[:, h, w]}, with W in the LU parametrisation
 * {@code W = P L (U + diag(sign * exp(logScale)))} (see {@link LuWeight}). The map is block diagonal
 * with H * W copies of W, so {@code log|det J| = H * W * sum(logScale)}. The inverse computes
 * {@code W^-1} in double precision.
 *
 * <p>The pixels are mixed as one matrix product: the batch is laid out channel-last as
 * {@code [N * H * W, C]} rows, multiplied by {@code W^T}, and laid back out as NCHW.
 */
public final class Invertible1x1Conv implements Transform, WorkArrays {

    public static final String TYPE = "invertible-1x1-conv";

    private final ImageShape shape;
    private final LuWeight weight;
    private final DataType dataType;
    private final BufferCache buffers = new BufferCache();

    /**
     * @param rowPermutation P over the channels, as {@code (P A)[i] = A[rowPermutation[i]]}; its
     *                       length is the channel count
     * @param sign           the fixed signs of the diagonal of U, each +1 or -1
     */
    public Invertible1x1Conv(int channels, int height, int width, int[] rowPermutation, double[] sign,
                             DataType dataType) {
        this(new ImageShape(channels, height, width), new LuWeight(rowPermutation, sign, dataType), dataType);
    }

    private Invertible1x1Conv(ImageShape shape, LuWeight weight, DataType dataType) {
        if (weight.dimension() != shape.channels()) {
            throw new IllegalArgumentException("rowPermutation has length " + weight.dimension()
                    + ", expected one entry per channel: " + shape.channels());
        }
        this.shape = shape;
        this.weight = weight;
        this.dataType = dataType;
    }

    /** A layer that starts as a random rotation of the channels (Glow's initialisation, {@link LuWeight#randomRotation}). */
    public static Invertible1x1Conv randomRotation(int channels, int height, int width, RandomGenerator random,
                                                   DataType dataType) {
        ImageShape shape = new ImageShape(channels, height, width);
        return new Invertible1x1Conv(shape, LuWeight.randomRotation(channels, random, dataType), dataType);
    }

    /** Rebuilds the layer from its {@link #config()}. */
    public static Invertible1x1Conv fromConfig(LayerConfig c) {
        ImageShape s = ImageShape.fromConfig(c);
        return new Invertible1x1Conv(s.channels(), s.height(), s.width(), c.getIntArray("rowPermutation"),
                c.getDoubleArray("sign"), c.getEnum("dataType", DataType.class));
    }

    /** Parameters (L, U and the log-scales of a C x C weight) and work of the layer {@link #fromConfig} would build. */
    public static LayerSize size(LayerConfig c) {
        long channels = LayerSize.positive(c, "channels");
        long pixels = Math.multiplyExact((long) LayerSize.positive(c, "height"), LayerSize.positive(c, "width"));
        return new LayerSize(Math.addExact(Math.multiplyExact(2 * channels, channels), channels),
                Math.multiplyExact(2 * channels, pixels));
    }

    @Override
    public LayerConfig config() {
        return shape.putInto(LayerConfig.of(TYPE))
                .put("rowPermutation", weight.rowPermutation())
                .put("sign", weight.sign())
                .put("dataType", dataType.name())
                .build();
    }

    @Override
    public long[] inputShape() {
        return shape.toArray();
    }

    @Override
    public long[] outputShape() {
        return inputShape();
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    /** {@code lower} [C, C], {@code upper} [C, C] and {@code logScale} [1, C]. */
    @Override
    public List<ParameterSpec> parameterSpecs() {
        return weight.parameterSpecs();
    }

    @Override
    public void bind(List<INDArray> values, List<INDArray> gradients) {
        weight.bind(values, gradients);
    }

    /** Writes the rotation chosen by {@link #randomRotation}, or {@code W = P} otherwise. */
    @Override
    public void initialize(RandomGenerator random) {
        weight.initialize();
    }

    private long[] channelLastShape(long n) {
        return new long[] {n, shape.height(), shape.width(), shape.channels()};
    }

    private long[] rowsShape(long n) {
        return new long[] {n * shape.pixels(), shape.channels()};
    }

    /**
     * {@code out[:, :, h, w] = matrix x[:, :, h, w]} (or {@code matrix^T} when {@code transpose}) into
     * the buffer {@code prefix + "out"}; the channel-last rows of the input stay in
     * {@code prefix + "rows"} for the backward pass.
     */
    private INDArray mixChannels(INDArray input, INDArray matrix, boolean transpose, String prefix) {
        long n = input.size(0);
        INDArray inputRows = buffers.get(prefix + "rows", dataType, channelLastShape(n));
        inputRows.assign(input.permute(0, 2, 3, 1));
        INDArray outputRows = buffers.get(prefix + "outrows", dataType, channelLastShape(n));
        // Row-vector form: out_row = in_row * matrix^T, i.e. out = matrix in per pixel.
        Nd4j.gemm(inputRows.reshape('c', rowsShape(n)), matrix, outputRows.reshape('c', rowsShape(n)),
                false, !transpose, 1.0, 0.0);
        INDArray out = buffers.get(prefix + "out", dataType, shape.batchShape(n));
        out.assign(outputRows.permute(0, 3, 1, 2));
        return out;
    }

    private INDArray logDet(long n, String name, double signOfPass) {
        return buffers.get(name, DataType.DOUBLE, n).assign(signOfPass * shape.pixels() * weight.logAbsDeterminant());
    }

    @Override
    public Transformed forward(INDArray x) {
        INDArray y = mixChannels(x, weight.forwardWeight(), false, "f.");
        return new Transformed(y, logDet(x.size(0), "logdet", 1.0));
    }

    @Override
    public Transformed inverse(INDArray y) {
        INDArray x = mixChannels(y, weight.inverseWeight(), false, "i.");
        return new Transformed(x, logDet(y.size(0), "inv.logdet", -1.0));
    }

    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        long n = gradOutput.size(0);
        // dL/dx = W^T dL/dy per pixel
        INDArray gx = mixChannels(gradOutput, weight.lastForwardWeight(), true, "b.");
        // dL/dW = sum over samples and pixels of dL/dy x^T = gyRows^T xRows
        INDArray gyRows = buffers.get("b.rows", dataType, channelLastShape(n)).reshape('c', rowsShape(n));
        INDArray xRows = buffers.get("f.rows", dataType, channelLastShape(n)).reshape('c', rowsShape(n));
        INDArray gw = buffers.get("b.gW", dataType, shape.channels(), shape.channels());
        Nd4j.gemm(gyRows, xRows, gw, true, false, 1.0, 0.0);
        weight.accumulateGradients(gw, shape.pixels() * gradLogDet.sumNumber().doubleValue());
        return gx;
    }

    @Override
    public void releaseWorkArrays() {
        weight.releaseWorkArrays();
        buffers.release();
    }
}
