/**
 * Normalizing flows on ND4J: the layer contract ({@link org.fld4j.core.Transform}), the immutable
 * {@link org.fld4j.core.Flow} with exact per-sample log-likelihoods, its mutable engine
 * ({@link org.fld4j.core.FlowNetwork}) and the builders of dense flows.
 *
 * <p>Direction convention: {@code forward} maps data to latent, {@code inverse} latent to data;
 * {@code log p(x) = log N(f(x); 0, I) + sum_k log|det J_k|}, in nats, accumulated in double.
 */
package org.fld4j.core;
