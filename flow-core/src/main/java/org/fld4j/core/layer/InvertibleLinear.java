package org.fld4j.core.layer;

import org.fld4j.core.transform.LayerSize;
import java.util.List;
import java.util.random.RandomGenerator;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.ParameterSpec;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.Transformed;
import org.fld4j.core.memory.WorkArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An invertible linear map of a vector, {@code y = W x}, with W in the LU parametrisation of Glow's
 * invertible 1x1 convolution (see {@link LuWeight}): {@code log|det W| = sum(logScale)}, O(D)
 * instead of a determinant. The inverse computes {@code W^-1} in double precision.
 */
public final class InvertibleLinear implements Transform, WorkArrays {

    public static final String TYPE = "invertible-linear";

    private final LuWeight weight;
    private final int dimension;
    private final DataType dataType;
    private final BufferCache buffers = new BufferCache();

    /**
     * @param rowPermutation P as {@code (P A)[i] = A[rowPermutation[i]]}
     * @param sign           the fixed signs of the diagonal of U, each +1 or -1
     */
    public InvertibleLinear(int[] rowPermutation, double[] sign, DataType dataType) {
        this(new LuWeight(rowPermutation, sign, dataType), dataType);
    }

    private InvertibleLinear(LuWeight weight, DataType dataType) {
        this.weight = weight;
        this.dimension = weight.dimension();
        this.dataType = dataType;
    }

    /** A layer that starts as a random rotation (Glow's initialisation, {@link LuWeight#randomRotation}). */
    public static InvertibleLinear randomRotation(int dimension, RandomGenerator random, DataType dataType) {
        return new InvertibleLinear(LuWeight.randomRotation(dimension, random, dataType), dataType);
    }

    public static InvertibleLinear fromConfig(LayerConfig c) {
        return new InvertibleLinear(c.getIntArray("rowPermutation"), c.getDoubleArray("sign"),
                c.getEnum("dataType", DataType.class));
    }

    /** Parameters (L, U and the log-scales) and work of the layer {@link #fromConfig} would build. */
    public static LayerSize size(LayerConfig c) {
        long d = c.getIntArray("rowPermutation").length;
        return new LayerSize(Math.addExact(Math.multiplyExact(2 * d, d), d), 2 * d);
    }

    @Override
    public LayerConfig config() {
        return LayerConfig.of(TYPE)
                .put("rowPermutation", weight.rowPermutation())
                .put("sign", weight.sign())
                .put("dataType", dataType.name())
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
        return weight.parameterSpecs();
    }

    @Override
    public void bind(List<INDArray> values, List<INDArray> gradients) {
        weight.bind(values, gradients);
    }

    /** Writes the rotation chosen by {@link #randomRotation}, or the identity-like start otherwise. */
    @Override
    public void initialize(RandomGenerator random) {
        weight.initialize();
    }

    private INDArray logDet(long n, String name, double signOfPass) {
        INDArray out = buffers.get(name, DataType.DOUBLE, n);
        out.assign(signOfPass * weight.logAbsDeterminant());
        return out;
    }

    @Override
    public Transformed forward(INDArray x) {
        long n = x.size(0);
        INDArray w = weight.forwardWeight();
        INDArray y = buffers.get("y", dataType, n, dimension);
        Nd4j.gemm(x, w, y, false, true, 1.0, 0.0);
        buffers.get("x", dataType, n, dimension).assign(x);
        return new Transformed(y, logDet(n, "logdet", 1.0));
    }

    @Override
    public Transformed inverse(INDArray y) {
        long n = y.size(0);
        INDArray wInverse = weight.inverseWeight();
        INDArray x = buffers.get("inv.x", dataType, n, dimension);
        Nd4j.gemm(y, wInverse, x, false, true, 1.0, 0.0);
        return new Transformed(x, logDet(n, "inv.logdet", -1.0));
    }

    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        long n = gradOutput.size(0);
        INDArray w = weight.lastForwardWeight();
        INDArray x = buffers.get("x", dataType, n, dimension);
        INDArray gx = buffers.get("b.gx", dataType, n, dimension);
        Nd4j.gemm(gradOutput, w, gx, false, false, 1.0, 0.0);
        INDArray gw = buffers.get("b.gW", dataType, dimension, dimension);
        Nd4j.gemm(gradOutput, x, gw, true, false, 1.0, 0.0);
        weight.accumulateGradients(gw, gradLogDet.sumNumber().doubleValue());
        return gx;
    }

    @Override
    public void releaseWorkArrays() {
        weight.releaseWorkArrays();
        buffers.release();
    }
}
