package org.fld4j.metrics.memorization;

/**
 * How the copy check decides, validated on construction: an invalid value throws an
 * {@link IllegalArgumentException} naming the option and the value.
 *
 * @param flagQuantile the share of unseen real images that would be flagged: a generated image is a near-copy when
 *                     it lies closer to its nearest training image than this quantile of the held-out real images'
 *                     nearest-training distances; in (0, 0.5)
 * @param resamples    bootstrap resamples of the intervals, 100 to 100,000
 * @param confidence   the intervals' coverage, in (0, 1)
 * @param seed         seed of the resamples
 */
public record MemorizationOptions(double flagQuantile, int resamples, double confidence, long seed) {

    public MemorizationOptions {
        require(flagQuantile > 0 && flagQuantile < 0.5, "flagQuantile", flagQuantile);
        require(resamples >= 100 && resamples <= 100_000, "resamples", resamples + " (allowed: 100 to 100000)");
        require(confidence > 0 && confidence < 1, "confidence", confidence);
    }

    /** 1% of unseen real images flagged, a 95% interval from 1,000 resamples, seed 0. */
    public static MemorizationOptions defaults() {
        return new MemorizationOptions(0.01, 1000, 0.95, 0);
    }

    public MemorizationOptions withSeed(long value) {
        return new MemorizationOptions(flagQuantile, resamples, confidence, value);
    }

    private static void require(boolean ok, String option, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid memorization option " + option + ": " + value);
        }
    }
}
