package org.fld4j.metrics.gaussian;

import java.util.SplittableRandom;

/**
 * Everything random about one dimension of the likelihood diagnostics, drawn from one seed: the
 * training distribution p, the unrelated Gaussian the outlier family is built on, and the direction
 * {@code u ~ U[-1, 1]^D} of the perturbed family's mean jitter (one u for every (s, t), so that cells
 * differ only by s and t).
 *
 * @param training     p, the distribution a flow is trained on
 * @param outlierBase  {@code N(mu_q, Sigma_q)}, drawn independently of p
 * @param perturbation u
 */
public record GaussianTestBed(MultivariateGaussian training, MultivariateGaussian outlierBase, double[] perturbation) {

    public GaussianTestBed {
        if (training == null || outlierBase == null || perturbation == null) {
            throw new IllegalArgumentException("training, outlierBase and perturbation must not be null");
        }
        if (outlierBase.dimension() != training.dimension() || perturbation.length != training.dimension()) {
            throw new IllegalArgumentException("all parts must have dimension " + training.dimension());
        }
        perturbation = perturbation.clone();
    }

    /** Draws p, the outlier base and u for {@code dimension} from {@code seed}. */
    public static GaussianTestBed generate(int dimension, RandomGaussianOptions options, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RandomGaussianGenerator generator = new RandomGaussianGenerator(options);
        MultivariateGaussian p = generator.generate(dimension, random.nextLong());
        MultivariateGaussian outlier = generator.generate(dimension, random.nextLong());
        double[] u = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            u[i] = 2 * random.nextDouble() - 1;
        }
        return new GaussianTestBed(p, outlier, u);
    }

    public int dimension() {
        return training.dimension();
    }

    @Override
    public double[] perturbation() {
        return perturbation.clone();
    }

    /** The test distribution of {@code family} at scale s and shift t. */
    public MultivariateGaussian distribution(TestFamily family, double scale, double shift, double alpha, double beta) {
        return switch (family) {
            case AFFINE -> TestDistributions.affine(training, scale, shift);
            case PERTURBED -> TestDistributions.perturbed(training, scale, shift, alpha, beta, perturbation);
            case OUTLIER -> TestDistributions.affine(outlierBase, scale, shift);
        };
    }
}
