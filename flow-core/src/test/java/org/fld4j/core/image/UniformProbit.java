package org.fld4j.core.image;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.Transformed;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Test layer: the probit {@code z = Phi^-1(y)} with log-determinant {@code -sum log phi(z)}. Behind
 * the standard normal prior it makes the model density exactly 1 on the unit cube, so a flow of
 * uniform dequantization and this layer is the uniform-noise model of 8-bit images.
 */
final class UniformProbit implements Transform {

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);
    private final long[] shape;

    static {
        org.fld4j.core.LayerRegistry.register("test-uniform-probit", c -> new UniformProbit(c.getLongArray("shape")));
    }

    UniformProbit(long[] shape) {
        this.shape = shape.clone();
    }

    @Override
    public long[] inputShape() {
        return shape.clone();
    }

    @Override
    public long[] outputShape() {
        return shape.clone();
    }

    @Override
    public DataType dataType() {
        return DataType.DOUBLE;
    }

    @Override
    public Transformed forward(INDArray x) {
        long n = x.size(0);
        int d = Math.toIntExact(x.length() / n);
        double[] v = x.dup('c').reshape(x.length()).toDoubleVector();
        double[] logDet = new double[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = NORMAL.inverseCumulativeProbability(v[i]);
            logDet[i / d] -= NORMAL.logDensity(v[i]);
        }
        return new Transformed(Nd4j.createFromArray(v).reshape(x.shape()), Nd4j.createFromArray(logDet));
    }

    @Override
    public Transformed inverse(INDArray y) {
        throw new UnsupportedOperationException("test layer: forward only");
    }

    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        throw new UnsupportedOperationException("test layer: forward only");
    }

    @Override
    public LayerConfig config() {
        return LayerConfig.of("test-uniform-probit").put("shape", shape).build();
    }
}
