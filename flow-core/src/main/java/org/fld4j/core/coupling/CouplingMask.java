package org.fld4j.core.coupling;

import org.fld4j.core.conditioner.Conditioner;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.ParameterSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which values of a sample a {@link Coupling} transforms and which it conditions on, and how its
 * {@link Conditioner} is laid out. The coupling's maths works on the "part": the values it may change,
 * with the scale {@code s} and shift {@code t} of the same shape. Two layouts exist:
 * <ul>
 * <li>{@link HalfSplit}: a vector cut in two halves; the part is the transformed half, the conditioner
 * sees the other half only.</li>
 * <li>{@link PixelMask}: a checkerboard or channel mask over an image; the part is the whole image,
 * the conditioner sees the masked image, and {@code s} and {@code t} are zeroed where the mask keeps
 * values, so those pass unchanged.</li>
 * </ul>
 * The scale is soft-clamped per entry of the clamp vector, which runs along dimension 1 of the part
 * (a feature of the half, or a channel of the image).
 */
public sealed interface CouplingMask permits HalfSplit, PixelMask {

    /** The sample shape the coupling maps to itself. */
    long[] shape();

    /** The network this layout conditions with (freshly built, unbound). */
    Conditioner conditioner();

    /** The clamp's parameter tensor. */
    ParameterSpec clampSpec();

    /** The conditioner's input for {@code x} (and the context of a conditional coupling, else null). */
    INDArray conditionerInput(INDArray x, INDArray context, BufferCache buffers, String prefix);

    /** The raw-scale block of the conditioner's output (a view). */
    INDArray raw(INDArray conditionerOutput);

    /** The shift block of the conditioner's output (a view). */
    INDArray shift(INDArray conditionerOutput);

    /** Copies the shift block of the conditioner's output into {@code shift} (of the part's shape). */
    default void copyShift(INDArray conditionerOutput, INDArray shift) {
        Tensors.copy(shift(conditionerOutput), shift);
    }

    /** Writes the gradients of the raw scale and of the shift into their blocks of {@code gradConditionerOutput}. */
    default void setOutputGradient(INDArray gradRaw, INDArray gradShift, INDArray gradConditionerOutput) {
        Tensors.copy(gradRaw, raw(gradConditionerOutput));
        Tensors.copy(gradShift, shift(gradConditionerOutput));
    }

    /** The shape of the part for a batch of {@code n}. */
    long[] partShape(long n);

    /** The complement of the mask over a batch of {@code n} (1 where values change), or null where every value of the part changes. */
    INDArray changing(long n, BufferCache buffers);

    /** Copies the part of {@code x} into {@code part}. */
    void copyPart(INDArray x, INDArray part);

    /** The whole output: {@code part} with the conditioning values of {@code conditionerInput} around it. */
    INDArray assemble(INDArray conditionerInput, INDArray part, BufferCache buffers, String name);

    /** The gradient of the part, from the gradient of the whole output. */
    INDArray partGradient(INDArray gradOutput, BufferCache buffers);

    /** Sums {@code perEntry} (the part's shape) into {@code clampGradient}'s shape and adds it there. */
    void accumulateClampGradient(INDArray perEntry, INDArray clampGradient, BufferCache buffers);

    /**
     * The gradient of the coupling's input: {@code partGradient} where values change, plus the
     * conditioner's input gradient {@code conditionerGradient} where they condition, plus the output's
     * gradient passed through there.
     */
    INDArray inputGradient(INDArray gradOutput, INDArray partGradient, INDArray conditionerGradient,
                           BufferCache buffers);

    /** The config of a coupling with this layout and {@code form}. */
    LayerConfig config(CouplingForm form);
}
