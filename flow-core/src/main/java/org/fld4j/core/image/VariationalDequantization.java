package org.fld4j.core.image;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.fld4j.core.coupling.Coupling;
import org.fld4j.core.coupling.CouplingForm;
import org.fld4j.core.coupling.MaskKind;
import org.fld4j.core.coupling.PixelMask;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.memory.InferenceArrays;
import org.fld4j.core.memory.SharesInferenceArrays;
import org.fld4j.core.memory.WorkArrays;
import org.fld4j.core.transform.ImageShapes;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.LayerSize;
import org.fld4j.core.transform.NoiseKey;
import org.fld4j.core.transform.ParameterSpec;
import org.fld4j.core.transform.StochasticTransform;
import org.fld4j.core.transform.Transformed;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Variational dequantization (Flow++): the noise added to each pixel is not uniform but drawn from
 * a learned distribution {@code q(u | x)}, made by its own small flow conditioned on the image.
 *
 * <p>Forward: {@code eps ~ U[0,1)^D} (keyed by the {@link NoiseKey}); {@code v = logit(eps)} (with
 * the same alpha squeeze as {@link Logit}); {@code v <- coupling_k(v | x)} for checkerboard
 * {@link Coupling}s that see the image rescaled to [-1, 1] as context; {@code u = sigmoid(v)};
 * {@code y = (x + u) / levels}. The log-determinant is
 * {@code log|du/deps| - D log(levels) = -log q(u|x) - D log(levels)}, so a flow that starts with this
 * layer returns the variational lower bound of SPEC §2. The inverse quantizes like
 * {@link UniformDequantization}.
 *
 * <p>{@link #backward} returns {@code null}: pixels are discrete data and have no gradient; the
 * parameter gradients are complete.
 */
public final class VariationalDequantization implements StochasticTransform, SharesInferenceArrays, WorkArrays {

    public static final String TYPE = "variational-dequantization";

    private final long[] shape;
    private final int couplingCount;
    private final int hidden;
    private final int blocks;
    private final double alpha;
    private final int levels;
    private final DataType dataType;
    private final Logit noiseLogit;
    private final List<Coupling> couplings = new ArrayList<>();
    private final BufferCache buffers = new BufferCache();
    private NoiseKey noise = new NoiseKey(0, 0, 0);

    public VariationalDequantization(long[] shape, int couplingCount, int hidden, int blocks, double alpha,
                                     int levels, DataType dataType) {
        this.shape = ImageShapes.checkChw(shape, "variational dequantization");
        if (couplingCount < 1) {
            throw new IllegalArgumentException("variational dequantization needs at least 1 coupling, got " + couplingCount);
        }
        if (levels < 2) {
            throw new IllegalArgumentException("levels must be >= 2, got " + levels);
        }
        this.couplingCount = couplingCount;
        this.hidden = hidden;
        this.blocks = blocks;
        this.alpha = alpha;
        this.levels = levels;
        this.dataType = dataType;
        this.noiseLogit = new Logit(shape, alpha, dataType);
        int channels = Math.toIntExact(shape[0]);
        for (int i = 0; i < couplingCount; i++) {
            couplings.add(Coupling.image(shape, MaskKind.CHECKERBOARD, i % 2 == 1, hidden, blocks,
                    CouplingForm.FLD, channels, dataType));
        }
    }

    public static VariationalDequantization fromConfig(LayerConfig c) {
        return new VariationalDequantization(c.getLongArray("shape"), c.getInt("couplings"), c.getInt("hidden"),
                c.getInt("blocks"), c.getDouble("alpha"), c.getInt("levels"), c.getEnum("dataType", DataType.class));
    }

    /** Parameters and work of the layer {@link #fromConfig} would build: its couplings, from the config alone. */
    public static LayerSize size(LayerConfig c) {
        long[] shape = ImageShapes.checkChw(c.getLongArray("shape"), "variational dequantization");
        LayerSize coupling = PixelMask.size(shape, LayerSize.positive(c, "hidden"), c.getInt("blocks"),
                shape[0]);
        return coupling.times(LayerSize.positive(c, "couplings"))
                .plus(new LayerSize(0, Math.multiplyExact(2, LayerSize.sampleSize(c, "shape"))));
    }

    @Override
    public LayerConfig config() {
        return LayerConfig.of(TYPE)
                .put("shape", shape)
                .put("couplings", couplingCount)
                .put("hidden", hidden)
                .put("blocks", blocks)
                .put("alpha", alpha)
                .put("levels", levels)
                .put("dataType", dataType.name())
                .build();
    }

    /** Trainable parameters: {@code couplings} conditional couplings of the given width. */
    public static long parameterCount(long channels, int couplings, int hidden, int blocks) {
        return couplings * PixelMask.parameterCount(channels, hidden, blocks, Math.toIntExact(channels));
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
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>();
        couplings.forEach(c -> specs.addAll(c.parameterSpecs()));
        return specs;
    }

    @Override
    public void bind(List<INDArray> values, List<INDArray> gradients) {
        int offset = 0;
        for (Coupling c : couplings) {
            int count = c.parameterSpecs().size();
            c.bind(values.subList(offset, offset + count), gradients.subList(offset, offset + count));
            offset += count;
        }
    }

    @Override
    public void initialize(RandomGenerator random) {
        SplittableRandom root = new SplittableRandom(random.nextLong());
        couplings.forEach(c -> c.initialize(root.split()));
    }

    @Override
    public void shareInferenceArrays(InferenceArrays arrays) {
        for (Coupling coupling : couplings) {
            coupling.shareInferenceArrays(arrays);
        }
    }

    @Override
    public void useNoise(NoiseKey key) {
        noise = key;
    }

    @Override
    public Transformed forward(INDArray x) {
        long n = x.size(0);
        long d = Tensors.sampleSize(shape);
        ImageShapes.checkRange(x, 0, levels - 1, "pixel");
        INDArray context = buffers.get("context", dataType, x.shape());
        context.assign(x).muli(2.0 / (levels - 1)).subi(1.0);
        INDArray eps = buffers.get("eps", dataType, x.shape());
        UniformDequantization.fillUniform(eps, noise, d);
        INDArray logDet = buffers.get("logdet", DataType.DOUBLE, n);
        Transformed r = noiseLogit.forward(eps);
        logDet.assign(r.logDet());
        INDArray v = r.output();
        for (Coupling c : couplings) {
            r = c.forward(v, context);
            logDet.addi(r.logDet());
            v = r.output();
        }
        // u = sigmoid(v); log|du/dv| = log u + log(1 - u).
        INDArray u = buffers.get("u", dataType, x.shape());
        Nd4j.exec(new Sigmoid(v, u));
        INDArray logTerms = buffers.get("logterms", dataType, x.shape());
        Nd4j.exec(new Log(u, logTerms));
        INDArray log1mU = buffers.get("log1mu", dataType, x.shape());
        log1mU.assign(u).rsubi(1.0);
        Nd4j.exec(new Log(log1mU, log1mU));
        logTerms.addi(log1mU);
        logDet.addi(Tensors.sumPerSample(logTerms, buffers.get("sigmoidlogdet", DataType.DOUBLE, n), buffers, "sum"));
        logDet.subi(d * Math.log(levels));
        INDArray y = buffers.get("y", dataType, x.shape());
        y.assign(x).addi(u).divi(levels);
        return new Transformed(y, logDet);
    }

    @Override
    public Transformed inverse(INDArray y) {
        INDArray x = UniformDequantization.quantize(y, levels, buffers.get("inv.x", dataType, y.shape()));
        INDArray logDet = buffers.get("inv.logdet", DataType.DOUBLE, y.size(0));
        logDet.assign(Tensors.sampleSize(shape) * Math.log(levels));
        return new Transformed(x, logDet);
    }

    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        long n = gradOutput.size(0);
        INDArray u = buffers.get("u", dataType, gradOutput.shape());
        // y = (x + u)/levels and u = sigmoid(v): dL/dv = dL/dy u(1-u)/levels + w (1 - 2u).
        INDArray gv = buffers.get("b.gv", dataType, gradOutput.shape());
        INDArray oneMinusU = buffers.get("b.1mu", dataType, gradOutput.shape());
        oneMinusU.assign(u).rsubi(1.0);
        gv.assign(gradOutput).muli(u).muli(oneMinusU).divi(levels);
        INDArray w = buffers.get("b.w", dataType, n, 1);
        w.assign(gradLogDet.reshape(n, 1));
        INDArray slope = buffers.get("b.slope", dataType, gradOutput.shape());
        INDArray flatSlope = slope.reshape(n, Tensors.sampleSize(shape));
        flatSlope.assign(u.reshape(n, Tensors.sampleSize(shape))).muli(-2).addi(1.0).muliColumnVector(w);
        gv.addi(slope);
        INDArray g = gv;
        for (int i = couplings.size() - 1; i >= 0; i--) {
            g = couplings.get(i).backward(g, gradLogDet);
        }
        return null;
    }

    /** Frees this layer's arrays and those of its inner flow (the noise logit and the couplings). */
    @Override
    public void releaseWorkArrays() {
        noiseLogit.releaseWorkArrays();
        couplings.forEach(Coupling::releaseWorkArrays);
        buffers.release();
    }
}
