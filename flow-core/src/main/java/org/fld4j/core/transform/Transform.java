package org.fld4j.core.transform;

import org.fld4j.core.Flow;
import org.fld4j.core.LayerRegistry;
import org.fld4j.core.memory.WorkArrays;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One invertible layer of a normalizing flow: the contract every layer of fld4j keeps.
 *
 * <p>Direction: {@link #forward} maps data towards the latent space, {@link #inverse} maps back.
 * A batch has the sample dimension first ({@code [N, ...sampleShape]}).
 *
 * <h2>The contract</h2>
 * <ul>
 *   <li>{@code forward(x)} returns {@code y = f(x)} and, <em>per sample</em>, {@code log|det df/dx|}
 *       as a DOUBLE vector of length N (never a scalar broadcast).</li>
 *   <li>{@code inverse(y)} returns {@code x = f^-1(y)} and the negated log-determinant, so that the two
 *       cancel: {@code forward(inverse(y)).logDet = -inverse(y).logDet}.</li>
 *   <li>{@code backward(gradOutput, gradLogDet)} follows the most recent {@code forward} call of the
 *       same batch size: given {@code dL/dy} and the per-sample weight {@code dL/dlogDet}, it returns
 *       {@code dL/dx} and <em>adds</em> {@code dL/dθ} into the gradient views handed to {@link #bind}.
 *       Composition is the chain rule: a flow passes each layer's input gradient to the layer before
 *       it and the same {@code gradLogDet} to all of them, because the log-determinants are summed.</li>
 *   <li>Returned arrays belong to the layer and are reused by the next call of the same method with
 *       the same batch size: training then allocates nothing per step. Copy ({@code dup()}) what must
 *       outlive that. Inputs are never modified.</li>
 *   <li>A layer that keeps such arrays implements {@link WorkArrays}, so that a flow can free them
 *       before they are garbage-collected; afterwards it must not read anything a released array
 *       held (a backward pass then needs a new forward pass).</li>
 * </ul>
 *
 * <p>Parameters live outside the layer, in one flat vector per flow: the flow allocates it from
 * {@link #parameterSpecs()}, hands each layer views of it and of the gradient vector through
 * {@link #bind}, and then asks for initial values with {@link #initialize}. A layer is not safe for
 * concurrent use; {@link Flow} serialises access.
 */
public interface Transform {

    /** Shape of one input sample, without the batch dimension. */
    long[] inputShape();

    /** Shape of one output sample, without the batch dimension. */
    long[] outputShape();

    /** The floating-point type of the layer's parameters, buffers and outputs. */
    DataType dataType();

    /** The trainable parameter tensors, in the order {@link #bind} receives their views. */
    default List<ParameterSpec> parameterSpecs() {
        return List.of();
    }

    /**
     * Hands the layer views of its parameters and of their gradients, one per
     * {@link #parameterSpecs()} entry, in that order and shape. Called once, before any pass.
     */
    default void bind(List<INDArray> values, List<INDArray> gradients) {
        if (!values.isEmpty() || !gradients.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no parameters");
        }
    }

    /** Writes initial parameter values into the bound views, drawing from {@code random}. */
    default void initialize(RandomGenerator random) {
    }

    /** The forward pass, data towards latent. */
    Transformed forward(INDArray x);

    /** The inverse pass, latent towards data; its log-determinant is the negated forward one. */
    Transformed inverse(INDArray y);

    /**
     * Back-propagates through the most recent {@link #forward} of this batch size.
     *
     * @param gradOutput {@code dL/dy}, shaped like the forward output
     * @param gradLogDet {@code dL/d logDet} per sample, DOUBLE, length N
     * @return {@code dL/dx}, shaped like the forward input
     */
    INDArray backward(INDArray gradOutput, INDArray gradLogDet);

    /** Everything but the trainable parameters needed to rebuild this layer (see {@link LayerRegistry}). */
    LayerConfig config();
}
