package org.fld4j.metrics.gaussian;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Draws seeded Gaussians with a full covariance of controlled conditioning:
 * {@code Sigma = Q diag(lambda) Q^T} with Q a uniformly random rotation and eigenvalues from
 * {@code largestVariance / conditionNumber} to {@code largestVariance} (both ends always present, the
 * others log-uniform in between), so the condition number is exactly the one asked for.
 *
 * <p>Q is the QR factor of a matrix of independent standard normals with the signs of R's diagonal
 * moved into it, which makes it Haar-distributed rather than biased towards some orientations.
 */
public final class RandomGaussianGenerator {

    private final RandomGaussianOptions options;

    public RandomGaussianGenerator(RandomGaussianOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    public RandomGaussianOptions options() {
        return options;
    }

    /** The Gaussian of dimension {@code dimension} drawn from {@code seed}. */
    public MultivariateGaussian generate(int dimension, long seed) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] mean = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            mean[i] = options.meanHalfWidth() * (2 * random.nextDouble() - 1);
        }
        RealMatrix q = randomRotation(dimension, random);
        double[] eigenvalues = eigenvalues(dimension, random);
        double[][] covariance = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int k = 0; k < dimension; k++) {
                    v += q.getEntry(i, k) * eigenvalues[k] * q.getEntry(j, k);
                }
                covariance[i][j] = v;
                covariance[j][i] = v;
            }
        }
        return MultivariateGaussian.of(mean, covariance);
    }

    private double[] eigenvalues(int dimension, SplittableRandom random) {
        double largest = options.largestVariance();
        double[] lambda = new double[dimension];
        lambda[0] = largest;
        if (dimension > 1) {
            double logKappa = Math.log(options.conditionNumber());
            lambda[dimension - 1] = largest / options.conditionNumber();
            for (int k = 1; k < dimension - 1; k++) {
                lambda[k] = largest * Math.exp(-logKappa * random.nextDouble());
            }
        }
        return lambda;
    }

    private static RealMatrix randomRotation(int dimension, SplittableRandom random) {
        double[][] g = new double[dimension][dimension];
        for (double[] row : g) {
            for (int j = 0; j < dimension; j++) {
                row[j] = random.nextGaussian();
            }
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(g, false));
        RealMatrix q = qr.getQ().copy();
        RealMatrix r = qr.getR();
        for (int k = 0; k < dimension; k++) {
            if (r.getEntry(k, k) < 0) {
                for (int i = 0; i < dimension; i++) {
                    q.setEntry(i, k, -q.getEntry(i, k));
                }
            }
        }
        return q;
    }
}
