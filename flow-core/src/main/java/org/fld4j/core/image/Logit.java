package org.fld4j.core.image;

import java.util.Arrays;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.memory.WorkArrays;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.LayerSize;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.Transformed;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The logit preprocessing of dequantized images: {@code z = logit(alpha/2 + (1 - alpha) y)} for
 * {@code y} in [0, 1), with its exact log-determinant
 * {@code D log(1 - alpha) - sum(log p + log(1 - p))}, {@code p = alpha/2 + (1 - alpha) y}.
 *
 * <p>Squeezing y away from 0 and 1 by {@code alpha} keeps the logit finite for pixels at the ends
 * of the range. Works on samples of any shape.
 */
public final class Logit implements Transform, WorkArrays {

    public static final String TYPE = "logit";
    /** The alpha of the official FLD code and of SPEC §2. */
    public static final double DEFAULT_ALPHA = 1e-5;

    private final long[] shape;
    private final double alpha;
    private final DataType dataType;
    private final BufferCache buffers = new BufferCache();

    public Logit(long[] shape, double alpha, DataType dataType) {
        requireAlpha("alpha", alpha);
        for (long s : shape) {
            if (s < 1) {
                throw new IllegalArgumentException("shape must be positive, got " + Arrays.toString(shape));
            }
        }
        this.shape = shape.clone();
        this.alpha = alpha;
        this.dataType = dataType;
    }

    /**
     * Checks a squeeze alpha where it is given, before any layer is built.
     *
     * @param name what the caller calls it, for the message
     * @throws IllegalArgumentException naming it and its value, unless it is in [0, 1)
     */
    public static void requireAlpha(String name, double alpha) {
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + alpha);
        }
    }

    public static Logit fromConfig(LayerConfig c) {
        return new Logit(c.getLongArray("shape"), c.getDouble("alpha"), c.getEnum("dataType", DataType.class));
    }

    /** Parameters (none) and work of the layer {@link #fromConfig} would build, from the config alone. */
    public static LayerSize size(LayerConfig c) {
        return new LayerSize(0, Math.multiplyExact(2, LayerSize.sampleSize(c, "shape")));
    }

    @Override
    public LayerConfig config() {
        return LayerConfig.of(TYPE).put("shape", shape).put("alpha", alpha).put("dataType", dataType.name()).build();
    }

    public double alpha() {
        return alpha;
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
        return dataType;
    }

    private double constantLogDet() {
        return Tensors.sampleSize(shape) * Math.log1p(-alpha);
    }

    /**
     * Fills {@code p}, {@code log p} and {@code log(1 - p)} for {@code p = alpha/2 + (1-alpha) x} and
     * the per-sample log-determinant into {@code logDet}.
     */
    private void squeezeAndLog(INDArray x, String prefix, INDArray logDet) {
        long[] s = x.shape();
        INDArray p = buffers.get(prefix + "p", dataType, s);
        p.assign(x).muli(1 - alpha).addi(alpha / 2);
        INDArray logP = buffers.get(prefix + "logp", dataType, s);
        Nd4j.exec(new Log(p, logP));
        INDArray log1mP = buffers.get(prefix + "log1mp", dataType, s);
        log1mP.assign(p).rsubi(1.0);
        Nd4j.exec(new Log(log1mP, log1mP));
        INDArray both = buffers.get(prefix + "both", dataType, s);
        both.assign(logP).addi(log1mP);
        Tensors.sumPerSample(both, logDet, buffers, prefix + "sum");
        logDet.negi().addi(constantLogDet());
    }

    @Override
    public Transformed forward(INDArray x) {
        long n = x.size(0);
        INDArray logDet = buffers.get("logdet", DataType.DOUBLE, n);
        squeezeAndLog(x, "f.", logDet);
        INDArray z = buffers.get("z", dataType, x.shape());
        z.assign(buffers.get("f.logp", dataType, x.shape())).subi(buffers.get("f.log1mp", dataType, x.shape()));
        return new Transformed(z, logDet);
    }

    @Override
    public Transformed inverse(INDArray z) {
        long n = z.size(0);
        INDArray x = buffers.get("inv.x", dataType, z.shape());
        Nd4j.exec(new Sigmoid(z, x));
        x.subi(alpha / 2).divi(1 - alpha);
        INDArray logDet = buffers.get("inv.logdet", DataType.DOUBLE, n);
        squeezeAndLog(x, "i.", logDet);
        logDet.negi();
        return new Transformed(x, logDet);
    }

    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        long n = gradOutput.size(0);
        long[] s = gradOutput.shape();
        INDArray p = buffers.get("f.p", dataType, s);
        // dz/dx = (1-alpha) / (p (1-p)); dlogDet/dx = -(1-alpha) (1 - 2p) / (p (1-p)).
        INDArray weight = buffers.get("b.w", dataType, n, 1);
        weight.assign(gradLogDet.reshape(n, 1));
        INDArray gx = buffers.get("b.gx", dataType, s);
        INDArray flat = gx.reshape(n, Tensors.sampleSize(shape));
        flat.assign(p.reshape(n, Tensors.sampleSize(shape))).muli(2).rsubi(1.0).muliColumnVector(weight);
        gx.rsubi(gradOutput);
        INDArray denominator = buffers.get("b.den", dataType, s);
        denominator.assign(p).rsubi(1.0).muli(p);
        gx.muli(1 - alpha).divi(denominator);
        return gx;
    }

    @Override
    public void releaseWorkArrays() {
        buffers.release();
    }
}
