package org.fld4j.core.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.memory.InferenceArrays;
import org.fld4j.core.memory.SharesInferenceArrays;
import org.fld4j.core.memory.WorkArrays;
import org.fld4j.core.transform.DataDependentInit;
import org.fld4j.core.transform.ImageShapes;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.LayerSize;
import org.fld4j.core.transform.ParameterSpec;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.Transformed;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The multi-scale split: the first half of the channels continues through the {@code inner}
 * layers, the second half is factored out as part of the latent.
 *
 * <p>The output is one flat vector per sample, {@code [inner latent | factored-out half]}. The flow's
 * standard normal prior then scores the factored-out half under N(0, I), exactly the term a split
 * layer adds to the log-likelihood (SPEC §1), and because those values are kept in the latent,
 * decoding a latent restores them exactly instead of re-sampling them. Sampling from the prior
 * draws them like every other latent value. The log-determinant is the sum of the inner layers'.
 */
public final class MultiScaleSplit implements Transform, DataDependentInit, SharesInferenceArrays, WorkArrays {

    public static final String TYPE = "split";

    private final long[] shape;
    private final long[] keptShape;
    private final List<Transform> inner;
    private final DataType dataType;
    private final long innerSize;
    private final long factoredSize;
    private final BufferCache buffers = new BufferCache();
    private final List<Integer> specCounts = new ArrayList<>();

    /**
     * @param shape the input sample shape [C, H, W], C even
     * @param inner the layers applied to the kept half [C/2, H, W], in order (at least one)
     */
    public MultiScaleSplit(long[] shape, List<Transform> inner, DataType dataType) {
        this.shape = ImageShapes.checkChw(shape, "split");
        if (shape[0] % 2 != 0) {
            throw new IllegalArgumentException("split needs an even channel count, got shape " + Arrays.toString(shape));
        }
        if (inner.isEmpty()) {
            throw new IllegalArgumentException("split needs at least one inner layer");
        }
        this.keptShape = new long[] {shape[0] / 2, shape[1], shape[2]};
        long[] s = keptShape;
        for (int i = 0; i < inner.size(); i++) {
            Transform layer = inner.get(i);
            if (!Arrays.equals(layer.inputShape(), s)) {
                throw new IllegalArgumentException("inner layer " + i + " (" + layer.config().type() + ") expects "
                        + Arrays.toString(layer.inputShape()) + " but receives " + Arrays.toString(s));
            }
            if (layer.dataType() != dataType) {
                throw new IllegalArgumentException("inner layer " + i + " has data type " + layer.dataType()
                        + ", the split " + dataType);
            }
            s = layer.outputShape();
            specCounts.add(layer.parameterSpecs().size());
        }
        this.inner = List.copyOf(inner);
        this.dataType = dataType;
        this.innerSize = Tensors.sampleSize(s);
        this.factoredSize = Tensors.sampleSize(keptShape);
    }

    /** Rebuilds a split from its config, its inner layers with {@code layers} (the registry of layer types). */
    public static MultiScaleSplit fromConfig(LayerConfig c, Function<LayerConfig, Transform> layers) {
        List<Transform> built = new ArrayList<>();
        for (LayerConfig inner : innerConfigs(c)) {
            built.add(layers.apply(inner));
        }
        return new MultiScaleSplit(c.getLongArray("shape"), built, c.getEnum("dataType", DataType.class));
    }

    /** Parameters and work of the layer {@link #fromConfig} would build: its inner layers', from the configs alone. */
    public static LayerSize size(LayerConfig c, Function<LayerConfig, LayerSize> sizes) {
        LayerSize total = new LayerSize(0, LayerSize.sampleSize(c, "shape"));
        for (LayerConfig inner : innerConfigs(c)) {
            total = total.plus(sizes.apply(inner));
        }
        return total;
    }

