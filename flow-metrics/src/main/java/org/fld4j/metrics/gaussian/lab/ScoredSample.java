package org.fld4j.metrics.gaussian.lab;

/**
 * The per-sample log-likelihoods of one test set: under the true training density p and under the
 * model. Arrays are copied in and out.
 *
 * @param trueLogDensity     {@code log p(x_i)}
 * @param modelLogLikelihood {@code log p_theta(x_i)}
 */
public record ScoredSample(double[] trueLogDensity, double[] modelLogLikelihood) {

    public ScoredSample {
        if (trueLogDensity == null || modelLogLikelihood == null || trueLogDensity.length != modelLogLikelihood.length) {
            throw new IllegalArgumentException("both arrays must be present and of the same length");
        }
        trueLogDensity = trueLogDensity.clone();
        modelLogLikelihood = modelLogLikelihood.clone();
    }

    @Override
    public double[] trueLogDensity() {
        return trueLogDensity.clone();
    }

    @Override
    public double[] modelLogLikelihood() {
        return modelLogLikelihood.clone();
    }

    public int size() {
        return trueLogDensity.length;
    }
}
