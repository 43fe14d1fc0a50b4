package org.fld4j.core.image;

import java.util.SplittableRandom;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.memory.WorkArrays;
import org.fld4j.core.transform.ImageShapes;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.LayerSize;
import org.fld4j.core.transform.NoiseKey;
import org.fld4j.core.transform.StochasticTransform;
import org.fld4j.core.transform.Transformed;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.same.Floor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Uniform dequantization of discrete pixels: {@code y = (x + u) / levels} with {@code u ~ U[0,1)^D}
 * and log-determinant {@code -D log(levels)}; the inverse quantizes, {@code x = floor(levels y)}
 * clamped to {@code [0, levels - 1]}.
 *
 * <p>With this as a flow's first layer, the flow's log-likelihood of an image is an unbiased
 * estimate of the log-probability of the discrete image under the dequantized model (SPEC §2).
 * The noise of sample {@code i} comes from the {@link NoiseKey} of its batch, so a result does not
 * depend on the batch size. Inputs must lie in {@code [0, levels - 1]}.
 */
public final class UniformDequantization implements StochasticTransform, WorkArrays {

    public static final String TYPE = "uniform-dequantization";

    private final long[] shape;
    private final int levels;
    private final DataType dataType;
    private final BufferCache buffers = new BufferCache();
    private NoiseKey noise = new NoiseKey(0, 0, 0);

    public UniformDequantization(long[] shape, int levels, DataType dataType) {
        this.shape = ImageShapes.checkChw(shape, "dequantization");
        if (levels < 2) {
            throw new IllegalArgumentException("levels must be >= 2, got " + levels);
        }
        this.levels = levels;
        this.dataType = dataType;
    }

    public static UniformDequantization fromConfig(LayerConfig c) {
        return new UniformDequantization(c.getLongArray("shape"), c.getInt("levels"),
                c.getEnum("dataType", DataType.class));
    }

    /** Parameters (none) and work of the layer {@link #fromConfig} would build, from the config alone. */
    public static LayerSize size(LayerConfig c) {
        return new LayerSize(0, Math.multiplyExact(2, LayerSize.sampleSize(c, "shape")));
    }

    @Override
    public LayerConfig config() {
        return LayerConfig.of(TYPE).put("shape", shape).put("levels", levels).put("dataType", dataType.name()).build();
    }

    public int levels() {
        return levels;
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

    @Override
    public void useNoise(NoiseKey key) {
        noise = key;
    }

    @Override
    public Transformed forward(INDArray x) {
        long n = x.size(0);
        ImageShapes.checkRange(x, 0, levels - 1, "pixel");
        INDArray y = buffers.get("y", dataType, x.shape());
        fillUniform(y, noise, Tensors.sampleSize(shape));
        y.addi(x).divi(levels);
        INDArray logDet = buffers.get("logdet", DataType.DOUBLE, n);
        logDet.assign(-Tensors.sampleSize(shape) * Math.log(levels));
        return new Transformed(y, logDet);
    }

    /**
     * Writes U[0,1) noise into {@code target} ([N, ...], C order): sample {@code i} from the stream
     * {@code key.streamOf(i)}, so that it does not depend on the batch it arrives in.
     */
    static void fillUniform(INDArray target, NoiseKey key, long sampleSize) {
        long n = target.size(0);
        int d = Math.toIntExact(sampleSize);
        if (key.midpoint()) {
            target.assign(0.5);
            return;
        }
        if (target.dataType() == DataType.DOUBLE) {
            double[] values = new double[Math.toIntExact(n * d)];
            for (int i = 0; i < n; i++) {
                SplittableRandom random = key.streamOf(i);
                for (int j = 0; j < d; j++) {
                    values[i * d + j] = random.nextDouble();
                }
            }
            target.data().setData(values);
        } else {
            float[] values = new float[Math.toIntExact(n * d)];
            for (int i = 0; i < n; i++) {
                SplittableRandom random = key.streamOf(i);
                for (int j = 0; j < d; j++) {
                    // A float32 draw below 1: nextDouble() rounded to float could reach 1.0f.
                    values[i * d + j] = (random.nextInt() >>> 8) * 0x1.0p-24f;
                }
            }
            target.data().setData(values);
        }
    }

    @Override
    public Transformed inverse(INDArray y) {
        long n = y.size(0);
        INDArray x = quantize(y, levels, buffers.get("inv.x", dataType, y.shape()));
        INDArray logDet = buffers.get("inv.logdet", DataType.DOUBLE, n);
        logDet.assign(Tensors.sampleSize(shape) * Math.log(levels));
        return new Transformed(x, logDet);
    }

    /**
     * {@code x = clamp(floor(levels y), 0, levels - 1)} into {@code x}: the inverse of every
     * dequantization. Values pushed slightly outside [0, 1) by a sampled latent still map to valid
     * pixels.
     */
    static INDArray quantize(INDArray y, int levels, INDArray x) {
        x.assign(y).muli(levels);
        Nd4j.exec(new Floor(x, x));
        Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.scalar.ScalarMax(x, null, x, 0.0));
        Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.scalar.ScalarMin(x, null, x, levels - 1.0));
        return x;
    }

    /** {@code dL/dx = dL/dy / levels}: the map is a shift and a scale of x. */
    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        INDArray gx = buffers.get("b.gx", dataType, gradOutput.shape());
        gx.assign(gradOutput).divi(levels);
        return gx;
    }

    @Override
    public void releaseWorkArrays() {
        buffers.release();
    }
}
