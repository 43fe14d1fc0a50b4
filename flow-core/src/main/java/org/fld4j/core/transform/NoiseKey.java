package org.fld4j.core.transform;

import java.util.SplittableRandom;

/**
 * Names the random numbers a stochastic layer (dequantization) draws for a batch: sample {@code i}
 * of the batch uses its own stream, keyed by {@code (seed, key of sample i, draw)}. The key of a
 * sample is either its position in the whole data set ({@code firstIndex + i}; training walks its
 * data in a known order) or a key given per sample ({@link #forSamples}; scoring keys each image by
 * its content, {@link SampleKeys}).
 *
 * <p>Keying noise by the sample, not by the batch, is what makes a stochastic log-likelihood
 * independent of the batch size: an image gets the same noise whether it is evaluated in a batch
 * of 1 or of 256. Keying it by content makes it independent of the image's position as well, so
 * that a set scored in parts, in any order and on any machine, gives every image the same value.
 * {@code draw} separates the K noise samples of importance-weighted evaluation.
 *
 * @param seed       the evaluation or training seed
 * @param firstIndex position of the batch's first sample in the whole data set (ignored when
 *                   {@code sampleKeys} is given)
 * @param draw       which of several noise draws per sample (0 for a single one)
 * @param midpoint   no randomness: every uniform draw is 1/2, which puts a pixel at the centre of
 *                   its dequantization bin; encoding uses it so that decoding restores the image
 * @param sampleKeys the key of each sample of the batch, or null to key samples by position
 */
public record NoiseKey(long seed, long firstIndex, int draw, boolean midpoint, long[] sampleKeys) {

    /** Random noise keyed by {@code (seed, firstIndex + i, draw)}. */
    public NoiseKey(long seed, long firstIndex, int draw) {
        this(seed, firstIndex, draw, false, null);
    }

    /** Noise keyed by position, or no randomness at all when {@code midpoint}. */
    public NoiseKey(long seed, long firstIndex, int draw, boolean midpoint) {
        this(seed, firstIndex, draw, midpoint, null);
    }

    /** Random noise of sample {@code i} keyed by {@code (seed, keys[i], draw)}; the array is not copied. */
    public static NoiseKey forSamples(long seed, long[] keys, int draw) {
        return new NoiseKey(seed, 0, draw, false, java.util.Objects.requireNonNull(keys, "keys"));
    }

    /** The key without randomness (every uniform draw 1/2). */
    public static NoiseKey midpointKey() {
        return new NoiseKey(0, 0, 0, true);
    }

    public NoiseKey {
        if (firstIndex < 0) {
            throw new IllegalArgumentException("firstIndex must be >= 0, got " + firstIndex);
        }
        if (draw < 0) {
            throw new IllegalArgumentException("draw must be >= 0, got " + draw);
        }
    }

    /**
     * The key of rows {@code [from, to)} of the batch this key names: each of those samples keeps the noise it draws
     * here, so that a batch split into parts draws, sample for sample, what it draws whole.
     */
    public NoiseKey rows(long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("invalid row range [" + from + ", " + to + ")");
        }
        if (sampleKeys != null) {
            if (to > sampleKeys.length) {
                throw new IllegalArgumentException("rows [" + from + ", " + to + ") of a key for "
                        + sampleKeys.length + " samples");
            }
            return new NoiseKey(seed, 0, draw, midpoint,
                    java.util.Arrays.copyOfRange(sampleKeys, Math.toIntExact(from), Math.toIntExact(to)));
        }
        return new NoiseKey(seed, firstIndex + from, draw, midpoint, null);
    }

    /** The independent generator of sample {@code i} of the batch. */
    public SplittableRandom streamOf(long i) {
        long sample = sampleKeys == null ? firstIndex + i : sampleKeys[Math.toIntExact(i)];
        // Two rounds of a strong 64-bit mixer, so that neighbouring indices, draws and seeds give
        // unrelated streams (SplittableRandom's own seeding is linear in the seed).
        long key = mix(seed ^ mix(sample * 0x9E3779B97F4A7C15L + draw * 0xC2B2AE3D27D4EB4FL));
        return new SplittableRandom(key);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
