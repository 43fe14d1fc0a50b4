package org.fld4j.metrics.gaussian;

/**
 * How {@link RandomGaussianGenerator} draws a Gaussian, validated on construction.
 *
 * @param conditionNumber ratio of the largest to the smallest eigenvalue of the covariance (>= 1)
 * @param largestVariance the largest eigenvalue of the covariance (> 0)
 * @param meanHalfWidth   each mean entry is drawn from U[-meanHalfWidth, meanHalfWidth] (>= 0)
 */
public record RandomGaussianOptions(double conditionNumber, double largestVariance, double meanHalfWidth) implements java.io.Serializable {

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
     * Condition number 10, largest variance 1, mean entries in [-1, 1]: variances on the scale of the
     * shifts t in [0, 1], so that the shifts go from mild to far outside the training distribution.
     */
    public static RandomGaussianOptions defaults() {
        return new RandomGaussianOptions(10, 1, 1);
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
