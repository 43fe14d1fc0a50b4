package org.fld4j.metrics.fld;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of K values that each carry their own sampling noise and differ by what training adds, with its interval
 * (fld4j's docs/maths.md, "Intervals that include the reference's training"): a random-effects model with equal
 * weights and DerSimonian and Laird's moment estimator.
 *
 * <pre>
 *   value_k = truth + training_k + noise_k,    Var(training_k) = tau^2,   E Var(noise_k) = v_W,
 *   tau^2 ~ max(0, s_b^2 - v_W),               Var(mean) ~ v_K + (tau^2 + v_W) / K = v_K + max(s_b^2, v_W) / K,
 * </pre>
 *
 * where {@code s_b^2} is the K values' sample variance and {@code v_K} a variance known from many images that every
 * value shares (an ensemble FLD's generated images; 0 when nothing is shared). The within noise {@code v_W}, known
 * from hundreds of images, is a floor that a lucky agreement of a few values cannot talk the interval below. The
 * interval is {@code mean +- t_nu SE} with Welch and Satterthwaite's degrees of freedom of the one part that rests on
 * K values, {@code nu = SE^4 / ((tau^2/K)^2 / (K-1))}: the normal quantile when {@code tau^2} is 0, K - 1 degrees of
 * freedom when training dominates everything.
 *
 * @param point            the mean of the values
 * @param values           the K values, in their order
 * @param knownVariance    {@code v_K}
 * @param between          {@code s_b^2}
 * @param withinVariance   {@code v_W}
 * @param trainingVariance {@code tau^2 = max(0, s_b^2 - v_W)}
 * @param variance         {@code SE^2}
 * @param degreesOfFreedom {@code nu}, infinite when {@code tau^2} is 0
 * @param halfWidth        {@code t_nu SE} (the normal quantile when {@code nu} is infinite)
 */
record RandomEffects(double point, double[] values, double knownVariance, double between, double withinVariance,
                     double trainingVariance, double variance, double degreesOfFreedom, double halfWidth) {

    /** Above this many degrees of freedom the t quantile is the normal one to double precision's needs. */
    private static final double NORMAL_DEGREES = 1e7;

    /**
     * @param values         the K values (at least 2)
     * @param withinVariance their mean sampling variance {@code v_W}
     * @param knownVariance  {@code v_K}, shared by every value
     * @param confidence     e.g. 0.95
     */
    static RandomEffects of(double[] values, double withinVariance, double knownVariance, double confidence) {
        int k = values.length;
        if (k < 2) {
            throw new IllegalArgumentException("a spread between values needs at least 2 of them, got " + k);
        }
        double point = FldFormulas.mean(values);
        double between = FldFormulas.sampleVariance(values);
        double training = Math.max(0, between - withinVariance);
        double variance = knownVariance + (training + withinVariance) / k;
        double trainingPart = training / k;
        double nu = trainingPart == 0 ? Double.POSITIVE_INFINITY
                : variance * variance / (trainingPart * trainingPart / (k - 1));
        double p = (1 + confidence) / 2;
        double quantile = Double.isInfinite(nu) || nu > NORMAL_DEGREES
                ? new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p)
                : new TDistribution(null, nu).inverseCumulativeProbability(p);
        return new RandomEffects(point, values.clone(), knownVariance, between, withinVariance, training, variance, nu,
                quantile * Math.sqrt(variance));
    }

    /** {@code [point - halfWidth, point + halfWidth]}, labelled with {@code resamples} (0 when none were drawn). */
    ConfidenceInterval interval(double confidence, int resamples) {
        return new ConfidenceInterval(point - halfWidth, point + halfWidth, confidence, resamples);
    }
}
