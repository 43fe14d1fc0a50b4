/**
 * Seeded image distortions for checking that a metric grows with the damage done to real images: a Gaussian-noise
 * blend, additive Gaussian noise, Gaussian blur, salt-and-pepper noise, occlusion, JPEG re-encoding and
 * pixelation, on the 8-bit images of {@code org.fld4j.io}.
 *
 * <pre>{@code
 * ImageSource real = FashionMnistSlice.test();
 * for (double level : DistortionKind.ADDITIVE_NOISE.defaultLevels()) {
 *     ImageSource noisy = Distortion.of(DistortionKind.ADDITIVE_NOISE, level).applyTo(real, 3);
 *     ...                                   // score noisy against real; expect the score to grow with level
 * }
 * }</pre>
 *
 * <p>Every random draw comes from a generator derived from a seed and the image's position, so a distorted set is
 * reproducible image by image, whatever order or threads read it. Results are rounded to the nearest integer and
 * clipped to 0..255 where arithmetic can leave the range.
 */
package org.fld4j.metrics.distortion;
