package org.fld4j.metrics.gaussian;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A multivariate normal distribution {@code N(mu, Sigma)} in double precision: seeded sampling, exact
 * log-densities, differential entropy, cross-entropy and Kullback-Leibler divergence in closed form.
 * Immutable.
 *
 * <p>Everything goes through the Cholesky factor {@code Sigma = L L^T} (Commons Math): sampling is
 * {@code mu + L z}, a log-density solves {@code L y = x - mu}, and {@code log det Sigma = 2 sum log L_ii}.
 * The factor is kept transposed in one flat row-major array, so that both sampling and the triangular
 * solve run as contiguous {@code a += c * row} loops, which the JIT vectorises; a D = 100 sample or
 * log-density costs about D^2 / 2 multiply-adds.
 */
public final class MultivariateGaussian {

    static final double LOG_2PI = Math.log(2 * Math.PI);

    /** Entries may differ from their mirror image by this much, relative to the largest entry. */
    private static final double SYMMETRY_TOLERANCE = 1e-10;

    /** A Cholesky pivot at or below this fraction of the largest variance means "not positive definite". */
    private static final double PIVOT_TOLERANCE = 1e-14;

    private final int dimension;
    private final double[] mean;
    private final double[][] covariance;
    /** {@code L^T}, row-major D x D: row j holds column j of L in entries j..D-1 (the rest are 0). */
    private final double[] factorTransposed;
    private final double logDeterminant;

    private MultivariateGaussian(double[] mean, double[][] covariance) {
        this.dimension = mean.length;
        this.mean = mean;
        this.covariance = covariance;
        RealMatrix lt;
        double largestVariance = 0;
        for (int i = 0; i < dimension; i++) {
            largestVariance = Math.max(largestVariance, covariance[i][i]);
        }
        try {
            // Symmetry was checked and made exact by the caller; positivity is checked here.
            lt = new CholeskyDecomposition(new Array2DRowRealMatrix(covariance, false), 0.0,
                    PIVOT_TOLERANCE * largestVariance).getLT();
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new IllegalArgumentException("covariance is not positive definite (Cholesky pivot " + e.getRow()
                    + " is " + e.getArgument() + ")", e);
        }
        this.factorTransposed = new double[dimension * dimension];
        double logDet = 0;
        for (int j = 0; j < dimension; j++) {
            for (int i = j; i < dimension; i++) {
                factorTransposed[j * dimension + i] = lt.getEntry(j, i);
            }
            logDet += 2 * Math.log(lt.getEntry(j, j));
        }
        this.logDeterminant = logDet;
    }

