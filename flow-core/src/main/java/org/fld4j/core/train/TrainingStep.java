package org.fld4j.core.train;

import org.fld4j.core.FlowNetwork;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.memory.NativeMemory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

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
        double loss = network.lossAndGradient(batch);
        double norm = grads.norm2Number().doubleValue();
        if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
            return new Outcome(loss, norm, false);
        }
        if (options.gradientClipNorm() > 0 && norm > options.gradientClipNorm()) {
            grads.muli(options.gradientClipNorm() / norm);
        }
        if (options.optimizer() == Optimizer.ADAMW && options.weightDecay() > 0) {
            params.muli(1 - learningRate * options.weightDecay());
        }
        // grads becomes the Adam step in place, in the paper's efficient form:
        // lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps).
        Nd4j.exec(new AdamUpdater(grads, adamV, adamM, learningRate, options.beta1(), options.beta2(),
                options.epsilon(), Math.toIntExact(appliedSteps)));
        params.subi(grads);
        appliedSteps++;
        return new Outcome(loss, norm, true);
    }

    /**
     * Frees Adam's moment vectors now (ND4J keeps them outside the Java heap; see
     * {@link org.fld4j.core.memory.WorkArrays}). The network is not touched; this step cannot be used again.
     */
    @Override
    public void close() {
        closed = true;
        NativeMemory.close(adamM, adamV);
    }
}