    /** The configs of the inner layers, each checked to be an object with a type and attributes. */
    private static List<LayerConfig> innerConfigs(LayerConfig c) {
        Object list = c.attributes().get("inner");
        if (!(list instanceof List<?> entries)) {
            throw new IllegalArgumentException("layer '" + TYPE + "' attribute 'inner' is not a list: " + list);
        }
        List<LayerConfig> configs = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> m) || !(m.get("type") instanceof String type)
                    || !(m.get("attributes") instanceof Map<?, ?> attributes)) {
                throw new IllegalArgumentException("layer '" + TYPE + "' attribute 'inner' holds an entry that is not"
                        + " an object with a type and attributes");
            }
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> e : attributes.entrySet()) {
                copy.put(String.valueOf(e.getKey()), e.getValue());
            }
            configs.add(new LayerConfig(type, copy));
        }
        return configs;
    }

    @Override
    public LayerConfig config() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Transform layer : inner) {
            LayerConfig lc = layer.config();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", lc.type());
            m.put("attributes", lc.attributes());
            entries.add(m);
        }
        return LayerConfig.of(TYPE).put("shape", shape).put("inner", entries).put("dataType", dataType.name()).build();
    }

    /** The layers applied to the kept half. */
    public List<Transform> inner() {
        return inner;
    }

    @Override
    public long[] inputShape() {
        return shape.clone();
    }

    @Override
    public long[] outputShape() {
        return new long[] {innerSize + factoredSize};
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>();
        inner.forEach(l -> specs.addAll(l.parameterSpecs()));
        return specs;
    }

    @Override
    public void bind(List<INDArray> values, List<INDArray> gradients) {
        int offset = 0;
        for (int i = 0; i < inner.size(); i++) {
            int count = specCounts.get(i);
            inner.get(i).bind(values.subList(offset, offset + count), gradients.subList(offset, offset + count));
            offset += count;
        }
    }

    @Override
    public void initialize(RandomGenerator random) {
        SplittableRandom root = new SplittableRandom(random.nextLong());
        for (Transform layer : inner) {
            layer.initialize(root.split());
        }
    }

    @Override
    public boolean isInitialized() {
        return inner.stream().noneMatch(l -> l instanceof DataDependentInit d && !d.isInitialized());
    }

    @Override
    public void initializeFrom(INDArray x) {
        INDArray h = kept(x);
        for (Transform layer : inner) {
            if (layer instanceof DataDependentInit init && !init.isInitialized()) {
                init.initializeFrom(h);
            }
            h = layer.forward(h).output();
        }
    }

    private INDArray kept(INDArray x) {
        INDArray x1 = buffers.get("x1", dataType, Tensors.batchShape(x.size(0), keptShape));
        x1.assign(x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, keptShape[0]), NDArrayIndex.all(), NDArrayIndex.all()));
        return x1;
    }

    private static INDArray factoredChannels(INDArray x, long from) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(from, x.size(1)), NDArrayIndex.all(), NDArrayIndex.all());
    }

    private INDArray latentPart(INDArray z, boolean innerPart) {
        return innerPart ? z.get(NDArrayIndex.all(), NDArrayIndex.interval(0, innerSize))
                : z.get(NDArrayIndex.all(), NDArrayIndex.interval(innerSize, innerSize + factoredSize));
    }

    @Override
    public Transformed forward(INDArray x) {
        long n = x.size(0);
        INDArray logDet = buffers.get("logdet", DataType.DOUBLE, n);
        logDet.assign(0);
        INDArray h = kept(x);
        for (Transform layer : inner) {
            Transformed r = layer.forward(h);
            logDet.addi(r.logDet());
            h = r.output();
        }
        INDArray out = buffers.get("out", dataType, n, innerSize + factoredSize);
        latentPart(out, true).assign(h.reshape(n, innerSize));
        latentPart(out, false).assign(factoredChannels(x, keptShape[0]).dup('c').reshape(n, factoredSize));
        return new Transformed(out, logDet);
    }

    @Override
    public Transformed inverse(INDArray z) {
        long n = z.size(0);
        long[] innerShape = inner.get(inner.size() - 1).outputShape();
        INDArray h = buffers.get("inv.h", dataType, Tensors.batchShape(n, innerShape));
        h.reshape(n, innerSize).assign(latentPart(z, true));
        INDArray logDet = buffers.get("inv.logdet", DataType.DOUBLE, n);
        logDet.assign(0);
        for (int i = inner.size() - 1; i >= 0; i--) {
            Transformed r = inner.get(i).inverse(h);
            logDet.addi(r.logDet());
            h = r.output();
        }
        INDArray x = buffers.get("inv.x", dataType, Tensors.batchShape(n, shape));
        x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, keptShape[0]), NDArrayIndex.all(), NDArrayIndex.all()).assign(h);
        factoredChannels(x, keptShape[0]).assign(latentPart(z, false).dup('c').reshape(Tensors.batchShape(n, keptShape)));
        return new Transformed(x, logDet);
    }

    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        long n = gradOutput.size(0);
        long[] innerShape = inner.get(inner.size() - 1).outputShape();
        INDArray g = buffers.get("b.g", dataType, Tensors.batchShape(n, innerShape));
        g.reshape(n, innerSize).assign(latentPart(gradOutput, true));
        for (int i = inner.size() - 1; i >= 0; i--) {
            g = inner.get(i).backward(g, gradLogDet);
        }
        INDArray gx = buffers.get("b.gx", dataType, Tensors.batchShape(n, shape));
        gx.get(NDArrayIndex.all(), NDArrayIndex.interval(0, keptShape[0]), NDArrayIndex.all(), NDArrayIndex.all()).assign(g);
        factoredChannels(gx, keptShape[0])
                .assign(latentPart(gradOutput, false).dup('c').reshape(Tensors.batchShape(n, keptShape)));
        return gx;
    }

    @Override
    public void releaseWorkArrays() {
        WorkArrays.releaseAll(inner);
        buffers.release();
    }

    /**
     * Hands the network's evaluation arrays on to the inner layers that take them: without them, the inner
     * couplings evaluated with their training buffers and layout (for fld-paper, the four couplings at 7x7).
     */
    @Override
    public void shareInferenceArrays(InferenceArrays arrays) {
        for (Transform layer : inner) {
            if (layer instanceof SharesInferenceArrays sharing) {
                sharing.shareInferenceArrays(arrays);
            }
        }
    }
}
