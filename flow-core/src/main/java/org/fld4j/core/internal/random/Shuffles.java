package org.fld4j.core.internal.random;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Fisher-Yates shuffles of index arrays. Two orders of swapping are in use and they give different orders from
 * the same generator, so both are kept, under different names:
 * <ul>
 *   <li>{@link #shuffle} and {@link #permutation}: from the end, for {@code i} from {@code n-1} down to 1, swap
 *       {@code i} with {@code nextInt(i + 1)} (Durstenfeld). Training's batch order and held-out split, the
 *       references' splits and random feature permutations use it.</li>
 *   <li>{@link #shuffleFront}, {@link #frontPermutation} and {@link #sortedDraw}: from the front, for {@code i}
 *       from 0 up, swap {@code i} with {@code i + nextInt(n - i)}; after {@code k} steps the first {@code k}
 *       positions are a uniform draw without replacement, so a draw of {@code k} of {@code n} costs {@code k}
 *       steps. The sample-efficiency curves and the benchmarks' pools use it.</li>
 * </ul>
 * Every method draws exactly one {@code nextInt(bound)} per step, so a caller that keeps using the generator
 * afterwards sees the same stream as before these methods existed.
 */
public final class Shuffles {

    private Shuffles() {
    }

    /** {@code 0, 1, ..., n-1}. */
    public static int[] identity(int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return values;
    }

    /**
     * Shuffles {@code a} in place from the end: for {@code i} from {@code n-1} down to 1, swap {@code i} with
     * {@code nextInt(i + 1)}.
     */
    public static void shuffle(int[] a, RandomGenerator random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** {@code 0..n-1} in the order of {@link #shuffle} driven by {@code random}. */
    public static int[] permutation(int n, RandomGenerator random) {
        int[] order = identity(n);
        shuffle(order, random);
        return order;
    }

    /** {@code 0..n-1} in the order of {@link #shuffle} driven by {@code new SplittableRandom(seed)}. */
    public static int[] permutation(int n, long seed) {
        return permutation(n, new SplittableRandom(seed));
    }

    /**
     * The first {@code k} steps of a shuffle of {@code a} from the front, in place: for {@code i} from 0 to
     * {@code k-1}, swap {@code i} with {@code i + nextInt(a.length - i)}. The first {@code k} positions are then
     * a uniform draw without replacement from {@code a}, whatever order {@code a} had, so an array may be reused
     * across draws without being reset.
     */
    public static void shuffleFront(int[] a, int k, RandomGenerator random) {
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * {@code 0..n-1} in the order of a full {@link #shuffleFront} driven by {@code new SplittableRandom(seed)}:
     * not the order of {@link #permutation(int, long)} for the same seed.
     */
    public static int[] frontPermutation(int n, long seed) {
        int[] order = identity(n);
        shuffleFront(order, n, new SplittableRandom(seed));
        return order;
    }

    /**
     * {@code k} values of {@code a} drawn without replacement by {@link #shuffleFront} (which reorders {@code a}
     * in place), ascending.
     */
    public static int[] sortedDraw(int[] a, int k, RandomGenerator random) {
        shuffleFront(a, k, random);
        int[] drawn = Arrays.copyOf(a, k);
        Arrays.sort(drawn);
        return drawn;
    }
}
