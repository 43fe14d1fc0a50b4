package org.fld4j.metrics.fld;

import java.util.SplittableRandom;

/**
 * The interval of an ensemble FLD, the mean of K reference flows' FLDs (fld4j's docs/maths.md, "Intervals that
 * include the reference's training"). Flow k has its own held-out real images H_k and scores the same generated
 * images G, so
 *
 * <pre>
 *   FLD_k = ln( l_k(G) / l_k(H_k) ),      FLD = (1/K) sum_k FLD_k,
 *   Var(FLD) ~ v_G + (tau^2 + v_H) / K,
 * </pre>
 *
 * where {@code v_G} is the bootstrap variance of the ensemble mean when G alone is resampled (one draw of image
 * indices shared by every flow, since they all score the same images), {@code v_H} the flows' mean delta-method
 * variance of {@code ln l_k(H_k)} (each H_k's own images: {@code var / (h mean^2)}), and {@code tau^2} what training
 * adds between flows. With {@code s_b^2} the sample variance of the K values {@code FLD_k}, {@code tau^2} is
 * estimated as {@code max(0, s_b^2 - v_H)} (a random-effects model, DerSimonian and Laird's moment estimator with
 * equal weights), so the flow part is {@code max(s_b^2, v_H) / K}: the held-out images' noise, known from hundreds
 * of images, is a floor that a lucky agreement of a few flows cannot talk the interval below. The interval is
 * {@code FLD +- t_nu * SE} with the Welch-Satterthwaite degrees of freedom of the one part resting on K values,
 * {@code nu = SE^4 / ((tau^2/K)^2 / (K-1))}: infinite (the normal quantile) when the flows agree within their
 * held-out noise, K - 1 when training dominates everything.
 */
final class EnsembleInterval {

    /**
     * @param point               the ensemble FLD
     * @param flowValues          each flow's FLD
     * @param imageVariance       {@code v_G}
     * @param betweenFlowVariance {@code s_b^2}
     * @param heldOutVariance     {@code v_H}
     * @param trainingVariance    {@code tau^2 = max(0, s_b^2 - v_H)}
     * @param degreesOfFreedom    {@code nu} (infinite when {@code tau^2} is 0)
     * @param interval            the interval
     */
    record Result(double point, double[] flowValues, double imageVariance, double betweenFlowVariance,
                  double heldOutVariance, double trainingVariance, double degreesOfFreedom,
                  ConfidenceInterval interval) {
    }

    private EnsembleInterval() {
    }

    /**
     * @param heldOut   {@code heldOut[k]}: flow k's log-likelihoods of its own held-out real images H_k (at least 2)
     * @param generated {@code generated[k][i]}: flow k's log-likelihood of generated image i
     */
    static Result compute(double[][] heldOut, double[][] generated, int resamples, double confidence, long seed) {
        int k = heldOut.length;
        if (k < 2 || generated.length != k) {
            throw new IllegalArgumentException("an ensemble interval needs at least 2 flows, each scoring the images");
        }
        double[] heldOutMeans = new double[k];
        double heldOutVariance = 0;
        for (int f = 0; f < k; f++) {
            heldOutMeans[f] = FldFormulas.mean(heldOut[f]);
            heldOutVariance += logMeanVariance(heldOut[f]) / k;
        }
        double[] flowValues = flowValues(heldOutMeans, generated);
        double point = FldFormulas.mean(flowValues);
        double[] replicates = imageReplicates(heldOutMeans, generated, resamples, seed);
        return combine(point, flowValues, heldOutVariance, replicates, confidence);
    }

    /**
     * The delta-method variance of {@code ln mean(x)}, {@code var(x) / (h mean(x)^2)} with the {@code h - 1} sample
     * variance: the sampling error of one flow's held-out mean, on FLD's scale.
     */
    static double logMeanVariance(double[] values) {
        int h = values.length;
        if (h < 2) {
            throw new IllegalArgumentException("a flow's held-out noise needs at least 2 held-out images, got " + h);
        }
        return FldFormulas.relativeVariance(values) / h;
    }

    /** Each flow's FLD, {@code ln(l_k(G) / l_k(R_test,k))}, in flow order. */
    static double[] flowValues(double[] heldOutMeans, double[][] generated) {
        double[] values = new double[heldOutMeans.length];
        for (int f = 0; f < values.length; f++) {
            values[f] = FldFormulas.fld(heldOutMeans[f], FldFormulas.mean(generated[f]));
        }
        return values;
    }

    /**
     * The ensemble FLD of {@code resamples} resamples of the generated images alone (one draw of indices shared by
     * every flow), in draw order: {@code v_G} is their variance.
     */
    static double[] imageReplicates(double[] heldOutMeans, double[][] generated, int resamples, long seed) {
        int k = heldOutMeans.length;
        int n = generated[0].length;
        SplittableRandom random = new SplittableRandom(seed);
        double[] sums = new double[k];
        double[] replicates = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            java.util.Arrays.fill(sums, 0);
            for (int i = 0; i < n; i++) {
                int drawn = random.nextInt(n);
                for (int f = 0; f < k; f++) {
                    sums[f] += generated[f][drawn];
                }
            }
            double mean = 0;
            for (int f = 0; f < k; f++) {
                mean += FldFormulas.fld(heldOutMeans[f], sums[f] / n);
            }
            replicates[b] = mean / k;
        }
        return replicates;
    }

    private static Result combine(double point, double[] flowValues, double heldOutVariance, double[] replicates,
                                  double confidence) {
        int resamples = replicates.length;
        double replicateMean = FldFormulas.mean(replicates);
        double imageVariance = 0;
        for (double r : replicates) {
            imageVariance += (r - replicateMean) * (r - replicateMean);
        }
        imageVariance /= resamples - 1;
        RandomEffects pooled = RandomEffects.of(flowValues, heldOutVariance, imageVariance, confidence);
        return new Result(point, flowValues, imageVariance, pooled.between(), heldOutVariance,
                pooled.trainingVariance(), pooled.degreesOfFreedom(), pooled.interval(confidence, resamples));
    }
}
