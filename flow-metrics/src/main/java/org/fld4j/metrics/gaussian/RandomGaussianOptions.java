package org.fld4j.metrics.gaussian;

/**
 * How {@link RandomGaussianGenerator} draws a Gaussian, validated on construction.
 *
 * @param conditionNumber ratio of the largest to the smallest eigenvalue of the covariance (>= 1)
 * @param largestVariance the largest eigenvalue of the covariance (> 0)
 * @param meanHalfWidth   each mean entry is drawn from U[-meanHalfWidth, meanHalfWidth] (>= 0)
 */
public record RandomGaussianOptions(double conditionNumber, double largestVariance, double meanHalfWidth) {

    public RandomGaussianOptions {
        require(conditionNumber >= 1 && Double.isFinite(conditionNumber), "conditionNumber", conditionNumber);
        require(largestVariance > 0 && Double.isFinite(largestVariance), "largestVariance", largestVariance);
        require(meanHalfWidth >= 0 && Double.isFinite(meanHalfWidth), "meanHalfWidth", meanHalfWidth);
    }

    private static void require(boolean ok, String option, double value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid random Gaussian option " + option + ": " + value);
        }
    }

    /**
     * Condition number 100, largest variance 1, mean entries in [-1, 1]. With variances down to 0.01, a
     * shift of t = 0.25 in every coordinate already moves the test set's log-densities clear of the
     * training set's in D = 20, as in the thesis' experiments.
     */
    public static RandomGaussianOptions defaults() {
        return new RandomGaussianOptions(100, 1, 1);
    }

    public RandomGaussianOptions withConditionNumber(double value) {
        return new RandomGaussianOptions(value, largestVariance, meanHalfWidth);
    }

    public RandomGaussianOptions withLargestVariance(double value) {
        return new RandomGaussianOptions(conditionNumber, value, meanHalfWidth);
    }

    public RandomGaussianOptions withMeanHalfWidth(double value) {
        return new RandomGaussianOptions(conditionNumber, largestVariance, value);
    }
}
