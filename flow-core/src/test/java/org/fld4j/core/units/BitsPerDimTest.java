package org.fld4j.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.fld4j.core.Flow;
import org.junit.jupiter.api.Test;

/** The two forms are the exact expressions the metrics and {@link Flow#toBitsPerDim} have always computed. */
class BitsPerDimTest {

    @Test
    void theDividingAndTheMultiplyingFormsAreEachTheirOldExpression() {
        SplittableRandom random = new SplittableRandom(11);
        boolean differed = false;
        for (long d : new long[] {1, 3, 784, 3072, 12288}) {
            double[] l = new double[2000];
            for (int i = 0; i < l.length; i++) {
                l[i] = -random.nextDouble() * 10 * d;
            }
            double[] each = BitsPerDim.ofEach(l, d);
            assertThat(Flow.toBitsPerDim(l, d)).isEqualTo(each);
            for (int i = 0; i < l.length; i++) {
                assertThat(BitsPerDim.of(l[i], d)).isEqualTo(-l[i] / (d * Math.log(2)));
                assertThat(BitsPerDim.fromNats(-l[i], d)).isEqualTo(BitsPerDim.of(l[i], d));
                assertThat(each[i]).isEqualTo(-l[i] * (1.0 / (d * Math.log(2))));
                differed |= each[i] != BitsPerDim.of(l[i], d);
            }
        }
        // why both are kept: the forms do differ in the last bit for some values
        assertThat(differed).isTrue();
    }

    @Test
    void aDimensionBelowOneIsRefused() {
        assertThatThrownBy(() -> BitsPerDim.ofEach(new double[] {-1}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dimension must be >= 1, got 0");
    }
}
