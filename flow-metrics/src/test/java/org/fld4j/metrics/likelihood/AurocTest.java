package org.fld4j.metrics.likelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AurocTest {

    @Test
    void countsWinsAndHalfTiesByHand() {
        // Negatives {1, 2, 2}, positives {2, 3}: 2 beats 1 and ties twice (1 + 1), 3 beats all (3): 5 / 6.
        assertThat(Auroc.of(new double[] {2, 1, 2}, new double[] {3, 2})).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(Auroc.of(new double[] {1, 2}, new double[] {3, 4})).isEqualTo(1.0);
        assertThat(Auroc.of(new double[] {3, 4}, new double[] {1, 2})).isEqualTo(0.0);
        assertThat(Auroc.of(new double[] {5, 5}, new double[] {5})).isEqualTo(0.5);
    }
}
