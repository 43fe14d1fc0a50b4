package org.fld4j.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.internal.backend.NativeBackend;
import org.fld4j.core.internal.backend.OpenMpThreads;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.memory.InferenceArrays;
import org.fld4j.core.memory.SharesInferenceArrays;
import org.fld4j.core.memory.WorkArrays;
import org.fld4j.core.transform.DataDependentInit;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.NoiseKey;
import org.fld4j.core.transform.ParameterSpec;
import org.fld4j.core.transform.StandardNormal;
import org.fld4j.core.transform.StochasticTransform;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.Transformed;
import org.nd4j.common.util.ArrayUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The mutable engine behind a {@link Flow}: its layers, one flat parameter vector with a view per
 * layer tensor, the matching flat gradient vector, and the standard normal prior.
 *
 * <p>This is what a trainer updates in place; users normally hold an immutable {@link Flow} instead.
 * Keeping every parameter in one vector lets an optimiser update the whole model with one native op.
 * Not thread-safe.
 */
public final class FlowNetwork implements WorkArrays {


    private final long[] sampleShape;
    private final DataType dataType;
    private final List<Transform> layers;
    private final INDArray parameters;
    private final INDArray gradients;
    private final StandardNormal prior = new StandardNormal();
    private final BufferCache buffers = new BufferCache();
    private final InferenceArrays inferenceArrays = new InferenceArrays();
    private final List<StochasticTransform> stochasticLayers;
    private long trainingNoiseSeed = DEFAULT_NOISE_SEED;
    private long trainingSamplesSeen;

    /** The noise seed of evaluations that name none. */
    public static final long DEFAULT_NOISE_SEED = 0;

    private FlowNetwork(long[] sampleShape, DataType dataType, List<Transform> layers) {
        this(sampleShape, dataType, layers, null);
    }

