package org.fld4j.metrics.fld;

/**
 * D-FLD and J of K pairs of flows (fld4j's docs/maths.md, "D-FLD and J over K pairs of flows"): pair k is a real
 * flow R_k and a generated flow G_k, each trained with its own seed on its own split, each scoring its own held-out
 * images and the other's:
 *
 * <pre>
 *   d_k = ln( l_Gk(G_test,k) / l_Rk(R_test,k) ),     J_k = [ mean_R(l_Rk - l_Gk) + mean_G(l_Gk - l_Rk) ] / (D ln 2).
 * </pre>
 *
 * The values are the means over the pairs. Unlike an ensemble FLD, whose flows all score the same generated images,
 * pairs share nothing: each has its own flows and its own held-out images (disjoint folds of both sets), so the K
 * values are independent draws of one distribution that holds both training's randomness and the held-out images'.
 * Their spread is then the whole variance of their mean, and the interval is the textbook one,
 * {@code mean +- t_{K-1} s / sqrt(K)}: exact for normal values at any mix of the two sources. D-FLD is the absolute
 * value of the mean signed difference, and its interval is the signed interval folded at 0: {@code [0, max(|lo|,
 * |hi|)]} when the signed interval holds 0, otherwise its ends' absolute values.
 */
final class PairedDualInterval {

    /**
     * @param dual        the values and intervals
     * @param differences each pair's signed difference {@code d_k}, in pair order
     * @param divergences each pair's {@code J_k}, in pair order
     * @param difference  the fit of the signed difference
     * @param divergence  that of J
     */
    record Result(FldIntervals.Dual dual, double[] differences, double[] divergences, RandomEffects difference,
                  RandomEffects divergence) {
    }

    private PairedDualInterval() {
    }

    /**
     * @param rr pair k's R on its R_test ({@code rr[k]}), nats
     * @param gr its G on R_test
     * @param gg its G on G_test
     * @param rg its R on G_test
     */
    static Result compute(double[][] rr, double[][] gr, double[][] gg, double[][] rg, long dimension,
                          double confidence) {
        int k = rr.length;
        if (k < 2 || gr.length != k || gg.length != k || rg.length != k) {
            throw new IllegalArgumentException("an interval over pairs of flows needs at least 2 pairs, each with"
                    + " its four sets of values: got " + rr.length + ", " + gr.length + ", " + gg.length + " and "
                    + rg.length);
        }
        double[] differences = new double[k];
        double[] divergences = new double[k];
        for (int p = 0; p < k; p++) {
            if (rr[p].length != gr[p].length || gg[p].length != rg[p].length || rr[p].length == 0
                    || gg[p].length == 0) {
                throw new IllegalArgumentException("pair " + p + " needs both flows' values of its held-out images:"
                        + " R_test " + rr[p].length + " and " + gr[p].length + ", G_test " + gg[p].length + " and "
                        + rg[p].length);
            }
            double[] values = DualFld.statistics(rr[p], gr[p], gg[p], rg[p], null, null, dimension);
            differences[p] = values[0];
            divergences[p] = values[1];
        }
        // No within-pair noise is given: it is part of the pairs' spread already (see the class comment), so the fit
        // is the t interval of the K values.
        RandomEffects difference = RandomEffects.of(differences, 0, 0, confidence);
        RandomEffects divergence = RandomEffects.of(divergences, 0, 0, confidence);
        ConfidenceInterval signed = difference.interval(confidence, 0);
        double lower = Math.abs(signed.lower());
        double upper = Math.abs(signed.upper());
        ConfidenceInterval folded = signed.contains(0)
                ? new ConfidenceInterval(0, Math.max(lower, upper), confidence, 0)
                : new ConfidenceInterval(Math.min(lower, upper), Math.max(lower, upper), confidence, 0);
        FldIntervals.Dual dual = new FldIntervals.Dual(difference.point(), Math.abs(difference.point()),
                divergence.point(), signed, folded, divergence.interval(confidence, 0));
        return new Result(dual, differences, divergences, difference, divergence);
    }

}
