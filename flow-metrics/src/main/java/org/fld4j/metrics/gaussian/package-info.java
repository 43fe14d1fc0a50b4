/**
 * Analytic Gaussians for likelihood diagnostics: {@link org.fld4j.metrics.gaussian.MultivariateGaussian}
 * (sampling, log-density, entropy, cross-entropy and KL in closed form), a seeded generator of
 * full-covariance Gaussians, and the affine, perturbed and outlier test distributions built around a
 * training distribution.
 */
package org.fld4j.metrics.gaussian;
