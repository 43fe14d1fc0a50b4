package org.fld4j.core.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link NoiseKey#rows}: the key of part of a batch draws, sample for sample, what the whole key draws. */
class NoiseKeyTest {

    private static long firstDraw(NoiseKey key, long sample) {
        return key.streamOf(sample).nextLong();
    }

    @Test
    void rowsOfAPositionKeyStartAtTheirPosition() {
        NoiseKey whole = new NoiseKey(7, 100, 2);
        NoiseKey part = whole.rows(30, 50);
        assertThat(part.firstIndex()).isEqualTo(130);
        assertThat(part.seed()).isEqualTo(7);
        assertThat(part.draw()).isEqualTo(2);
        for (int i = 0; i < 20; i++) {
            assertThat(firstDraw(part, i)).isEqualTo(firstDraw(whole, 30 + i));
        }
    }

    @Test
    void rowsOfASampleKeyTakeTheirKeys() {
        long[] keys = {11, 12, 13, 14, 15};
        NoiseKey whole = NoiseKey.forSamples(3, keys, 1);
        NoiseKey part = whole.rows(1, 4);
        assertThat(part.sampleKeys()).containsExactly(12, 13, 14);
        for (int i = 0; i < 3; i++) {
            assertThat(firstDraw(part, i)).isEqualTo(firstDraw(whole, 1 + i));
        }
        assertThat(whole.rows(5, 5).sampleKeys()).isEmpty();
    }

    @Test
    void theMidpointKeyStaysOne() {
        assertThat(NoiseKey.midpointKey().rows(4, 9).midpoint()).isTrue();
    }

    @Test
    void rangesOutsideTheBatchAreRejected() {
        assertThatThrownBy(() -> new NoiseKey(0, 0, 0).rows(-1, 2)).hasMessageContaining("[-1, 2)");
        assertThatThrownBy(() -> new NoiseKey(0, 0, 0).rows(3, 2)).hasMessageContaining("[3, 2)");
        assertThatThrownBy(() -> NoiseKey.forSamples(0, new long[2], 0).rows(1, 3))
                .hasMessageContaining("a key for 2 samples");
    }
}
