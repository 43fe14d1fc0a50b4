package org.fld4j.core.data;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A seeded multivariate Gaussian with a random full covariance, the built-in data set whose density
 * is known exactly: {@code mu ~ U[-1, 1]^D} and {@code Sigma = A A^T / D + 0.1 I} with
 * {@code A_ij ~ N(0, 1)}. Used by the demo and the tests to compare a trained flow's likelihood with
 * the analytic one.
 */
public final class RandomGaussian {

    private final int dimension;
    private final double[] mean;
    private final RealMatrix covariance;
    private final RealMatrix choleskyLower;
    private final double logDeterminant;

    private RandomGaussian(double[] mean, RealMatrix covariance) {
        this.dimension = mean.length;
        this.mean = mean.clone();
        this.covariance = covariance;
        CholeskyDecomposition cholesky = new CholeskyDecomposition(covariance);
        this.choleskyLower = cholesky.getL();
        double logDet = 0;
        for (int i = 0; i < dimension; i++) {
            logDet += 2 * Math.log(choleskyLower.getEntry(i, i));
        }
        this.logDeterminant = logDet;
    }

    /** The Gaussian of dimension {@code dimension} drawn from {@code seed}. */
    public static RandomGaussian withSeed(int dimension, long seed) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] mean = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            mean[i] = 2 * random.nextDouble() - 1;
        }
        double[][] a = new double[dimension][dimension];
        for (double[] row : a) {
            for (int j = 0; j < dimension; j++) {
                row[j] = random.nextGaussian();
            }
        }
        RealMatrix am = new Array2DRowRealMatrix(a, false);
        RealMatrix cov = am.multiply(am.transpose()).scalarMultiply(1.0 / dimension);
        for (int i = 0; i < dimension; i++) {
            cov.addToEntry(i, i, 0.1);
        }
        // Symmetrise exactly: the product is symmetric only up to rounding.
        RealMatrix sym = cov.add(cov.transpose()).scalarMultiply(0.5);
        return new RandomGaussian(mean, sym);
    }

    public int dimension() {
        return dimension;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[][] covariance() {
        return covariance.getData();
    }

    /** {@code n} samples [n, D] in the given type, drawn from {@code seed}: {@code mu + L z}. */
    public INDArray sample(int n, long seed, DataType type) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[n][dimension];
        double[] z = new double[dimension];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < dimension; j++) {
                z[j] = random.nextGaussian();
            }
            for (int i = 0; i < dimension; i++) {
                double v = mean[i];
                for (int j = 0; j <= i; j++) {
                    v += choleskyLower.getEntry(i, j) * z[j];
                }
                out[s][i] = v;
            }
        }
        return Nd4j.createFromArray(out).castTo(type);
    }

    /** The exact log-density at {@code x}, in nats. */
    public double logDensity(double[] x) {
        // Solve L y = x - mu; then (x-mu)^T Sigma^-1 (x-mu) = |y|^2.
        double[] y = new double[dimension];
        double quad = 0;
        for (int i = 0; i < dimension; i++) {
            double v = x[i] - mean[i];
            for (int j = 0; j < i; j++) {
                v -= choleskyLower.getEntry(i, j) * y[j];
            }
            y[i] = v / choleskyLower.getEntry(i, i);
            quad += y[i] * y[i];
        }
        return -0.5 * (dimension * Math.log(2 * Math.PI) + logDeterminant + quad);
    }

    /** Differential entropy {@code (1/2) log det(2 pi e Sigma)}: minus the expected log-density. */
    public double entropy() {
        return 0.5 * (dimension * (1 + Math.log(2 * Math.PI)) + logDeterminant);
    }
}
