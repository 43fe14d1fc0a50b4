package org.fld4j.core.transform;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer whose parameters are initialised from the first batch of data (ActNorm). A flow calls
 * {@link #initializeFrom} once, on the batch as it arrives at this layer, before training starts;
 * whether that happened is part of the layer's saved state.
 */
public interface DataDependentInit {

    /** Sets the parameters from {@code x}, the batch as it arrives at this layer. */
    void initializeFrom(INDArray x);

    /** Whether {@link #initializeFrom} has run (on this layer or on the one it was saved from). */
    boolean isInitialized();
}
