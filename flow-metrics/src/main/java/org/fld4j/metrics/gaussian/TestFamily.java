package org.fld4j.metrics.gaussian;

/** The three families of test distributions built around a training distribution p (see {@link TestDistributions}). */
public enum TestFamily {
    /** {@code q(s, t) = N(mu_p + t 1, s^2 Sigma_p)}: p moved and scaled, its correlations kept. */
    AFFINE,
    /** {@code q_d(s, t) = N(mu_p + t 1 + beta u, s^2 Sigma_p + alpha I)}: correlations weakened, mean jittered. */
    PERTURBED,
    /** {@code q_out(s, t) = N(mu_q + t 1, s^2 Sigma_q)}: the same variants of an unrelated Gaussian. */
    OUTLIER
}
