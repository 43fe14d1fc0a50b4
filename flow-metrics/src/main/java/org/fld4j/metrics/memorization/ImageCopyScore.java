package org.fld4j.metrics.memorization;

/**
 * One generated image's copy check.
 *
 * @param index             its position in the generated set
 * @param name              its name
 * @param nearestDistance   Euclidean distance (values / 255) to its nearest training image
 * @param nearestTraining   that training image's name
 * @param nearCopy          whether it lies closer than the flag quantile of the held-out real images' distances
 * @param heldOutPercentile share of the held-out real images' log-likelihoods below its own (NaN without
 *                          log-likelihoods)
 * @param trainingPercentile the same among the training images' log-likelihoods
 */
public record ImageCopyScore(int index, String name, double nearestDistance, String nearestTraining,
                             boolean nearCopy, double heldOutPercentile, double trainingPercentile) {
}
