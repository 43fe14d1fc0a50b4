package org.fld4j.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.fld4j.core.internal.backend.NativeBackend;
import org.fld4j.core.internal.backend.RowWorkers;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.NoiseKey;
import org.fld4j.core.transform.SampleKeys;
import org.fld4j.core.units.BitsPerDim;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A normalizing flow with a standard normal prior: exact per-sample log-likelihoods, encoding,
 * decoding and sampling. Immutable: its parameters cannot change after construction, so a trained
 * flow can be shared; training ({@code org.fld4j.core.train.Trainer}) returns a new Flow.
 *
 * <pre>{@code
 * Flow flow = Flow.dense(10).couplings(8).hidden(256).build();
 * double[] logp = flow.logProb(x);         // nats per sample, x is [N, 10]
 * }</pre>
 *
 * <p>{@code log p(x) = log N(f(x); 0, I) + sum_k log|det J_k|}, accumulated in double. Large inputs
 * are evaluated in batches; the batch size does not change a result beyond floating-point rounding.
 * Methods are thread-safe (calls on one flow are serialised).
 */
public final class Flow {


    /** Batch size of {@link #logProb(INDArray)} when none is given. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    private final FlowNetwork network;
    /** Guarded by this flow's lock, like the network it shares. */
    private RowSplitEvaluator rowSplit;

    private Flow(FlowNetwork network) {
        this.network = network;
    }

    /** A flow holding a copy of {@code network}'s current layers and parameters. */
    public static Flow of(FlowNetwork network) {
        return new Flow(network.copy());
    }

    /**
     * A flow made of {@code network} itself, without a copy: for code that built or trained the network
     * and hands it over (the trainer does). The caller must not use {@code network} afterwards.
     */
    public static Flow adopt(FlowNetwork network) {
        return new Flow(network);
    }

    /**
     * {@code x} as this flow takes a batch: the shape checked to be {@code [N, sampleShape...]} with
     * N >= 1, converted to the flow's data type (a copy only when the type differs).
     */
    public INDArray checkBatch(INDArray x) {
        return network.checkBatch(x);
    }

    /** Starts a dense (vector) flow of dimension {@code dimension}. */
    public static DenseFlowBuilder dense(int dimension) {
        return new DenseFlowBuilder(dimension);
    }

    /**
     * Starts an image flow for images of C x H x W pixels with values 0..255 (default preset
     * {@code fld-paper}; see {@link org.fld4j.core.image.ImagePreset}).
     */
    public static org.fld4j.core.ImageFlowBuilder image(int channels, int height, int width) {
        return new org.fld4j.core.ImageFlowBuilder(channels, height, width);
    }

    /** Per-sample {@code log p(x)} in nats for {@code x} of shape [N, sampleShape...]. */
    public double[] logProb(INDArray x) {
        return logProb(x, DEFAULT_BATCH_SIZE);
    }

    /** As {@link #logProb(INDArray)}, evaluating {@code batchSize} samples at a time. */
    public double[] logProb(INDArray x, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        return logProb(x, EvaluationOptions.defaults().withBatchSize(batchSize));
    }

    /**
     * Per-sample log-likelihoods in nats under the given evaluation options. For a flow that starts
     * with a dequantization layer this is the log-likelihood of each discrete sample (SPEC: the
     * whole preprocessing chain included), estimated with K noise draws; each sample draws the noise
     * of its content key ({@link SampleKeys}), so its value depends on the sample and the seed alone,
     * not on its position, its batch or the other samples.
     */
    public double[] logProb(INDArray x, EvaluationOptions options) {
        INDArray input = network.checkBatch(x);
        return logProbChecked(input, options, network.isStochastic() ? SampleKeys.contentKeys(input) : null);
    }

    private synchronized double[] logProbChecked(INDArray input, EvaluationOptions options, long[] keys) {
        int draws = network.isStochastic() ? options.dequantizationSamples() : 1;
        long n = input.size(0);
        double[][] perDraw = new double[draws][Math.toIntExact(n)];
        for (long start = 0; start < n; start += options.batchSize()) {
            long end = Math.min(n, start + options.batchSize());
            INDArray rows = rows(input, start, end);
            long[] rowKeys = keys == null ? new long[Math.toIntExact(end - start)]
                    : java.util.Arrays.copyOfRange(keys, (int) start, (int) end);
            for (int k = 0; k < draws; k++) {
                NoiseKey noise = NoiseKey.forSamples(options.seed(), rowKeys, k);
                double[] part = options.workers() > 1 ? rowSplit(options.workers()).logProb(rows, noise)
                        : network.logProb(rows, noise);
                System.arraycopy(part, 0, perDraw[k], (int) start, part.length);
            }
        }
        return draws == 1 ? perDraw[0] : logMeanExp(perDraw);
    }

    /** The evaluator that splits batches over {@code workers} threads, made on first use and kept while it fits. */
    private RowSplitEvaluator rowSplit(int workers) {
        if (rowSplit == null || rowSplit.workers() != workers) {
            if (rowSplit != null) {
                rowSplit.releaseWorkArrays();
            }
            rowSplit = new RowSplitEvaluator(network, workers);
        }
        return rowSplit;
    }

