package org.fld4j.metrics.gaussian.lab;

import org.fld4j.metrics.gaussian.TestFamily;

/**
 * One cell of the Gaussian lab's table: a test distribution q of one family at scale s and shift t,
 * against the training distribution p and the model p_theta trained on it. Values in nats.
 *
 * @param dimension                 D
 * @param family                    the test family
 * @param scale                     s
 * @param shift                     t
 * @param samples                   N, the test samples drawn from q
 * @param crossEntropy              {@code H(q, p)}, closed form
 * @param crossEntropyEstimate      {@code H*(q, p) = -(1/N) sum log p(x_i)}
 * @param crossEntropyEstimateError standard error of {@code H*(q, p)}
 * @param modelCrossEntropy         {@code H(q, p_theta) = -(1/N) sum log p_theta(x_i)}
 * @param modelCrossEntropyError    standard error of {@code H(q, p_theta)}
 * @param entropy                   {@code H(q)}, closed form
 * @param klDivergence              {@code KL(q || p)}, closed form
 * @param modelKlDivergence         {@code KL*(q || p_theta) = H(q, p_theta) - H(q)}
 * @param modelTrueNegativeRate     share of the test set outside the model's likelihood bounds
 * @param trueTrueNegativeRate      the same with the true density's bounds
 * @param modelOverlap              OVL of the densities of {@code log p_theta} over the test set and over
 *                                  the reference set drawn from p
 * @param trueOverlap               the same for {@code log p}
 * @param modelAuroc                AUROC of {@code -log p_theta} separating the test set from the reference set
 * @param trueAuroc                 the same for {@code -log p}
 */
public record LabRow(int dimension, TestFamily family, double scale, double shift, int samples,
                     double crossEntropy, double crossEntropyEstimate, double crossEntropyEstimateError,
                     double modelCrossEntropy, double modelCrossEntropyError, double entropy,
                     double klDivergence, double modelKlDivergence, double modelTrueNegativeRate,
                     double trueTrueNegativeRate, double modelOverlap, double trueOverlap, double modelAuroc,
                     double trueAuroc) {

    /**
     * How much the model underestimates the cross-entropy on the same samples,
     * {@code H*(q, p) - H(q, p_theta)}: positive when the model finds q more likely than p does.
     */
    public double modelUnderestimation() {
        return crossEntropyEstimate - modelCrossEntropy;
    }
}
