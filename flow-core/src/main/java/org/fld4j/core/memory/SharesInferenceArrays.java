package org.fld4j.core.memory;

/**
 * A layer that can take its work arrays from its network's {@link InferenceArrays} while the network
 * only evaluates. The network calls {@link #shareInferenceArrays} once, when it is built.
 */
public interface SharesInferenceArrays {

    /** Takes {@code arrays} for evaluation passes; training passes keep using the layer's own arrays. */
    void shareInferenceArrays(InferenceArrays arrays);
}
