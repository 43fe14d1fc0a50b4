package org.fld4j.cli.verify;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.fld4j.cli.common.Cli;

/**
 * The Gaussian checks: (a) a dense flow trained on a seeded Gaussian has a held-out mean log-likelihood close to
 * the exact {@code -H(p)}; (d) training it again with the same seed gives the same number, bit for bit.
 */
final class GaussianChecks {

    /**
     * The gap allowed per dimension above 0, in nats. The user guide documents that the Gaussian lab's flows come
     * within about 0.01 nats per dimension of H(p) at D = 10 after their full training on 90,000 samples
     * (FlowPreset.forDimension); this check trains far less, so it allows five times that.
     */
    static final double GAP_PER_DIMENSION = 0.05;

    /** Standard errors of the held-out mean that the gap may lie below 0 by chance. */
    static final double STANDARD_ERRORS = 4;

    private GaussianChecks() {
    }

    /** Runs (a), and (d) when {@code determinism} is true; training progress goes to stderr unless quiet. */
    static List<CheckResult> run(GaussianDemo.Options o, boolean determinism) {
        PrintStream progress = Cli.quiet() ? new PrintStream(OutputStream.nullOutputStream()) : Cli.err();
        long start = System.nanoTime();
        GaussianDemo.Result first = GaussianDemo.run(o, progress);
        CheckResult likelihood = likelihood(o, first, Duration.ofNanos(System.nanoTime() - start));
        if (!determinism) {
            return List.of(likelihood);
        }
        start = System.nanoTime();
        GaussianDemo.Result second = GaussianDemo.run(o, progress);
        CheckResult again = new CheckResult("determinism",
                "|difference| of the held-out mean log-likelihood of two trainings with seed " + o.seed()
                        + " (" + String.format(Locale.ROOT, "%.17g", first.flowMeanLogLikelihood()) + " and "
                        + String.format(Locale.ROOT, "%.17g", second.flowMeanLogLikelihood()) + ")",
                Math.abs(first.flowMeanLogLikelihood() - second.flowMeanLogLikelihood()), 0, 0, "nats",
                // user guide, Training: the same options, seed and data give bit-identical weights (same machine
                // and thread count), hence the same log-likelihoods
                "documented: same options, seed and data give bit-identical weights on one machine",
                Duration.ofNanos(System.nanoTime() - start));
        return List.of(likelihood, again);
    }

    /**
     * (a): the gap {@code -H(p) - mean log p_theta} over the held-out samples. Its expectation is
     * {@code KL(p || p_theta) >= 0}; the held-out mean has the standard error {@code sqrt(D / 2 / n)}, because
     * {@code log p(x) = c - chi2_D / 2} has variance D / 2 for a Gaussian p (docs/maths.md, the demo's reference
     * value), and a model close to p has about the same spread.
     */
    static CheckResult likelihood(GaussianDemo.Options o, GaussianDemo.Result r, Duration elapsed) {
        double standardError = Math.sqrt(o.dimension() / 2.0 / o.heldOutSamples());
        double low = -STANDARD_ERRORS * standardError;
        double high = GAP_PER_DIMENSION * o.dimension() + STANDARD_ERRORS * standardError;
        return new CheckResult("gaussian-likelihood", String.format(Locale.ROOT,
                "-H(p) - mean log p_theta on %,d held-out samples of a %d-D Gaussian (flow %.4f, exact %.4f)",
                o.heldOutSamples(), o.dimension(), r.flowMeanLogLikelihood(), r.analyticMeanLogDensity()),
                r.gap(), low, high, "nats", String.format(Locale.ROOT, "closed form: KL >= 0 less %.0f standard"
                        + " errors (sqrt(D/2n)); documented fit of 0.01 nats/dim, allowed %.2f nats/dim",
                        STANDARD_ERRORS, GAP_PER_DIMENSION), elapsed);
    }
}
