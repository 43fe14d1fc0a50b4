/**
 * The entry to flow-core: the immutable {@link org.fld4j.core.Flow} with exact per-sample
 * log-likelihoods, sampling and save/load; its mutable engine ({@link org.fld4j.core.FlowNetwork});
 * the builders of dense and image flows; and the {@link org.fld4j.core.LayerRegistry} that rebuilds
 * layers from their configs. Everything a user calls starts here; the packages below hold the parts
 * (see docs/architecture.md for the map).
 *
 * <p>Direction convention: {@code forward} maps data to latent, {@code inverse} latent to data;
 * {@code log p(x) = log N(f(x); 0, I) + sum_k log|det J_k|}, in nats, accumulated in double.
 */
package org.fld4j.core;