    /** As above; the layers' parameters are views of {@code sharedParameters} when it is not null. */
    private FlowNetwork(long[] sampleShape, DataType dataType, List<Transform> layers, INDArray sharedParameters) {
        NativeThreads.checkWaitPolicy();
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a flow needs at least one layer");
        }
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE, got " + dataType);
        }
        this.sampleShape = sampleShape.clone();
        this.dataType = dataType;
        this.layers = List.copyOf(layers);
        long[] shape = this.sampleShape;
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            Transform layer = layers.get(i);
            if (!Arrays.equals(layer.inputShape(), shape)) {
                throw new IllegalArgumentException("layer " + i + " (" + layer.config().type() + ") expects samples of shape "
                        + Arrays.toString(layer.inputShape()) + " but receives " + Arrays.toString(shape));
            }
            if (layer.dataType() != dataType) {
                throw new IllegalArgumentException("layer " + i + " has data type " + layer.dataType()
                        + ", the flow " + dataType);
            }
            shape = layer.outputShape();
            for (ParameterSpec spec : layer.parameterSpecs()) {
                total += spec.length();
            }
        }
        if (sharedParameters != null && sharedParameters.length() != Math.max(total, 1)) {
            throw new IllegalArgumentException("the layers need " + total + " parameters, the shared vector holds "
                    + sharedParameters.length());
        }
        parameters = sharedParameters != null ? sharedParameters : Nd4j.create(dataType, Math.max(total, 1));
        gradients = Nd4j.create(dataType, Math.max(total, 1));
        long offset = 0;
        for (Transform layer : layers) {
            List<INDArray> values = new ArrayList<>();
            List<INDArray> grads = new ArrayList<>();
            for (ParameterSpec spec : layer.parameterSpecs()) {
                values.add(view(parameters, spec.shape(), offset));
                grads.add(view(gradients, spec.shape(), offset));
                offset += spec.length();
            }
            layer.bind(values, grads);
        }
        parameterCount = total;
        stochasticLayers = layers.stream().filter(l -> l instanceof StochasticTransform)
                .map(l -> (StochasticTransform) l).toList();
        for (Transform layer : layers) {
            if (layer instanceof SharesInferenceArrays sharing) {
                sharing.shareInferenceArrays(inferenceArrays);
            }
        }
    }

    private final long parameterCount;

    private static INDArray view(INDArray flat, long[] shape, long offset) {
        // An offset view over the flat buffer: GEMM may write into it, unlike an interval view.
        return Nd4j.create(flat.data(), shape, ArrayUtil.calcStrides(shape), offset, 'c');
    }

    /**
     * Builds a network over fresh layers and draws initial parameters from {@code seed}: each layer
     * gets its own generator split from one seeded root, so a layer's start does not depend on the
     * sizes of the layers before it.
     */
    public static FlowNetwork create(long[] sampleShape, DataType dataType, List<Transform> layers, long seed) {
        FlowNetwork network = new FlowNetwork(sampleShape, dataType, layers);
        SplittableRandom root = new SplittableRandom(seed);
        for (Transform layer : network.layers) {
            layer.initialize(root.split());
        }
        return network;
    }

    /**
     * Rebuilds a network from layer configs and a flat parameter vector (copied). When every layer type has a size
     * rule ({@link LayerRegistry#size}), the configs' parameter count is checked against the vector before any layer
     * is built, so configs that declare far more parameters than the vector holds build nothing.
     */
    public static FlowNetwork restore(long[] sampleShape, DataType dataType, List<LayerConfig> configs,
                                      INDArray flatParameters) {
        long needed = 0;
        for (LayerConfig config : configs) {
            if (!LayerRegistry.hasSizeRule(config.type())) {
                needed = -1;
                break;
            }
            try {
                needed = Math.addExact(needed, LayerRegistry.size(config).parameters());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("the layer configs declare sizes too large to count", e);
            }
        }
        if (needed >= 0 && needed != flatParameters.length() && !(needed == 0 && flatParameters.length() == 1)) {
            throw new IllegalArgumentException("the layer configs need " + needed + " parameters, got "
                    + flatParameters.length());
        }
        List<Transform> layers = new ArrayList<>();
        for (LayerConfig config : configs) {
            layers.add(LayerRegistry.create(config));
        }
        FlowNetwork network = new FlowNetwork(sampleShape, dataType, layers);
        if (flatParameters.length() != network.parameterCount && !(network.parameterCount == 0)) {
            throw new IllegalArgumentException("expected " + network.parameterCount + " parameters, got "
                    + flatParameters.length());
        }
        if (network.parameterCount > 0) {
            network.parameters.assign(flatParameters.reshape(network.parameters.shape()).castTo(dataType));
        }
        return network;
    }

    /** An independent copy: same layers (rebuilt from their configs) and a copy of the parameters. */
    public FlowNetwork copy() {
        return restore(sampleShape, dataType, layerConfigs(), parameters);
    }

    /**
     * A network over this network's own parameter vector (shared, not copied: it sees every later change) with layers,
     * work arrays and gradients of its own. Two threads can then evaluate the same model at once, or compute the
     * gradients of two parts of a batch, each on its own network ({@link RowSplitEvaluator},
     * {@link org.fld4j.core.train.TrainingStep}). An optimiser step belongs on this network, not on a replica.
     *
     * @throws IllegalStateException while a layer still waits for its data-dependent initialisation, which would set
     *                               parameters that the replica's layers do not know to be set
     */
    public FlowNetwork replica() {
        if (needsDataInitialization()) {
            throw new IllegalStateException("the network still needs its data-dependent initialisation"
                    + " (initializeFromData) before it can be replicated");
        }
        List<Transform> fresh = new ArrayList<>();
        for (LayerConfig config : layerConfigs()) {
            fresh.add(LayerRegistry.create(config));
        }
        return new FlowNetwork(sampleShape, dataType, fresh, parameters);
    }

    public long[] sampleShape() {
        return sampleShape.clone();
    }

    public DataType dataType() {
        return dataType;
    }

    public List<Transform> layers() {
        return Collections.unmodifiableList(layers);
    }

    public List<LayerConfig> layerConfigs() {
        return layers.stream().map(Transform::config).toList();
    }

    public long parameterCount() {
        return parameterCount;
    }

    /** The live flat parameter vector (length = parameter count, or 1 when there are none). */
    public INDArray parameters() {
        return parameters;
    }

    /** The live flat gradient vector, aligned with {@link #parameters()}. */
    public INDArray gradients() {
        return gradients;
    }

    /** Shape check with a message that names what was expected and what came. */
    public INDArray checkBatch(INDArray x) {
        long[] expected = Tensors.batchShape(x.rank() > 0 ? x.size(0) : 0, sampleShape);
        if (x.rank() != expected.length || !Arrays.equals(x.shape(), expected) || x.size(0) == 0) {
            throw new IllegalArgumentException("expected a batch of shape [N, " + joined(sampleShape)
                    + "] with N >= 1, got " + Arrays.toString(x.shape()));
        }
        if (!x.dataType().isFPType()) {
            return x.castTo(dataType);
        }
        return x.dataType() == dataType ? x : x.castTo(dataType);
    }

    private static String joined(long[] shape) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.toString();
    }

    /**
     * Runs the data-dependent initialisation (ActNorm) of every layer that has one and has not run
     * it, passing {@code batch} through the layers in order.
     */
    public void initializeFromData(INDArray batch) {
        OpenMpThreads.applyToCurrentThread();
        INDArray h = checkBatch(batch);
        useNoise(new NoiseKey(DEFAULT_NOISE_SEED, 0, 0));
        for (Transform layer : layers) {
            if (layer instanceof DataDependentInit init && !init.isInitialized()) {
                init.initializeFrom(h);
            }
            h = layer.forward(h).output();
        }
    }

    /** Whether some layer still waits for {@link #initializeFromData}. */
    public boolean needsDataInitialization() {
        return layers.stream().anyMatch(l -> l instanceof DataDependentInit d && !d.isInitialized());
    }

    /**
     * Forward through all layers: leaves the latent in the last layer's buffer and the summed
     * log-determinants in a DOUBLE buffer of this network.
     */
    private INDArray forwardAll(INDArray x, INDArray logDetSum) {
        logDetSum.assign(0);
        INDArray h = x;
        for (Transform layer : layers) {
            Transformed r = layer.forward(h);
            logDetSum.addi(r.logDet());
            h = r.output();
        }
        return h;
    }

    /** Whether some layer draws noise (dequantization): log-likelihoods are then estimates. */
    public boolean isStochastic() {
        return !stochasticLayers.isEmpty();
    }

    private void useNoise(NoiseKey key) {
        for (StochasticTransform layer : stochasticLayers) {
            layer.useNoise(key);
        }
    }

    /**
     * Seeds the noise of {@link #lossAndGradient} and restarts its stream: training batch after
     * batch then draws fresh, reproducible noise.
     */
    public void setTrainingNoiseSeed(long seed) {
        trainingNoiseSeed = seed;
        trainingSamplesSeen = 0;
    }

    /**
     * Per-sample {@code log p(x)} in nats for one batch, accumulated in double; a stochastic flow
     * draws the noise of samples 0..N-1 under the default seed.
     */
    public double[] logProb(INDArray batch) {
        return logProb(batch, new NoiseKey(DEFAULT_NOISE_SEED, 0, 0));
    }

    /** As {@link #logProb(INDArray)}, with the noise named by {@code noise}. */
    public double[] logProb(INDArray batch, NoiseKey noise) {
        OpenMpThreads.applyToCurrentThread();
        INDArray x = checkBatch(batch);
        useNoise(noise);
        long n = x.size(0);
        INDArray logDetSum = buffers.get("logdetsum", DataType.DOUBLE, n);
        boolean previous = inferenceArrays.activate(true);
        try {
            INDArray z = forwardAll(x, logDetSum);
            INDArray logp = prior.logDensity(z).add(logDetSum);
            return logp.toDoubleVector();
        } finally {
            inferenceArrays.activate(previous);
        }
    }

    /**
     * One training evaluation: zeroes the gradients, computes the loss
     * {@code -(1/N) sum log p(x_i)} and back-propagates it into {@link #gradients()}. Stochastic layers draw the
     * noise of the next {@code N} samples of the training stream ({@link #setTrainingNoiseSeed}).
     *
     * @return the loss in nats per sample (may be non-finite; the caller decides what to do)
     */
    public double lossAndGradient(INDArray batch) {
        OpenMpThreads.applyToCurrentThread();
        INDArray x = checkBatch(batch);
        long n = x.size(0);
        return lossAndGradientChecked(x, nextTrainingNoise(n), n);
    }

    /**
     * The key of the noise of the next {@code n} training samples, moving the training stream past them: for a
     * caller that splits a training batch over several networks ({@link #lossAndGradientOfPart}).
     */
    public NoiseKey nextTrainingNoise(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        NoiseKey key = new NoiseKey(trainingNoiseSeed, trainingSamplesSeen, 0);
        trainingSamplesSeen += n;
        return key;
    }

    /**
     * {@link #lossAndGradient} for {@code part}, rows of a batch of {@code batchSize} samples that are split over
     * several networks: every term is divided by {@code batchSize}, not by the part's own size, so that the parts'
     * returned losses and their {@link #gradients()} add up to the whole batch's (each sample enters with the same
     * weight; only the order of the additions differs). {@code noise} names the part's samples' noise.
     *
     * @return the part's share of the batch's loss, {@code -(1/batchSize) sum log p(x_i)} over its rows
     */
    public double lossAndGradientOfPart(INDArray part, NoiseKey noise, long batchSize) {
        OpenMpThreads.applyToCurrentThread();
        INDArray x = checkBatch(part);
        long n = x.size(0);
        if (batchSize < n) {
            throw new IllegalArgumentException("a part of " + n + " rows of a batch of " + batchSize);
        }
        return lossAndGradientChecked(x, noise, batchSize);
    }

    private double lossAndGradientChecked(INDArray x, NoiseKey noise, long batchSize) {
        long n = x.size(0);
        useNoise(noise);
        gradients.assign(0);
        INDArray logDetSum = buffers.get("logdetsum", DataType.DOUBLE, n);
        INDArray z = forwardAll(x, logDetSum);
        INDArray logPrior = prior.logDensity(z);
        double loss = -(logPrior.sumNumber().doubleValue() + logDetSum.sumNumber().doubleValue()) / batchSize;
        // d(-log N(z))/dz = z; each log-det enters the loss with weight -1/N.
        INDArray grad = buffers.get("gz", dataType, z.shape());
        grad.assign(z).muli(1.0 / batchSize);
        INDArray gradLogDet = buffers.get("gld", DataType.DOUBLE, n);
        gradLogDet.assign(-1.0 / batchSize);
        for (int i = layers.size() - 1; i >= 0; i--) {
            grad = layers.get(i).backward(grad, gradLogDet);
        }
        return loss;
    }

    /**
     * The latent {@code f(x)} of a batch (a new array). Dequantization places each value at the
     * centre of its bin ({@link NoiseKey#midpointKey()}), so that {@link #decode} of the latent
     * restores the discrete input exactly.
     */
    public INDArray encode(INDArray batch) {
        return encode(batch, NoiseKey.midpointKey());
    }

    /** The latent {@code f(x)} of a batch (a new array), with the noise named by {@code noise}. */
    public INDArray encode(INDArray batch, NoiseKey noise) {
        OpenMpThreads.applyToCurrentThread();
        INDArray x = checkBatch(batch);
        useNoise(noise);
        boolean previous = inferenceArrays.activate(true);
        try {
            return forwardAll(x, buffers.get("logdetsum", DataType.DOUBLE, x.size(0))).dup();
        } finally {
            inferenceArrays.activate(previous);
        }
    }

    /** The data {@code f^-1(z)} of a batch of latents (a new array). */
    public INDArray decode(INDArray latents) {
        OpenMpThreads.applyToCurrentThread();
        long[] latentShape = sampleShapeAfterLayers();
        long[] expected = Tensors.batchShape(latents.rank() > 0 ? latents.size(0) : 0, latentShape);
        if (!Arrays.equals(latents.shape(), expected) || latents.size(0) == 0) {
            throw new IllegalArgumentException("expected latents of shape [N, " + joined(latentShape)
                    + "] with N >= 1, got " + Arrays.toString(latents.shape()));
        }
        INDArray h = latents.dataType() == dataType ? latents : latents.castTo(dataType);
        boolean previous = inferenceArrays.activate(true);
        try {
            for (int i = layers.size() - 1; i >= 0; i--) {
                h = layers.get(i).inverse(h).output();
            }
            return h.dup();
        } finally {
            inferenceArrays.activate(previous);
        }
    }

    /**
     * Frees the work arrays of every layer, of the prior and of this network now, rather than when
     * they are garbage-collected (see {@link WorkArrays}); parameters and gradients stay. The network
     * stays fully usable: the arrays are created again on the next pass, and results do not change.
     * Arrays that layers returned from earlier passes are freed too, and a backward pass needs a new
     * forward pass first. Not to be called while a pass runs (the network is not thread-safe).
     */
    @Override
    public void releaseWorkArrays() {
        WorkArrays.releaseAll(layers);
        prior.releaseWorkArrays();
        inferenceArrays.release();
        buffers.release();
    }

    /** The per-sample shape of the latent. */
    public long[] sampleShapeAfterLayers() {
        return layers.get(layers.size() - 1).outputShape();
    }
}
