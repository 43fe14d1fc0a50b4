package org.fld4j.cli.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fld4j.core.backend.NativeThreads;

/**
 * Runs the self-checks of {@code fld verify} in order: (a) the Gaussian likelihood, (b) held-out bits/dim and FLD
 * of real and noised images and (c) the latent round trip on Fashion-MNIST, (d) determinism.
 */
public final class SelfTest {

    private SelfTest() {
    }

    /**
     * The Gaussian demo's configuration for the checks: a 4-D Gaussian, seed 2024, 8,000 training and 10,000
     * held-out samples, at most 10 epochs; the time cap is far above what the epochs take, so that training ends
     * the same way every time (determinism compares two runs).
     */
    public static GaussianDemo.Options gaussianDefaults() {
        return new GaussianDemo.Options(4, 2024, 8_000, 10_000, 10, Duration.ofMinutes(5));
    }

    /** Runs every check; {@code gaussian} and {@code images} set their budgets. */
    public static List<CheckResult> run(GaussianDemo.Options gaussian, ImageBudget images) {
        List<CheckResult> results = new ArrayList<>();
        // One native thread is fastest for the small dense flow (docs/performance.md); both trainings of the
        // determinism check run with it.
        NativeThreads.set(1);
        List<CheckResult> dense = GaussianChecks.run(gaussian, true);
        results.add(dense.get(0));
        results.addAll(ImageChecks.run(images));
        results.add(dense.get(1));
        return results;
    }
}
