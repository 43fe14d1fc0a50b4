/**
 * Does a generated set copy the reference's training images? A generative model that memorised its training
 * images gets FLD below 0, which reads as "better than real"; {@link org.fld4j.metrics.memorization.CopyCheck}
 * tells copies apart.
 *
 * <p>The test is on distances, not likelihoods: each generated image's Euclidean distance to its nearest training
 * image, against the same distance for the held-out real images, which the flow never saw and which show what an
 * unseen real image looks like. Likelihood alone cannot tell a copy with a little noise (which a flow finds
 * <em>less</em> likely than real images) from a simpler image (which it finds <em>more</em> likely); the likelihood
 * side (where each generated image falls among the training and the held-out images' log-likelihoods) is reported
 * beside the distance test, and explains an FLD below 0 when the copies account for it.
 */
package org.fld4j.metrics.memorization;
