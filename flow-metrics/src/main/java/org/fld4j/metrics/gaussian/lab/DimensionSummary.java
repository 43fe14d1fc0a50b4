package org.fld4j.metrics.gaussian.lab;

import org.fld4j.core.train.TrainingHistory;
import org.fld4j.metrics.likelihood.DensityCurve;

/**
 * What the Gaussian lab did for one dimension beyond the table: the model, how it was trained, and the
 * reference set (samples of p itself, never trained on) that the detectors and overlaps compare with.
 *
 * @param dimension                   D
 * @param preset                      the flow preset, or null when the model was given
 * @param training                    the training record, or null when the model was given
 * @param entropy                     {@code H(p)}, closed form
 * @param referenceSamples            size of the reference set
 * @param referenceCrossEntropy       {@code H*(p, p)} on the reference set
 * @param referenceModelCrossEntropy  {@code H(p, p_theta)} on the reference set
 * @param modelLowerBound             the model's lower likelihood bound L
 * @param modelUpperBound             the model's upper likelihood bound U
 * @param trueLowerBound              the true density's L
 * @param trueUpperBound              the true density's U
 * @param referenceTrueLogDensity     the density of {@code log p} over the reference set
 * @param referenceModelLogLikelihood the density of {@code log p_theta} over the reference set
 */
public record DimensionSummary(int dimension, FlowPreset preset, TrainingHistory training, double entropy,
                               int referenceSamples, double referenceCrossEntropy, double referenceModelCrossEntropy,
                               double modelLowerBound, double modelUpperBound, double trueLowerBound,
                               double trueUpperBound, DensityCurve referenceTrueLogDensity,
                               DensityCurve referenceModelLogLikelihood) {
}
