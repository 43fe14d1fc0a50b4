package org.fld4j.metrics.fld;

import java.util.List;

/**
 * The formulas of fld4j's docs/maths.md (FLD section), in one place: every score and every bootstrap
 * resample goes through them. Bits per dimension are {@link org.fld4j.core.units.BitsPerDim#of}.
 */
final class FldFormulas {

    private FldFormulas() {
    }

    /** {@code FLD = ln(l_R(G) / l_R(R_test))}, from the two mean log-likelihoods (both negative). */
    static double fld(double meanReal, double meanGenerated) {
        return Math.log(meanGenerated / meanReal);
    }

    /** The sample ({@code k - 1}) standard deviation of {@code values}; 0 for fewer than 2 values. */
    static double sampleSd(List<Double> values) {
        if (values.size() < 2) {
            return 0;
        }
        return Math.sqrt(sampleVariance(values.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** The sample ({@code k - 1}) variance of {@code values} (at least 2) about their {@link #mean}. */
    static double sampleVariance(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return squares / (values.length - 1);
    }

    /** The mean of {@code values} in double, summed in order. */
    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /**
     * {@code var(x) / mean(x)^2} with the {@code n - 1} sample variance: the delta method's variance of
     * {@code ln mean(x)} times n, the per-image share that FLD's intervals and the planner divide by a count.
     */
    static double relativeVariance(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return squares / (values.length - 1) / (mean * mean);
    }

    /**
     * Checks a set's per-image log-likelihoods: all finite, and a negative mean (an 8-bit image has a
     * probability of at most 1; a mean at or above 0 means a broken flow or input that is not 8-bit).
     *
     * @throws InvalidLikelihoodException if one is not finite or the mean is not negative
     */
    static void check(double[] logLikelihoods, String[] names, String what) {
        if (logLikelihoods.length == 0) {
            throw new IllegalArgumentException(what + " holds no images");
        }
        for (int i = 0; i < logLikelihoods.length; i++) {
            if (!Double.isFinite(logLikelihoods[i])) {
                throw new InvalidLikelihoodException("the reference flow gives image " + names[i] + " of " + what
                        + " the log-likelihood " + logLikelihoods[i] + "; the flow diverged or the image is broken");
            }
        }
        double mean = mean(logLikelihoods);
        if (mean >= 0) {
            throw new InvalidLikelihoodException("the mean log-likelihood of " + what + " is " + mean
                    + " nats >= 0, impossible for 8-bit images (each has probability <= 1): the flow is broken or"
                    + " the images are not 8-bit values 0..255");
        }
    }
}
