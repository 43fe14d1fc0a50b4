/**
 * The layer contract and its vocabulary: {@link org.fld4j.core.transform.Transform} (forward and
 * inverse each return the output and the per-sample log-determinant; a hand-written backward for
 * training), its config ({@link org.fld4j.core.transform.LayerConfig}) and size rule, parameter
 * specs, the standard normal prior, and the seeded noise of stochastic layers keyed by sample
 * content ({@link org.fld4j.core.transform.NoiseKey}, {@link org.fld4j.core.transform.SampleKeys}).
 * Depends only on kernels and memory.
 */
package org.fld4j.core.transform;
