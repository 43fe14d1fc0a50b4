package org.fld4j.metrics.fld;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The intervals of FLD, of an ensemble FLD and of D-FLD and J, from per-image log-likelihoods (nats) computed
 * anywhere: the very computations behind {@link FldScore#interval()} and {@link DualFldScore}, for callers that score
 * images themselves (experiments that reuse log-likelihoods, other frameworks). docs/maths.md derives each. The
 * generated images' values are read in the canonical order of a score (ascending; {@link FldAccumulator}), so the
 * order they are given in does not matter.
 */
public final class FldIntervals {

    private FldIntervals() {
    }

    /**
     * One flow's interval: the percentile bootstrap of {@code ln(l(G) / l(R_test))}, both sets resampled at their own
     * sizes from one generator seeded with {@code seed}.
     */
    public static ConfidenceInterval fld(double[] heldOut, double[] generated, int resamples, double confidence,
                                         long seed) {
        return PercentileBootstrap.interval(heldOut, CanonicalOrder.sorted(new double[][] {generated})[0],
                FldFormulas::fld, resamples, confidence, seed);
    }

    /**
     * An ensemble's interval: {@code heldOut[k]} holds flow k's log-likelihoods of its own held-out images (at least
     * 2) and {@code generated[k][i]} its log-likelihood of generated image i (docs/maths.md).
     *
     * @return the ensemble FLD's interval, around the mean of the flows' FLDs
     */
    public static ConfidenceInterval ensemble(double[][] heldOut, double[][] generated, int resamples,
                                              double confidence, long seed) {
        return EnsembleInterval.compute(heldOut, CanonicalOrder.sorted(generated), resamples, confidence, seed)
                .interval();
    }

    /**
     * D-FLD's and J's values and intervals.
     *
     * @param difference         the signed {@code ln bpd_G(G_test) - ln bpd_R(R_test)}
     * @param dfld               its absolute value
     * @param divergence         J in bits per dimension
     * @param differenceInterval the signed difference's percentile bootstrap interval
     * @param dfldInterval       D-FLD's
     * @param divergenceInterval J's
     */
    public record Dual(double difference, double dfld, double divergence, ConfidenceInterval differenceInterval,
                       ConfidenceInterval dfldInterval, ConfidenceInterval divergenceInterval) {
    }

    /**
     * D-FLD and J from the four sets of per-image log-likelihoods: R on R_test, G on R_test, G on G_test and R on
     * G_test. Each resample draws R_test's and G_test's images again (the same draw for both flows' values of an
     * image), from one generator seeded with {@code seed}.
     *
     * @param dimension values per image, C*H*W
     */
    public static Dual dual(double[] rr, double[] gr, double[] gg, double[] rg, long dimension, int resamples,
                            double confidence, long seed) {
        if (rr.length != gr.length || gg.length != rg.length || rr.length == 0 || gg.length == 0) {
            throw new IllegalArgumentException("each held-out set needs both flows' values: R_test " + rr.length
                    + " and " + gr.length + ", G_test " + gg.length + " and " + rg.length);
        }
        double[] difference = new double[resamples];
        double[] j = new double[resamples];
        SplittableRandom random = new SplittableRandom(seed);
        int[] realIdx = new int[rr.length];
        int[] genIdx = new int[gg.length];
        for (int b = 0; b < resamples; b++) {
            draw(realIdx, random);
            draw(genIdx, random);
            double[] stats = DualFld.statistics(rr, gr, gg, rg, realIdx, genIdx, dimension);
            difference[b] = stats[0];
            j[b] = stats[1];
        }
        double[] point = DualFld.statistics(rr, gr, gg, rg, null, null, dimension);
        double[] dfld = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            dfld[b] = Math.abs(difference[b]);
        }
        // dfld is built above from the resampled differences, so sorting those in place below is harmless.
        return new Dual(point[0], Math.abs(point[0]), point[1],
                PercentileBootstrap.percentileInterval(difference, confidence),
                PercentileBootstrap.percentileInterval(dfld, confidence),
                PercentileBootstrap.percentileInterval(j, confidence));
    }

    /**
     * D-FLD and J of K pairs of flows (at least 2): {@code rr[k]}, {@code gr[k]}, {@code gg[k]} and {@code rg[k]} are
     * pair k's four sets of per-image log-likelihoods as in {@link #dual}, each pair with its own held-out images. The
     * values are the means over the pairs; the intervals carry the spread between the pairs (their training and
     * their held-out images) and not a bootstrap, so they take no seed (docs/maths.md).
     */
    public static Dual dualPairs(double[][] rr, double[][] gr, double[][] gg, double[][] rg, long dimension,
                                 double confidence) {
        return PairedDualInterval.compute(rr, gr, gg, rg, dimension, confidence).dual();
    }

    private static void draw(int[] idx, SplittableRandom random) {
        for (int i = 0; i < idx.length; i++) {
            idx[i] = random.nextInt(idx.length);
        }
    }

    /** The flows' FLDs of an ensemble, in flow order (their mean is the ensemble FLD). */
    public static List<Double> flowValues(double[] heldOutMeans, double[][] generated) {
        return java.util.Arrays.stream(EnsembleInterval.flowValues(heldOutMeans, generated)).boxed().toList();
    }
}
