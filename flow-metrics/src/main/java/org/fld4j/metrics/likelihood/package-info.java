/**
 * Likelihood diagnostics for any flow or any array of log-likelihoods: cross-entropy and KL estimates,
 * 1-D kernel density estimates and the overlapping coefficient of two samples, and out-of-distribution
 * detection with likelihood bounds and AUROC.
 */
package org.fld4j.metrics.likelihood;
