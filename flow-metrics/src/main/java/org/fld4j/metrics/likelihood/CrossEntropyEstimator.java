package org.fld4j.metrics.likelihood;

import org.fld4j.core.Flow;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Monte-Carlo estimates of cross-entropy and KL divergence from samples of a distribution q:
 * <pre>
 *   H*(q, m)   = -(1/N) sum_i log m(x_i)      x_i ~ q, m any density (a flow, or the true p)
 *   KL*(q || m) = H*(q, m) - H(q)              with H(q) known in closed form
 * </pre>
 * each with the standard error {@code sd(log m(x_i)) / sqrt(N)} (sample standard deviation, N - 1).
 */
public final class CrossEntropyEstimator {

    private CrossEntropyEstimator() {
    }

    /** {@code H*(q, m)} from the log-likelihoods {@code log m(x_i)} of samples of q (at least two). */
    public static SampleEstimate crossEntropy(double[] logLikelihoods) {
        FiniteValues.require(logLikelihoods, "log-likelihood");
        int n = logLikelihoods.length;
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 log-likelihoods, got " + n);
        }
        double sum = 0;
        for (double v : logLikelihoods) {
            sum += v;
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : logLikelihoods) {
            squares += (v - mean) * (v - mean);
        }
        return new SampleEstimate(-mean, Math.sqrt(squares / (n - 1) / n), n);
    }

    /** {@code H*(q, model)} with the model's log-likelihoods of {@code samples} of q ([N, ...]). */
    public static SampleEstimate crossEntropy(Flow model, INDArray samples) {
        return crossEntropy(model.logProb(samples));
    }

    /** {@code KL*(q || m) = H*(q, m) - H(q)}, with {@code entropy} the exact {@code H(q)}. */
    public static SampleEstimate klDivergence(double[] logLikelihoods, double entropy) {
        if (!Double.isFinite(entropy)) {
            throw new IllegalArgumentException("entropy must be finite, got " + entropy);
        }
        SampleEstimate h = crossEntropy(logLikelihoods);
        return new SampleEstimate(h.value() - entropy, h.standardError(), h.sampleCount());
    }

    /** {@code KL*(q || model)} with the model's log-likelihoods of {@code samples} of q. */
    public static SampleEstimate klDivergence(Flow model, INDArray samples, double entropy) {
        return klDivergence(model.logProb(samples), entropy);
    }
}
