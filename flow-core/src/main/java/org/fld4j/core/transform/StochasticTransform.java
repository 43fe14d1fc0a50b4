package org.fld4j.core.transform;

import org.fld4j.core.FlowNetwork;

/**
 * A layer whose forward pass draws random numbers, such as a dequantization layer that adds noise
 * to discrete pixel values. Its log-determinant is then a one-sample estimate, and the noise is
 * named by a {@link NoiseKey} so that results are reproducible and batch-size independent.
 *
 * <p>{@link FlowNetwork} hands every top-level stochastic layer the key of each batch before the
 * forward pass; {@link #inverse} is deterministic.
 */
public interface StochasticTransform extends Transform {

    /** Fixes the noise of the following forward passes. */
    void useNoise(NoiseKey key);
}
