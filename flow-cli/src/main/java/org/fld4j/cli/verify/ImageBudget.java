package org.fld4j.cli.verify;

import java.time.Duration;

/**
 * How the image checks train their flow. {@link #documented()} is the configuration whose results the user guide
 * documents (the D-FLD table: a {@code small} flow trained for 3 epochs on the first 2,000 Fashion-MNIST training
 * images with seed 7, 20% of them held out, 2 native threads), so that the documented values apply to it.
 *
 * @param epochs          epoch cap of the training
 * @param timeBudget      wall-clock cap of the training
 * @param seed            seed of the split, the weights, the shuffling, the dequantization noise and the noise added
 * @param threads         native threads while training and scoring
 * @param roundTripImages test images encoded and decoded by the round-trip check
 */
public record ImageBudget(int epochs, Duration timeBudget, long seed, int threads, int roundTripImages) {

    public ImageBudget {
        if (epochs < 1 || threads < 1 || roundTripImages < 1) {
            throw new IllegalArgumentException("epochs, threads and roundTripImages must be >= 1: " + epochs + ", "
                    + threads + ", " + roundTripImages);
        }
    }

    /** The documented configuration, with 64 images for the round trip. */
    public static ImageBudget documented() {
        return new ImageBudget(3, Duration.ofHours(1), 7, 2, 64);
    }
}
