package org.fld4j.core.train;

import java.util.ArrayList;
import java.util.List;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.internal.backend.RowWorkers;
import org.fld4j.core.memory.NativeMemory;
import org.fld4j.core.transform.NoiseKey;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One optimiser step on a {@link FlowNetwork}, in place: loss and gradient, global-norm clipping,
 * AdamW's decoupled weight decay, and the Adam update of the whole flat parameter vector as one
 * native op. A step whose loss or gradient norm is not finite changes nothing.
 *
 * <p>{@link Trainer} drives this over epochs; it is public so that benchmarks and custom loops can
 * time or reuse exactly the step the trainer takes. {@link #close} frees the optimiser's state (two
 * vectors of the parameters' size) at once rather than when it is garbage-collected.
 */
public final class TrainingStep implements AutoCloseable {

    /**
     * What one step did.
     *
     * @param loss         mean negative log-likelihood of the batch before the update (nats per sample)
     * @param gradientNorm global L2 norm of the gradient before clipping
     * @param applied      false when the step was skipped as non-finite
     */
    public record Outcome(double loss, double gradientNorm, boolean applied) {
    }

    private final FlowNetwork network;
    private final TrainerOptions options;
    private final INDArray adamM;
    private final INDArray adamV;
    /** Replicas of the network for the other parts of a split batch, made on the first split step. */
    private final List<FlowNetwork> replicas = new ArrayList<>();
    private long appliedSteps;
    private boolean closed;

    public TrainingStep(FlowNetwork network, TrainerOptions options) {
        this.network = network;
        this.options = options;
        INDArray params = network.parameters();
        this.adamM = Nd4j.zeros(params.dataType(), params.length());
        this.adamV = Nd4j.zeros(params.dataType(), params.length());
    }

    /** Number of updates applied so far (Adam's bias correction counts these). */
    public long appliedSteps() {
        return appliedSteps;
    }

    /** Computes the loss on {@code batch} and, if finite, updates the parameters with rate {@code learningRate}. */
    public Outcome step(INDArray batch, double learningRate) {
        if (closed) {
            throw new IllegalStateException("this training step is closed");
        }
        INDArray params = network.parameters();
        INDArray grads = network.gradients();
        double loss = lossAndGradient(batch);
        double norm = grads.norm2Number().doubleValue();
        if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
            return new Outcome(loss, norm, false);
        }
        double clip = options.gradientClipNorm() > 0 && norm > options.gradientClipNorm()
                ? options.gradientClipNorm() / norm : 1;
        long length = params.length();
        // Every operation below is elementwise, so parts of the vector on several threads give the same bits.
        int parts = RowWorkers.parts(length / UPDATE_VALUES_PER_ROW, options.workers());
        if (parts == 1) {
            update(params, grads, adamM, adamV, clip, learningRate);
        } else {
            RowWorkers.run(parts, p -> {
                long from = RowWorkers.firstRow(length, parts, p);
                long to = RowWorkers.firstRow(length, parts, p + 1);
                update(part(params, from, to), part(grads, from, to), part(adamM, from, to), part(adamV, from, to),
                        clip, learningRate);
                return null;
            });
        }
        appliedSteps++;
        return new Outcome(loss, norm, true);
    }

    /**
     * Values of the parameter vector that count as one "row" when the update is split over workers: parts of fewer
     * than {@link RowWorkers#MIN_ROWS_PER_PART} such rows (64k values) stay on the training thread.
     */
    private static final long UPDATE_VALUES_PER_ROW = 4096;

    /** Clipping, AdamW's decay and the Adam update of (a range of) the parameter vector, in place. */
    private void update(INDArray params, INDArray grads, INDArray m, INDArray v, double clip, double learningRate) {
        if (clip != 1) {
            grads.muli(clip);
        }
        if (options.optimizer() == Optimizer.ADAMW && options.weightDecay() > 0) {
            params.muli(1 - learningRate * options.weightDecay());
        }
        // grads becomes the Adam step in place, in the paper's efficient form:
        // lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps).
        Nd4j.exec(new AdamUpdater(grads, v, m, learningRate, options.beta1(), options.beta2(),
                options.epsilon(), Math.toIntExact(appliedSteps)));
        params.subi(grads);
    }

    private static INDArray part(INDArray vector, long from, long to) {
        return vector.get(NDArrayIndex.interval(from, to));
    }

    /**
     * The batch's loss, and its gradient in the network's gradients: on the training thread alone, or with the rows
     * split over {@link TrainerOptions#workers} threads, each part's terms divided by the whole batch's size
     * ({@link FlowNetwork#lossAndGradientOfPart}) and the parts' losses and gradients added in part order.
     */
    private double lossAndGradient(INDArray batch) {
        INDArray x = network.checkBatch(batch);
        long n = x.size(0);
        int parts = RowWorkers.parts(n, options.workers());
        // The data-dependent initialisation runs on the network itself first (Trainer does it on the first batch).
        if (parts == 1 || network.needsDataInitialization()) {
            return network.lossAndGradient(x);
        }
        while (replicas.size() < parts - 1) {
            replicas.add(network.replica());
        }
        NoiseKey noise = network.nextTrainingNoise(n);
        List<Double> losses = RowWorkers.run(parts, p -> {
            long from = RowWorkers.firstRow(n, parts, p);
            long to = RowWorkers.firstRow(n, parts, p + 1);
            FlowNetwork part = p == 0 ? network : replicas.get(p - 1);
            return part.lossAndGradientOfPart(RowWorkers.rows(x, from, to), noise.rows(from, to), n);
        });
        double loss = losses.get(0);
        INDArray grads = network.gradients();
        for (int p = 1; p < parts; p++) {
            loss += losses.get(p);
            grads.addi(replicas.get(p - 1).gradients());
        }
        return loss;
    }

    /**
     * Frees Adam's moment vectors now (ND4J keeps them outside the Java heap; see
     * {@link org.fld4j.core.memory.WorkArrays}). The network is not touched; this step cannot be used again.
     */
    @Override
    public void close() {
        closed = true;
        NativeMemory.close(adamM, adamV);
        for (FlowNetwork replica : replicas) {
            replica.releaseWorkArrays();
            NativeMemory.close(replica.gradients());
        }
        replicas.clear();
    }
}
