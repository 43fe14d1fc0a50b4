package org.fld4j.core.train;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fld4j.core.Flow;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.internal.random.SeededSplit;
import org.fld4j.core.internal.random.Shuffles;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.memory.NativeMemory;
import org.fld4j.core.transform.NoiseKey;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maximum-likelihood training of a {@link Flow}: minimises {@code -(1/N) sum log p(x_i)} over
 * seeded, shuffled mini-batches with Adam or AdamW, a warm-up and schedule, global-norm gradient
 * clipping, a seeded validation split with early stopping that restores the best weights, an epoch
 * cap, a wall-clock budget and a guard against non-finite steps.
 *
 * <p>The trainer never changes the flow it is given: it trains a copy and returns a new immutable
 * {@link Flow} in a {@link TrainingResult}. The same options, seed and data give bit-identical
 * weights on the same machine and thread count. Per step, the only allocations are small Java
 * objects: batches, activations, gradients and the optimiser state live in preallocated arrays.
 * Those arrays, and the trainer's copies of the flow and the data, are freed when {@code fit} returns
 * or throws (ND4J frees native memory only when it is garbage-collected otherwise; see
 * {@link org.fld4j.core.memory.WorkArrays}); the returned flow has none yet.
 *
 * <pre>{@code
 * TrainingResult r = new Trainer(TrainerOptions.builder().maxEpochs(50).build()).fit(flow, data);
 * Flow trained = r.flow();
 * }</pre>
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final TrainerOptions options;
    private final List<TrainingListener> listeners;

    public Trainer(TrainerOptions options, TrainingListener... listeners) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
        this.listeners = List.of(listeners);
    }

    public TrainerOptions options() {
        return options;
    }

    /**
     * Trains on {@code data} [N, ...]: a seeded {@code validationFraction} of it is held out for
     * validation and early stopping, the rest is trained on.
     */
    public TrainingResult fit(Flow flow, INDArray data) {
        return fitRows(flow, data, null);
    }

    /**
     * Trains on the rows {@code rows} of {@code data} (all rows when null), as {@link #fit(Flow, INDArray)}
     * trains on an array holding just those rows, without copying them out: a caller that keeps a larger
     * set in memory (the real images of an FLD reference) passes it whole with the rows to use.
     */
    public TrainingResult fitRows(Flow flow, INDArray data, int[] rows) {
        // The flow checks the shape without building a network; a copy is made only to change the data type.
        INDArray checked = flow.checkBatch(data);
        INDArray validation = null;
        try {
            long n = rows == null ? checked.size(0) : rows.length;
            if (rows != null) {
                for (int r : rows) {
                    if (r < 0 || r >= checked.size(0)) {
                        throw new IllegalArgumentException("row " + r + " is not a row of the training data (it has "
                                + checked.size(0) + ")");
                    }
                }
            }
            requireFinite(checked, "training data");
            int validationCount = (int) Math.floor(n * options.validationFraction());
            if (options.validationFraction() > 0 && validationCount == 0) {
                throw new IllegalArgumentException("validationFraction " + options.validationFraction() + " of " + n
                        + " samples holds out no sample; use more data or validationFraction 0");
            }
            if (n - validationCount < 1) {
                throw new IllegalArgumentException("no training samples left after holding out " + validationCount);
            }
            SeededSplit split = SeededSplit.of(Math.toIntExact(n), validationCount,
                    options.seed() ^ 0x9E3779B97F4A7C15L);
            // Training batches are pulled from the data through the training rows; only the smaller
            // validation share is copied out, since it is scored whole.
            int[] trainingRows = through(rows, split.training());
            validation = validationCount == 0 ? null : Tensors.rows(checked, through(rows, split.heldOut()));
            return fit(flow, checked, trainingRows, validation, true);
        } finally {
            NativeMemory.close(validation);
            if (checked != data) {
                NativeMemory.close(checked);
            }
        }
    }

    /** {@code indices} mapped through {@code rows} (unchanged when rows is null). */
    private static int[] through(int[] rows, int[] indices) {
        if (rows == null) {
            return indices;
        }
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = rows[indices[i]];
        }
        return out;
    }

    /**
     * Trains on {@code train}; {@code validation} (may be null) drives early stopping and the choice
     * of the weights that are returned.
     */
    public TrainingResult fit(Flow flow, INDArray train, INDArray validation) {
        return fit(flow, train, null, validation, false);
    }

    /**
     * Trains on the rows {@code trainingRows} of {@code train} (all rows when null); {@code checked}
     * says that the data were already checked to be finite.
     */
    private TrainingResult fit(Flow flow, INDArray train, int[] trainingRows, INDArray validation, boolean checked) {
        long startNanos = System.nanoTime();
        FlowNetwork network = flow.toNetwork();
        TrainingStep trainingStep = new TrainingStep(network, options);
        BufferCache batches = new BufferCache();
        INDArray data = null;
        INDArray val = null;
        INDArray bestParams = null;
        boolean adopted = false;
        try {
            network.setTrainingNoiseSeed(options.seed());
            data = network.checkBatch(train);
            if (!checked) {
                requireFinite(data, "training data");
            }
            if (validation != null) {
                val = network.checkBatch(validation);
                if (!checked) {
                    requireFinite(val, "validation data");
                }
                bestParams = network.parameters().dup();
            }
            TrainingResult result = train(network, trainingStep, batches, data, trainingRows, val, bestParams,
                    startNanos);
            adopted = true;
            return result;
        } finally {
            // All of this is the trainer's own: the returned flow holds a copy of the parameters. Freed
            // now, not when garbage-collected, so that training flow after flow does not pile them up.
            batches.release();
            trainingStep.close();
            NativeMemory.close(bestParams);
            if (data != train) {
                NativeMemory.close(data);
            }
            if (val != validation) {
                NativeMemory.close(val);
            }
            if (!adopted) {
                discard(network);
            }
        }
    }

    /**
     * The epochs of {@link #fit(Flow, INDArray, INDArray)} on checked data; {@code bestParams} (null
     * without validation) receives the parameters of the best validation.
     */
    private TrainingResult train(FlowNetwork network, TrainingStep trainingStep, BufferCache batches, INDArray data,
                                 int[] trainingRows, INDArray val, INDArray bestParams, long startNanos) {
        long n = trainingRows == null ? data.size(0) : trainingRows.length;
        long sampleSize = Tensors.sampleSize(network.sampleShape());
        INDArray flatData = data.reshape('c', data.size(0), sampleSize);
        int batchSize = options.batchSize();
        long stepsPerEpoch = (n + batchSize - 1) / batchSize;
        long plannedSteps = stepsPerEpoch * options.maxEpochs();
        SplittableRandom shuffler = new SplittableRandom(options.seed());

        INDArray params = network.parameters();

        listeners.forEach(l -> l.onStart(options, n, val == null ? 0 : val.size(0), stepsPerEpoch));
        List<EpochRecord> records = new ArrayList<>();
        StopReason reason = StopReason.MAX_EPOCHS;
        double bestValidation = Double.NaN;
        int bestEpoch = 0;
        int validationsWithoutImprovement = 0;
        long step = 0;
        long skippedTotal = 0;
        int consecutiveNonFinite = 0;
        int[] indices = Shuffles.identity(Math.toIntExact(n));

        epochs:
        for (int epoch = 1; epoch <= options.maxEpochs(); epoch++) {
            Shuffles.shuffle(indices, shuffler);
            double lossSum = 0;
            long lossCount = 0;
            long epochSteps = 0;
            long epochSkipped = 0;
            double lr = options.learningRate();
            boolean outOfTime = false;
            for (int start = 0; start < n; start += batchSize) {
                int size = (int) Math.min(batchSize, n - start);
                INDArray flatBatch = batches.get("batch", network.dataType(), size, sampleSize);
                int[] rowIdx = java.util.Arrays.copyOfRange(indices, start, start + size);
                if (trainingRows != null) {
                    for (int k = 0; k < size; k++) {
                        rowIdx[k] = trainingRows[rowIdx[k]];
                    }
                }
                Nd4j.pullRows(flatData, flatBatch, 1, rowIdx);
                INDArray batch = flatBatch.reshape(Tensors.batchShape(size, network.sampleShape()));
                if (step == 0 && network.needsDataInitialization()) {
                    network.initializeFromData(batch);
                }
                lr = options.schedule().rate(options.learningRate(), step, options.warmupSteps(), plannedSteps);
                TrainingStep.Outcome outcome = trainingStep.step(batch, lr);
                double loss = outcome.loss();
                if (!outcome.applied()) {
                    consecutiveNonFinite++;
                    epochSkipped++;
                    skippedTotal++;
                    LOG.warn("skipping step {} (epoch {}): loss {} gradient norm {}", step, epoch, loss,
                            outcome.gradientNorm());
                    if (consecutiveNonFinite >= options.maxNonFiniteSteps()) {
                        throw new NonFiniteLossException(step, epoch, consecutiveNonFinite, loss);
                    }
                } else {
                    consecutiveNonFinite = 0;
                    lossSum += loss * size;
                    lossCount += size;
                }
                epochSteps++;
                final long s = step;
                final int e = epoch;
                final double l = loss;
                final double rate = lr;
                listeners.forEach(x -> x.onStep(s, e, l, rate));
                step++;
                if (elapsed(startNanos).compareTo(options.timeBudget()) > 0) {
                    outOfTime = true;
                    break;
                }
            }
            boolean last = outOfTime || epoch == options.maxEpochs();
            double validationLoss = Double.NaN;
            if (val != null && (epoch % options.validateEvery() == 0 || last)) {
                validationLoss = meanNegativeLogLikelihood(network, val);
                if (Double.isFinite(validationLoss) && (Double.isNaN(bestValidation) || validationLoss < bestValidation)) {
                    bestValidation = validationLoss;
                    bestEpoch = epoch;
                    bestParams.assign(params);
                    validationsWithoutImprovement = 0;
                } else {
                    validationsWithoutImprovement++;
                }
            } else if (val == null) {
                bestEpoch = epoch;
            }
            EpochRecord record = new EpochRecord(epoch, epochSteps, epochSkipped,
                    lossCount == 0 ? Double.NaN : lossSum / lossCount, validationLoss, lr, elapsed(startNanos));
            records.add(record);
            listeners.forEach(x -> x.onEpoch(record));
            LOG.debug("epoch {}: train {} validation {}", epoch, record.trainLoss(), validationLoss);
            if (outOfTime) {
                reason = StopReason.TIME_BUDGET;
                break epochs;
            }
            if (val != null && validationsWithoutImprovement >= options.patience()) {
                reason = StopReason.EARLY_STOPPING;
                break epochs;
            }
        }
        if (bestParams != null && bestEpoch > 0) {
            params.assign(bestParams);
        }
        TrainingHistory history = new TrainingHistory(records, reason, bestEpoch, bestValidation, trainingStep.appliedSteps(), skippedTotal,
                elapsed(startNanos));
        listeners.forEach(x -> x.onFinish(history));
        // The network becomes the returned flow as it is: no rebuild, no copy of the parameters.
        network.releaseWorkArrays();
        return new TrainingResult(Flow.adopt(network), history);
    }

    /**
     * Frees a network that never leaves this class: its work arrays, parameters and gradients. Its
     * layers keep views of the last two, so the network must not be used afterwards.
     */
    private static void discard(FlowNetwork network) {
        network.releaseWorkArrays();
        NativeMemory.close(network.parameters(), network.gradients());
    }

    /** Mean of {@code -log p(x)} over all samples (per sample, not per batch), in double. */
    private double meanNegativeLogLikelihood(FlowNetwork network, INDArray data) {
        long n = data.size(0);
        double sum = 0;
        int batch = Math.max(options.batchSize(), Flow.DEFAULT_BATCH_SIZE);
        for (long start = 0; start < n; start += batch) {
            long end = Math.min(n, start + batch);
            INDArray part = start == 0 && end == n ? data
                    : data.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start, end));
            // Noise keyed by position and the trainer's seed: every validation sees the same noise, so
            // epochs are compared on equal terms.
            for (double v : network.logProb(part, new NoiseKey(options.seed(), start, 0))) {
                sum -= v;
            }
        }
        return sum / n;
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void requireFinite(INDArray x, String what) {
        if (BooleanIndexing.or(x, Conditions.isNan()) || BooleanIndexing.or(x, Conditions.isInfinite())) {
            throw new IllegalArgumentException(what + " contains NaN or infinite values");
        }
    }
}
