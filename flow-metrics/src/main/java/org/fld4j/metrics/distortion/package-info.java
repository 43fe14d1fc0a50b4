/**
 * Seeded image distortions for checking that a metric grows with the damage done to real images: a Gaussian-noise
 * blend, additive Gaussian noise, Gaussian blur, salt-and-pepper noise, occlusion, JPEG re-encoding and
 * pixelation, on the 8-bit images of {@code org.fld4j.io}.
 *
 * <p>Every random draw comes from the generator passed in, so a distortion is reproducible from its seed.
 * Results are rounded to the nearest integer and clipped to 0..255 where arithmetic can leave the range.
 */
package org.fld4j.metrics.distortion;
