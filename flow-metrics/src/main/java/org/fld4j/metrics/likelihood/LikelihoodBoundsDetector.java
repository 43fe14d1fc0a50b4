package org.fld4j.metrics.likelihood;

import java.util.Arrays;

/**
 * Out-of-distribution detection with two likelihood bounds {@code L <= U}: a point is an outlier when
 * {@code log p(x) < L} or {@code log p(x) > U}. The bounds are fitted on in-distribution
 * log-likelihoods so that a target share of them lies inside (the true-positive rate), with equal
 * tails: {@code L} is the {@code (k+1)}-th smallest and {@code U} the {@code (k+1)}-th largest value,
 * {@code k = floor(n (1 - tpr) / 2)}, so the fitted set's true-positive rate is the target to within
 * 2/n. Beyond the bounds, {@link #auroc} scores {@code -log p(x)} as an outlier score against the
 * fitted set, which needs no threshold.
 */
public final class LikelihoodBoundsDetector {

    /** The true-positive rate the thesis' experiments use. */
    public static final double DEFAULT_TRUE_POSITIVE_RATE = 0.975;

    private final double[] sortedFit;
    private final double targetTruePositiveRate;
    private final double lower;
    private final double upper;

    private LikelihoodBoundsDetector(double[] sortedFit, double targetTruePositiveRate) {
        this.sortedFit = sortedFit;
        this.targetTruePositiveRate = targetTruePositiveRate;
        int n = sortedFit.length;
        int k = (int) Math.floor(n * (1 - targetTruePositiveRate) / 2);
        this.lower = sortedFit[k];
        this.upper = sortedFit[n - 1 - k];
    }

    /**
     * Fits the bounds on in-distribution log-likelihoods (at least two, finite) for a target
     * true-positive rate in (0, 1).
     */
    public static LikelihoodBoundsDetector fit(double[] inDistribution, double targetTruePositiveRate) {
        if (!(targetTruePositiveRate > 0 && targetTruePositiveRate < 1)) {
            throw new IllegalArgumentException("targetTruePositiveRate must be in (0, 1), got " + targetTruePositiveRate);
        }
        if (inDistribution == null || inDistribution.length < 2) {
            throw new IllegalArgumentException("need at least 2 in-distribution log-likelihoods");
        }
        FiniteValues.require(inDistribution, "log-likelihood");
        double[] sorted = inDistribution.clone();
        Arrays.sort(sorted);
        return new LikelihoodBoundsDetector(sorted, targetTruePositiveRate);
    }

    public double lower() {
        return lower;
    }

    public double upper() {
        return upper;
    }

    public double targetTruePositiveRate() {
        return targetTruePositiveRate;
    }

    /** Whether a log-likelihood falls outside {@code [L, U]}. */
    public boolean isOutlier(double logLikelihood) {
        return !(logLikelihood >= lower && logLikelihood <= upper);
    }

    /** The share of in-distribution log-likelihoods inside {@code [L, U]}. */
    public double truePositiveRate(double[] inDistribution) {
        return 1 - trueNegativeRate(inDistribution);
    }

    /** The share of a test set's log-likelihoods outside {@code [L, U]} (all flagged as outliers). */
    public double trueNegativeRate(double[] test) {
        FiniteValues.require(test, "log-likelihood");
        long outside = 0;
        for (double v : test) {
            if (isOutlier(v)) {
                outside++;
            }
        }
        return (double) outside / test.length;
    }

    /**
     * The AUROC of {@code -log p(x)} as an outlier score: the probability that a random test point is
     * less likely than a random point of the fitted set (ties count one half).
     */
    public double auroc(double[] test) {
        FiniteValues.require(test, "log-likelihood");
        // P(-log p(test) > -log p(fit)) is P(log p(fit) > log p(test)): the fitted set, already sorted,
        // plays the positives of the log-likelihood itself.
        double[] sortedTest = test.clone();
        Arrays.sort(sortedTest);
        return Auroc.ofSorted(sortedTest, sortedFit);
    }
}
