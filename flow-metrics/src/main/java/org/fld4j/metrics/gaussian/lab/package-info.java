/**
 * The Gaussian lab: trains dense flows on Gaussians with known densities and reproduces, in one call,
 * the likelihood diagnostics over affine, perturbed and outlier test distributions (cross-entropies,
 * KL divergences, likelihood-bound detection, overlaps, AUROC and the density curves of the
 * log-likelihoods), with CSV and JSON output.
 */
package org.fld4j.metrics.gaussian.lab;
