package org.fld4j.metrics.gaussian;

/**
 * The test distributions of the likelihood diagnostics, as closed-form Gaussians. With {@code 1} the
 * all-ones vector:
 * <ul>
 *   <li>affine: {@code N(mu + t 1, s^2 Sigma)};</li>
 *   <li>perturbed: {@code N(mu + t 1 + beta u, s^2 Sigma + alpha I)} with a fixed {@code u} in
 *       {@code [-1, 1]^D};</li>
 * </ul>
 * and the outlier family is the affine one applied to an unrelated base Gaussian. The scale acts
 * before the shift: the mean moves by exactly {@code t} in every coordinate whatever {@code s} is.
 */
public final class TestDistributions {

    private TestDistributions() {
    }

    /** {@code N(mu + t 1, s^2 Sigma)} for {@code base = N(mu, Sigma)}. */
    public static MultivariateGaussian affine(MultivariateGaussian base, double scale, double shift) {
        return perturbed(base, scale, shift, 0, 0, new double[base.dimension()]);
    }

    /**
     * {@code N(mu + t 1 + beta u, s^2 Sigma + alpha I)} for {@code base = N(mu, Sigma)}: the base moved
     * and scaled as in {@link #affine}, its mean jittered by {@code beta u} and isotropic noise of
     * variance {@code alpha} added (which weakens every correlation).
     */
    public static MultivariateGaussian perturbed(MultivariateGaussian base, double scale, double shift,
                                                 double alpha, double beta, double[] direction) {
        int d = base.dimension();
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale s must be positive and finite, got " + scale);
        }
        if (!Double.isFinite(shift)) {
            throw new IllegalArgumentException("shift t must be finite, got " + shift);
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be >= 0 and finite, got " + alpha);
        }
        if (!(beta >= 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be >= 0 and finite, got " + beta);
        }
        if (direction == null || direction.length != d) {
            throw new IllegalArgumentException("direction u must have " + d + " entries");
        }
        double[] mean = base.mean();
        double[][] covariance = base.covariance();
        for (int i = 0; i < d; i++) {
            if (!(Math.abs(direction[i]) <= 1)) {
                throw new IllegalArgumentException("direction u must lie in [-1, 1]^D, u[" + i + "] = " + direction[i]);
            }
            mean[i] += shift + beta * direction[i];
            for (int j = 0; j < d; j++) {
                covariance[i][j] *= scale * scale;
            }
            covariance[i][i] += alpha;
        }
        return MultivariateGaussian.of(mean, covariance);
    }
}
