package org.fld4j.metrics.fld;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The interval of an ensemble FLD, the mean of K reference flows' FLDs (fld4j's docs/maths.md, "Intervals that
 * include the reference's training"). Flow k has its own held-out real images H_k and scores the same generated
 * images G, so
 *
 * <pre>
 *   FLD_k = ln( l_k(G) / l_k(H_k) ),      FLD = (1/K) sum_k FLD_k,
 *   Var(FLD) ~ v_G + s_b^2 / K,
 * </pre>
 *
 * where {@code v_G} is the bootstrap variance of the ensemble mean when G alone is resampled (one draw of image
 * indices shared by every flow, since they all score the same images), and {@code s_b^2} the sample variance of the
 * K values {@code FLD_k}: it holds what differs between flows, the randomness of training and of each H_k, so H_k
 * is not resampled again (that would count its noise twice). The interval is {@code FLD +- t_nu * SE} with the
 * Welch-Satterthwaite degrees of freedom {@code nu = SE^4 / ((s_b^2/K)^2 / (K-1))}: with few flows the between-flow
 * variance is itself uncertain, and the t quantile widens the interval for it; when G's own noise dominates,
 * {@code nu} is large and the quantile that of the normal distribution.
 */
final class EnsembleInterval {

    /**
     * @param point         the ensemble FLD
     * @param flowValues    each flow's FLD
     * @param imageVariance {@code v_G}
     * @param betweenFlowVariance {@code s_b^2}
     * @param degreesOfFreedom {@code nu} (infinite when the flows agree exactly)
     * @param interval      the interval
     */
    record Result(double point, double[] flowValues, double imageVariance, double betweenFlowVariance,
                  double degreesOfFreedom, ConfidenceInterval interval) {
    }

    private EnsembleInterval() {
    }

    /**
     * @param heldOutMeans the flows' mean held-out log-likelihoods {@code l_k(H_k)}
     * @param generated    {@code generated[k][i]}: flow k's log-likelihood of generated image i
     */
    static Result compute(double[] heldOutMeans, double[][] generated, int resamples, double confidence, long seed) {
        int k = heldOutMeans.length;
        if (k < 2 || generated.length != k) {
            throw new IllegalArgumentException("an ensemble interval needs at least 2 flows, each scoring the images");
        }
        double[] flowValues = flowValues(heldOutMeans, generated);
        double point = FldFormulas.mean(flowValues);
        double[] replicates = imageReplicates(heldOutMeans, generated, resamples, seed);
        return combine(point, flowValues, replicates, confidence);
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

    private static Result combine(double point, double[] flowValues, double[] replicates, double confidence) {
        int k = flowValues.length;
        int resamples = replicates.length;
        double replicateMean = FldFormulas.mean(replicates);
        double imageVariance = 0;
        for (double r : replicates) {
            imageVariance += (r - replicateMean) * (r - replicateMean);
        }
        imageVariance /= resamples - 1;
        double between = 0;
        for (double v : flowValues) {
            between += (v - point) * (v - point);
        }
        between /= k - 1;
        double flowPart = between / k;
        double variance = imageVariance + flowPart;
        double nu = flowPart == 0 ? Double.POSITIVE_INFINITY : variance * variance / (flowPart * flowPart / (k - 1));
        double p = (1 + confidence) / 2;
        double quantile = Double.isInfinite(nu) || nu > 1e7 ? new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p)
                : new TDistribution(null, nu).inverseCumulativeProbability(p);
        double half = quantile * Math.sqrt(variance);
        return new Result(point, flowValues, imageVariance, between, nu,
                new ConfidenceInterval(point - half, point + half, confidence, resamples));
    }
}
