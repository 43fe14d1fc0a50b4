package org.fld4j.core.image;

import org.fld4j.core.transform.LayerSize;
import java.util.List;
import java.util.random.RandomGenerator;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.transform.DataDependentInit;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.ParameterSpec;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.Transformed;
import org.fld4j.core.memory.WorkArrays;
import org.fld4j.core.layer.ActNorm;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastDivOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Activation normalisation (Glow) of an image, one affine map per channel:
 * {@code y = (x + b_c) * exp(logScale_c)}, the convention of the vector {@link ActNorm}. Every pixel
 * of a channel is scaled alike, so {@code log|det J| = H * W * sum(logScale)} for every sample.
 *
 * <p>Before training, {@link #initializeFrom} sets {@code b_c = -mean} and
 * {@code logScale_c = -log(std + 1e-6)} of channel c over the first batch's samples and pixels
 * (population standard deviation), so the output starts with mean 0 and standard deviation 1 per
 * channel. Until then the layer is the identity. Whether that initialisation ran is part of the
 * config, so a loaded flow is never initialised twice.
 */
public final class ChannelActNorm implements Transform, DataDependentInit, WorkArrays {

    public static final String TYPE = "channel-actnorm";
    /** The dimensions a channel's statistics run over: samples, rows and columns of NCHW. */
    private static final int[] SAMPLE_AND_PIXEL_DIMS = {0, 2, 3};
    private static final int CHANNEL_DIM = 1;

    private final ImageShape shape;
    private final DataType dataType;
    private final BufferCache buffers = new BufferCache();
    private boolean initialized;
    private INDArray bias;
    private INDArray logScale;
    private INDArray biasGrad;
    private INDArray logScaleGrad;

    /**
     * @param initialized whether the data-dependent initialisation has already run (true for a layer
     *                    rebuilt from a trained flow, false for a fresh one)
     */
    public ChannelActNorm(int channels, int height, int width, DataType dataType, boolean initialized) {
        this.shape = new ImageShape(channels, height, width);
        this.dataType = dataType;
        this.initialized = initialized;
    }

    /** Rebuilds the layer from its {@link #config()}. */
    public static ChannelActNorm fromConfig(LayerConfig c) {
        ImageShape s = ImageShape.fromConfig(c);
        return new ChannelActNorm(s.channels(), s.height(), s.width(), c.getEnum("dataType", DataType.class),
                c.getBoolean("initialized"));
    }

    /** Parameters and work of the layer {@link #fromConfig} would build, from the config alone. */
    public static LayerSize size(LayerConfig c) {
        long channels = LayerSize.positive(c, "channels");
        long pixels = Math.multiplyExact((long) LayerSize.positive(c, "height"), LayerSize.positive(c, "width"));
        return new LayerSize(2 * channels, Math.multiplyExact(channels, pixels));
    }

    @Override
    public LayerConfig config() {
        return shape.putInto(LayerConfig.of(TYPE))
                .put("dataType", dataType.name())
                .put("initialized", initialized)
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

    /** {@code bias} [C] and {@code logScale} [C]. */
    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(new ParameterSpec("bias", shape.channels()), new ParameterSpec("logScale", shape.channels()));
    }

    @Override
    public void bind(List<INDArray> values, List<INDArray> gradients) {
        bias = values.get(0);
        logScale = values.get(1);
        biasGrad = gradients.get(0);
        logScaleGrad = gradients.get(1);
    }

    @Override
    public void initialize(RandomGenerator random) {
        bias.assign(0);
        logScale.assign(0);
    }

    @Override
    public void initializeFrom(INDArray x) {
        ActNorm.standardise(x, SAMPLE_AND_PIXEL_DIMS, bias, logScale);
        initialized = true;
    }

    @Override
    public boolean isInitialized() {
        return initialized;
    }

    private INDArray logDet(long n, String name, double signOfPass) {
        double total = shape.pixels() * logScale.castTo(DataType.DOUBLE).sumNumber().doubleValue();
        return buffers.get(name, DataType.DOUBLE, n).assign(signOfPass * total);
    }

    /** exp(logScale) per channel, in a buffer of this layer. */
    private INDArray scale(String name) {
        INDArray scale = buffers.get(name, dataType, shape.channels());
        Nd4j.exec(new Exp(logScale, scale));
        return scale;
    }

    @Override
    public Transformed forward(INDArray x) {
        long n = x.size(0);
        INDArray scale = scale("scale");
        INDArray y = buffers.get("y", dataType, shape.batchShape(n));
        Nd4j.exec(new BroadcastAddOp(x, bias, y, CHANNEL_DIM));
        Nd4j.exec(new BroadcastMulOp(y, scale, y, CHANNEL_DIM));
        return new Transformed(y, logDet(n, "logdet", 1.0));
    }

    @Override
    public Transformed inverse(INDArray y) {
        long n = y.size(0);
        INDArray scale = scale("inv.scale");
        INDArray x = buffers.get("inv.x", dataType, shape.batchShape(n));
        Nd4j.exec(new BroadcastDivOp(y, scale, x, CHANNEL_DIM));
        Nd4j.exec(new BroadcastSubOp(x, bias, x, CHANNEL_DIM));
        return new Transformed(x, logDet(n, "inv.logdet", -1.0));
    }

    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        long n = gradOutput.size(0);
        INDArray scale = buffers.get("scale", dataType, shape.channels());
        INDArray y = buffers.get("y", dataType, shape.batchShape(n));
        INDArray gx = buffers.get("b.gx", dataType, shape.batchShape(n));
        Nd4j.exec(new BroadcastMulOp(gradOutput, scale, gx, CHANNEL_DIM));
        // dL/db_c = sum over n, h, w of gy * e^s; dL/ds_c = sum of gy * y + H * W * sum_n dL/dlogDet
        INDArray channelSum = buffers.get("b.channelsum", dataType, shape.channels());
        Nd4j.exec(new Sum(gx, channelSum, SAMPLE_AND_PIXEL_DIMS));
        biasGrad.addi(channelSum);
        INDArray gyy = buffers.get("b.gyy", dataType, shape.batchShape(n));
        gyy.assign(gradOutput).muli(y);
        Nd4j.exec(new Sum(gyy, channelSum, SAMPLE_AND_PIXEL_DIMS));
        logScaleGrad.addi(channelSum).addi(shape.pixels() * gradLogDet.sumNumber().doubleValue());
        return gx;
    }

    @Override
    public void releaseWorkArrays() {
        buffers.release();
    }
}
