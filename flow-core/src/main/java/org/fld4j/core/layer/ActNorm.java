package org.fld4j.core.layer;

import java.util.List;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.memory.WorkArrays;
import org.fld4j.core.transform.DataDependentInit;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.LayerSize;
import org.fld4j.core.transform.ParameterSpec;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.Transformed;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Activation normalisation (Glow) of a vector: {@code y = (x + b) * exp(logScale)} per feature, with
 * {@code log|det J| = sum(logScale)} for every sample.
 *
 * <p>Before training, {@link #initializeFrom} sets {@code b = -mean} and
 * {@code logScale = -log(std + 1e-6)} of the first batch, so the layer's output starts standardised.
 * Until then the layer is the identity. Whether that initialisation ran is saved with the flow, so a
 * loaded flow is never initialised twice.
 */
public final class ActNorm implements Transform, DataDependentInit, WorkArrays {

    public static final String TYPE = "act-norm";
    /** Added to the standard deviation before its log, so a constant feature does not give log(0). */
    private static final double STD_FLOOR = 1e-6;

    private final int dimension;
    private final DataType dataType;
    private final BufferCache buffers = new BufferCache();
    private boolean initialized;
    private INDArray bias;
    private INDArray logScale;
    private INDArray biasGrad;
    private INDArray logScaleGrad;

    public ActNorm(int dimension, DataType dataType, boolean initialized) {
        if (dimension < 1) {
            throw new IllegalArgumentException("ActNorm dimension must be >= 1, got " + dimension);
        }
        this.dimension = dimension;
        this.dataType = dataType;
        this.initialized = initialized;
    }

    public static ActNorm fromConfig(LayerConfig c) {
        return new ActNorm(c.getInt("dimension"), c.getEnum("dataType", DataType.class),
                c.getBoolean("initialized"));
    }

    /** Parameters and work of the layer {@link #fromConfig} would build, from the config alone. */
    public static LayerSize size(LayerConfig c) {
        long d = LayerSize.positive(c, "dimension");
        return new LayerSize(2 * d, d);
    }

    @Override
    public LayerConfig config() {
        return LayerConfig.of(TYPE)
                .put("dimension", dimension)
                .put("dataType", dataType.name())
                .put("initialized", initialized)
                .build();
    }

    @Override
    public long[] inputShape() {
        return new long[] {dimension};
    }

    @Override
    public long[] outputShape() {
        return inputShape();
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(new ParameterSpec("bias", 1, dimension), new ParameterSpec("logScale", 1, dimension));
    }

    @Override
    public void bind(List<INDArray> values, List<INDArray> gradients) {
        bias = values.get(0);
        logScale = values.get(1);
        biasGrad = gradients.get(0);
        logScaleGrad = gradients.get(1);
    }

    @Override
    public void initialize(java.util.random.RandomGenerator random) {
        bias.assign(0);
        logScale.assign(0);
    }

    @Override
    public void initializeFrom(INDArray x) {
        standardise(x, new int[] {0}, bias, logScale);
        initialized = true;
    }

    /**
     * The data-dependent initialisation shared by the ActNorm layers: writes {@code bias = -mean} and
     * {@code logScale = -log(std + 1e-6)} of {@code x} over {@code dims} (population standard
     * deviation, computed in double), so that {@code (x + bias) * exp(logScale)} has mean 0 and
     * standard deviation 1 over those dimensions. The statistics are reshaped to the views' shapes.
     */
    public static void standardise(INDArray x, int[] dims, INDArray bias, INDArray logScale) {
        INDArray xd = x.castTo(DataType.DOUBLE);
        INDArray mean = xd.mean(dims);
        INDArray std = xd.std(false, dims);
        bias.assign(mean.negi().reshape(bias.shape()));
        logScale.assign(org.nd4j.linalg.ops.transforms.Transforms.log(std.addi(STD_FLOOR), false).negi()
                .reshape(logScale.shape()));
    }

    @Override
    public boolean isInitialized() {
        return initialized;
    }

    private INDArray logDet(long n, String name, double sign) {
        double total = logScale.castTo(DataType.DOUBLE).sumNumber().doubleValue();
        INDArray logDet = buffers.get(name, DataType.DOUBLE, n);
        logDet.assign(sign * total);
        return logDet;
    }

    @Override
    public Transformed forward(INDArray x) {
        long n = x.size(0);
        INDArray scale = buffers.get("scale", dataType, 1, dimension);
        Nd4j.exec(new Exp(logScale, scale));
        INDArray y = buffers.get("y", dataType, n, dimension);
        y.assign(x).addiRowVector(bias).muliRowVector(scale);
        return new Transformed(y, logDet(n, "logdet", 1.0));
    }

    @Override
    public Transformed inverse(INDArray y) {
        long n = y.size(0);
        INDArray scale = buffers.get("inv.scale", dataType, 1, dimension);
        Nd4j.exec(new Exp(logScale, scale));
        INDArray x = buffers.get("inv.x", dataType, n, dimension);
        x.assign(y).diviRowVector(scale).subiRowVector(bias);
        return new Transformed(x, logDet(n, "inv.logdet", -1.0));
    }

    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        long n = gradOutput.size(0);
        INDArray scale = buffers.get("scale", dataType, 1, dimension);
        INDArray y = buffers.get("y", dataType, n, dimension);
        INDArray gx = buffers.get("b.gx", dataType, n, dimension);
        gx.assign(gradOutput).muliRowVector(scale);
        INDArray colSum = buffers.get("b.colsum", dataType, dimension);
        // dL/db = sum_n gy * e^s; dL/ds = sum_n gy * y + sum_n dL/dlogDet
        Tensors.sumOverBatch(gx, colSum);
        biasGrad.addi(colSum.reshape(1, dimension));
        INDArray gyy = buffers.get("b.gyy", dataType, n, dimension);
        gyy.assign(gradOutput).muli(y);
        Tensors.sumOverBatch(gyy, colSum);
        logScaleGrad.addi(colSum.reshape(1, dimension)).addi(gradLogDet.sumNumber().doubleValue());
        return gx;
    }

    @Override
    public void releaseWorkArrays() {
        buffers.release();
    }
}
