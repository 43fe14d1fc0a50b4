package org.fld4j.metrics.likelihood;

/**
 * A Monte-Carlo estimate: a sample mean (possibly offset by a constant) with its standard error.
 *
 * @param value         the estimate, in nats
 * @param standardError the sample standard deviation over the square root of the sample count
 * @param sampleCount   the number of samples averaged
 */
public record SampleEstimate(double value, double standardError, int sampleCount) {
}
