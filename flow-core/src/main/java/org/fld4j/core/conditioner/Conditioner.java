package org.fld4j.core.conditioner;

import java.util.List;
import java.util.random.RandomGenerator;
import org.fld4j.core.memory.InferenceArrays;
import org.fld4j.core.memory.WorkArrays;
import org.fld4j.core.transform.ParameterSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The network inside a coupling: maps what the coupling lets it see to the raw scale and the shift
 * of the part it transforms. It need not be invertible; the coupling is. A conditioner owns its
 * parameters' views (bound by the coupling that holds it) and keeps what its backward pass needs
 * from the last forward pass.
 */
public interface Conditioner extends WorkArrays {

    /** Its parameter tensors, named under {@code prefix}, in the order {@link #bind} takes them. */
    List<ParameterSpec> parameterSpecs(String prefix);

    /** Takes its parameter and gradient views from {@code values} and {@code gradients}, starting at {@code offset}. */
    void bind(List<INDArray> values, List<INDArray> gradients, int offset);

    /** Draws fresh weights; the last layer starts at zero so that a fresh coupling is the identity. */
    void initialize(RandomGenerator random);

    /** The output for {@code input}; a buffer of the conditioner's, valid until its next call. */
    INDArray forward(INDArray input);

    /** The output of the last {@link #forward}, which {@link #backward} differentiates. */
    INDArray lastOutput();

    /** Accumulates the parameter gradients for {@code gradOutput} and returns the input's gradient. */
    INDArray backward(INDArray gradOutput);

    /** Lets the conditioner take its evaluation arrays from those its flow shares; by default it keeps its own. */
    default void shareInferenceArrays(InferenceArrays arrays) {
    }
}
