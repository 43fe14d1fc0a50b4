package org.fld4j.core.internal.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The shuffles and splits give exactly the orders of the copies they replaced (kept here, written out, as the
 * reference), so that seeded training, references and benchmarks draw what they always drew.
 */
class ShufflesTest {

    private static final long[] SEEDS = {0, 1, 7, 42, -1, 20261205L, Long.MIN_VALUE, 0x9E3779B97F4A7C15L};

    /** The shuffle that Trainer, Permutation and ReferenceTraining each had: from the end. */
    private static int[] oldFromTheEnd(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The partial shuffle that SampleEfficiency, DualSampleEfficiency, PoolData and CoverageTable each had. */
    private static void oldFromTheFront(int[] values, int k, SplittableRandom random) {
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(values.length - i);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    @Test
    void permutationIsTheShuffleFromTheEnd() {
        for (long seed : SEEDS) {
            for (int n : new int[] {0, 1, 2, 3, 10, 97, 1000}) {
                assertThat(Shuffles.permutation(n, seed)).isEqualTo(oldFromTheEnd(n, new SplittableRandom(seed)));
                SplittableRandom a = new SplittableRandom(seed);
                SplittableRandom b = new SplittableRandom(seed);
                assertThat(Shuffles.permutation(n, a)).isEqualTo(oldFromTheEnd(n, b));
                // the generator is left where the old loop left it
                assertThat(a.nextLong()).isEqualTo(b.nextLong());
            }
        }
    }

    @Test
    void shuffleReordersInPlaceAcrossRepeatedCalls() {
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        int[] mine = Shuffles.identity(50);
        int[] old = Shuffles.identity(50);
        for (int epoch = 0; epoch < 4; epoch++) {
            Shuffles.shuffle(mine, a);
            for (int i = old.length - 1; i > 0; i--) {
                int j = b.nextInt(i + 1);
                int t = old[i];
                old[i] = old[j];
                old[j] = t;
            }
            assertThat(mine).isEqualTo(old);
        }
    }

    @Test
    void theFrontShufflesAreThePartialShuffleFromTheFront() {
        for (long seed : SEEDS) {
            for (int n : new int[] {1, 2, 10, 500}) {
                int[] expected = Shuffles.identity(n);
                oldFromTheFront(expected, n, new SplittableRandom(seed));
                assertThat(Shuffles.frontPermutation(n, seed)).isEqualTo(expected);

                for (int k : new int[] {0, 1, n / 2, n}) {
                    SplittableRandom a = new SplittableRandom(seed);
                    SplittableRandom b = new SplittableRandom(seed);
                    int[] reused = Shuffles.identity(n);
                    int[] old = Shuffles.identity(n);
                    for (int repeat = 0; repeat < 3; repeat++) {
                        int[] drawn = Shuffles.sortedDraw(reused, k, a);
                        oldFromTheFront(old, k, b);
                        int[] oldDrawn = Arrays.copyOf(old, k);
                        Arrays.sort(oldDrawn);
                        assertThat(drawn).isEqualTo(oldDrawn);
                        assertThat(reused).isEqualTo(old);
                    }
                }
            }
        }
    }

    @Test
    void theTwoOrdersDiffer() {
        assertThat(Shuffles.frontPermutation(20, 3)).isNotEqualTo(Shuffles.permutation(20, 3));
        assertThat(Shuffles.frontPermutation(20, 3)).containsExactlyInAnyOrder(Shuffles.identity(20));
    }

    @Test
    void pinnedOrders() {
        assertThat(Shuffles.permutation(8, 1)).containsExactly(4, 7, 6, 3, 2, 1, 0, 5);
        assertThat(Shuffles.frontPermutation(8, 1)).containsExactly(5, 1, 3, 0, 7, 2, 4, 6);
    }

    @Test
    void aSplitHoldsOutTheFirstPositionsAndABlockTheKthOnes() {
        for (long seed : SEEDS) {
            for (int n : new int[] {1, 10, 37, 200}) {
                for (int count : new int[] {0, 1, n / 5, n / 3, n}) {
                    int[] order = oldFromTheEnd(n, new SplittableRandom(seed));
                    SeededSplit split = SeededSplit.of(n, count, seed);
                    int[] heldOut = Arrays.copyOfRange(order, 0, count);
                    int[] training = Arrays.copyOfRange(order, count, n);
                    Arrays.sort(heldOut);
                    Arrays.sort(training);
                    assertThat(split.heldOut()).isEqualTo(heldOut);
                    assertThat(split.training()).isEqualTo(training);
                    for (int k = 0; count > 0 && (k + 1) * count <= n; k++) {
                        SeededSplit block = SeededSplit.block(n, count, seed, k);
                        int[] held = Arrays.copyOfRange(order, k * count, (k + 1) * count);
                        int[] rest = new int[n - count];
                        System.arraycopy(order, 0, rest, 0, k * count);
                        System.arraycopy(order, (k + 1) * count, rest, k * count, n - (k + 1) * count);
                        Arrays.sort(held);
                        Arrays.sort(rest);
                        assertThat(block.heldOut()).isEqualTo(held);
                        assertThat(block.training()).isEqualTo(rest);
                    }
                }
            }
        }
    }

    @Test
    void aBlockThatDoesNotFitIsRefused() {
        assertThatThrownBy(() -> SeededSplit.block(10, 4, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeededSplit.of(3, 4, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