    /** Per sample, {@code log (1/K) sum_k exp(v[k][i])}, stable in double. */
    static double[] logMeanExp(double[][] v) {
        int k = v.length;
        double[] out = new double[v[0].length];
        for (int i = 0; i < out.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double[] draw : v) {
                max = Math.max(max, draw[i]);
            }
            if (Double.isInfinite(max)) {
                out[i] = max;
                continue;
            }
            double sum = 0;
            for (double[] draw : v) {
                sum += Math.exp(draw[i] - max);
            }
            out[i] = max + Math.log(sum / k);
        }
        return out;
    }

    /** Values per sample: the product of the sample shape ({@code C*H*W} for images). */
    public long dimension() {
        return Tensors.sampleSize(network.sampleShape());
    }

    /**
     * Bits per dimension of each sample, {@code -l(x) / (D ln 2)}, where {@code l(x)} is the
     * log-likelihood of {@link #logProb(INDArray, EvaluationOptions)}: for image flows it includes
     * dequantization ({@code -D ln 256}), the logit and every layer.
     */
    public double[] bitsPerDim(INDArray x, EvaluationOptions options) {
        return toBitsPerDim(logProb(x, options), dimension());
    }

    /** Mean bits per dimension over all samples (per sample, not per batch), default options. */
    public double meanBitsPerDim(INDArray x) {
        double sum = 0;
        double[] bpd = bitsPerDim(x, EvaluationOptions.defaults());
        for (double v : bpd) {
            sum += v;
        }
        return sum / bpd.length;
    }

    /**
     * {@code -logProb / (dimension ln 2)} element by element, {@link BitsPerDim#ofEach}: it multiplies by
     * {@code 1 / (dimension ln 2)} as this method always has, where the FLD values divide ({@link BitsPerDim#of});
     * the two may differ in the last bit. No test pins these values to the bit, and keeping the multiplication
     * keeps every result of this method unchanged.
     */
    public static double[] toBitsPerDim(double[] logProb, long dimension) {
        return BitsPerDim.ofEach(logProb, dimension);
    }

    /** Whether log-likelihoods are noisy estimates (the flow dequantizes discrete data). */
    public boolean isStochastic() {
        return network.isStochastic();
    }

    /** Mean of {@link #logProb(INDArray)} over all samples, in nats. */
    public double meanLogProb(INDArray x) {
        double sum = 0;
        double[] values = logProb(x);
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static INDArray rows(INDArray x, long start, long end) {
        return start == 0 && end == x.size(0) ? x : RowWorkers.rows(x, start, end);
    }

    /** The latent {@code z = f(x)} of a batch. */
    public synchronized INDArray encode(INDArray x) {
        return network.encode(x);
    }

    /** The data {@code x = f^-1(z)} of a batch of latents. */
    public synchronized INDArray decode(INDArray z) {
        return network.decode(z);
    }

    /** {@code n} samples from the flow, drawn with a seeded generator. */
    public INDArray sample(int n, long seed) {
        return sample(n, seed, 1.0);
    }

    /**
     * {@code n} samples decoded from latents {@code temperature * N(0, I)}; temperatures below 1
     * concentrate samples where the density is high.
     */
    public INDArray sample(int n, long seed, double temperature) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        long[] latentShape = Tensors.batchShape(n, network.sampleShapeAfterLayers());
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[Math.toIntExact(Tensors.sampleSize(latentShape))];
        for (int i = 0; i < values.length; i++) {
            values[i] = temperature * random.nextGaussian();
        }
        return decode(Nd4j.createFromArray(values).reshape(latentShape).castTo(network.dataType()));
    }

    public long parameterCount() {
        return network.parameterCount();
    }

    /** A copy of the flat parameter vector. */
    public INDArray parameters() {
        return network.parameters().dup();
    }

    public DataType dataType() {
        return network.dataType();
    }

    public long[] sampleShape() {
        return network.sampleShape();
    }

    /** The layers' descriptions (everything but their parameters), in order. */
    public List<LayerConfig> layerConfigs() {
        return network.layerConfigs();
    }

    /**
     * Frees the flow's work arrays (the activations and scratch its passes reuse, often hundreds of
     * megabytes for an image flow) now rather than when they are garbage-collected. ND4J keeps them
     * outside the Java heap, where the collector does not see their size, so a program that uses many
     * flows one after another should release each one it is done with. The flow stays fully usable:
     * the arrays are created again on the next call, and results do not change. Parameters are not
     * touched, and arrays this flow returned (latents, samples, parameters) are copies that stay valid.
     * Waits for a call in progress on this flow, like every method of a flow.
     */
    public synchronized void releaseWorkArrays() {
        network.releaseWorkArrays();
        if (rowSplit != null) {
            rowSplit.releaseWorkArrays();
            rowSplit = null;
        }
    }

    /** The engine itself, for this package's readers of its layers (saving); never handed out. */
    FlowNetwork network() {
        return network;
    }

    /** A fresh mutable copy of the engine, for training or low-level use. */
    public FlowNetwork toNetwork() {
        return network.copy();
    }

    /** Saves to one file, atomically (see {@link FlowFiles}). */
    public void save(Path file) throws IOException {
        FlowFiles.save(this, file);
    }

    /**
     * Loads a flow saved by {@link #save}, refusing files beyond the default limits or those the {@code fld4j.*}
     * system properties set (see {@link org.fld4j.core.FlowFileLimits}).
     */
    public static Flow load(Path file) throws IOException {
        return FlowFiles.load(file);
    }

    /** Loads a flow saved by {@link #save}, within the given limits (to load a flow larger than the defaults). */
    public static Flow load(Path file, org.fld4j.core.FlowFileLimits limits) throws IOException {
        return FlowFiles.load(file, limits);
    }
}