    /**
     * The Gaussian with this mean and covariance. The covariance must be square, finite, symmetric
     * (to within 1e-10 of its largest entry; it is then made exactly symmetric) and positive definite;
     * otherwise an {@link IllegalArgumentException} says which.
     */
    public static MultivariateGaussian of(double[] mean, double[][] covariance) {
        if (mean == null || mean.length == 0) {
            throw new IllegalArgumentException("mean must have at least one entry");
        }
        int d = mean.length;
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("mean[" + i + "] is not finite: " + mean[i]);
            }
        }
        if (covariance == null || covariance.length != d) {
            throw new IllegalArgumentException("covariance must be " + d + " x " + d + " to match the mean, got "
                    + (covariance == null ? "null" : covariance.length + " rows"));
        }
        double largest = 0;
        for (int i = 0; i < d; i++) {
            if (covariance[i] == null || covariance[i].length != d) {
                throw new IllegalArgumentException("covariance must be " + d + " x " + d + ", row " + i + " has "
                        + (covariance[i] == null ? "no" : String.valueOf(covariance[i].length)) + " entries");
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(covariance[i][j])) {
                    throw new IllegalArgumentException("covariance(" + i + ", " + j + ") is not finite: "
                            + covariance[i][j]);
                }
                largest = Math.max(largest, Math.abs(covariance[i][j]));
            }
        }
        double[][] symmetric = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double a = covariance[i][j];
                double b = covariance[j][i];
                if (Math.abs(a - b) > SYMMETRY_TOLERANCE * largest) {
                    throw new IllegalArgumentException("covariance is not symmetric: (" + i + ", " + j + ") = " + a
                            + " but (" + j + ", " + i + ") = " + b);
                }
                symmetric[i][j] = 0.5 * (a + b);
            }
        }
        return new MultivariateGaussian(mean.clone(), symmetric);
    }

    /** The standard normal {@code N(0, I)} of dimension {@code dimension}: a fresh flow's density. */
    public static MultivariateGaussian standard(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        double[][] identity = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            identity[i][i] = 1;
        }
        return of(new double[dimension], identity);
    }

    public int dimension() {
        return dimension;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[][] covariance() {
        double[][] copy = new double[dimension][];
        for (int i = 0; i < dimension; i++) {
            copy[i] = covariance[i].clone();
        }
        return copy;
    }

    /** {@code log det Sigma}. */
    public double logDeterminant() {
        return logDeterminant;
    }

    /** Differential entropy {@code H(q) = (1/2) log det(2 pi e Sigma)} of this distribution q, in nats. */
    public double entropy() {
        return 0.5 * (dimension * (1 + LOG_2PI) + logDeterminant);
    }

    /**
     * Cross-entropy {@code H(q, p) = -E_q[log p]} of this distribution q relative to {@code p}, in nats:
     * {@code (1/2) [k log 2 pi + log|Sigma_p| + tr(Sigma_p^-1 Sigma_q) + d^T Sigma_p^-1 d]}, d = mu_q - mu_p.
     */
    public double crossEntropy(MultivariateGaussian p) {
        requireSameDimension(p);
        return 0.5 * (dimension * LOG_2PI + p.logDeterminant + p.traceOfInverseTimes(this) + p.mahalanobis(mean));
    }

    /**
     * {@code KL(q || p)} of this distribution q from {@code p}, in nats:
     * {@code (1/2) [log(|Sigma_p| / |Sigma_q|) - k + tr(Sigma_p^-1 Sigma_q) + d^T Sigma_p^-1 d]}.
     */
    public double klDivergence(MultivariateGaussian p) {
        requireSameDimension(p);
        return 0.5 * (p.logDeterminant - logDeterminant - dimension + p.traceOfInverseTimes(this)
                + p.mahalanobis(mean));
    }

    /** {@code log p(x)} in nats. */
    public double logDensity(double[] x) {
        if (x.length != dimension) {
            throw new IllegalArgumentException("x has " + x.length + " entries, the Gaussian " + dimension);
        }
        double[] out = new double[1];
        logDensities(x, 1, out, 0);
        return out[0];
    }

    /**
     * The log-densities of {@code n} points stored row-major in {@code x} (n x D), written to
     * {@code out[offset ..offset + n)}.
     */
    public void logDensities(double[] x, int n, double[] out, int offset) {
        if (x.length < (long) n * dimension || out.length < offset + (long) n) {
            throw new IllegalArgumentException("arrays too short for " + n + " points of dimension " + dimension);
        }
        double constant = dimension * LOG_2PI + logDeterminant;
        double[] r = new double[dimension];
        for (int s = 0; s < n; s++) {
            int base = s * dimension;
            for (int i = 0; i < dimension; i++) {
                r[i] = x[base + i] - mean[i];
            }
            solveLowerInPlace(r);
            double quad = 0;
            for (int i = 0; i < dimension; i++) {
                quad += r[i] * r[i];
            }
            out[offset + s] = -0.5 * (constant + quad);
        }
    }

    /**
     * Draws {@code n} points into {@code out} (row-major n x D) as {@code mu + L z} with z from
     * {@code random}; consecutive calls on one generator continue the same stream, so drawing in
     * chunks gives the same points as drawing at once.
     */
    public void sample(SplittableRandom random, int n, double[] out) {
        if (out.length < (long) n * dimension) {
            throw new IllegalArgumentException("out holds fewer than " + n + " points of dimension " + dimension);
        }
        double[] z = new double[dimension];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < dimension; j++) {
                z[j] = random.nextGaussian();
            }
            int base = s * dimension;
            System.arraycopy(mean, 0, out, base, dimension);
            for (int j = 0; j < dimension; j++) {
                double zj = z[j];
                int row = j * dimension;
                for (int i = j; i < dimension; i++) {
                    out[base + i] += zj * factorTransposed[row + i];
                }
            }
        }
    }

    /** {@code n} points (row-major n x D) drawn from {@code seed}. */
    public double[] sample(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        double[] out = new double[Math.multiplyExact(n, dimension)];
        sample(new SplittableRandom(seed), n, out);
        return out;
    }

    /** Solves {@code L y = r} in place (r becomes y), column by column. */
    private void solveLowerInPlace(double[] r) {
        for (int j = 0; j < dimension; j++) {
            int row = j * dimension;
            double yj = r[j] / factorTransposed[row + j];
            r[j] = yj;
            for (int i = j + 1; i < dimension; i++) {
                r[i] -= yj * factorTransposed[row + i];
            }
        }
    }

    /** {@code (x - mu)^T Sigma^-1 (x - mu) = |L^-1 (x - mu)|^2}. */
    private double mahalanobis(double[] x) {
        double[] r = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            r[i] = x[i] - mean[i];
        }
        solveLowerInPlace(r);
        double sum = 0;
        for (double v : r) {
            sum += v * v;
        }
        return sum;
    }

    /**
     * {@code tr(Sigma^-1 Sigma_q) = |L^-1 L_q|_F^2}, a sum of squares (never negative), from the
     * columns of q's factor.
     */
    private double traceOfInverseTimes(MultivariateGaussian q) {
        double sum = 0;
        double[] column = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            int row = j * dimension;
            for (int i = 0; i < dimension; i++) {
                column[i] = q.factorTransposed[row + i];
            }
            solveLowerInPlace(column);
            for (double v : column) {
                sum += v * v;
            }
        }
        return sum;
    }

    private void requireSameDimension(MultivariateGaussian p) {
        if (p.dimension != dimension) {
            throw new IllegalArgumentException("dimensions differ: " + dimension + " and " + p.dimension);
        }
    }

    @Override
    public String toString() {
        return "MultivariateGaussian[D=" + dimension + ", log det Sigma=" + logDeterminant + "]";
    }
}
