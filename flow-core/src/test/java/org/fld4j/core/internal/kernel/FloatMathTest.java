package org.fld4j.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vectorisable functions against {@link Math#expm1} and {@link Math#exp}. */
class FloatMathTest {

    @Test
    void negativeExpm1MatchesMathExpm1ToFloatPrecision() {
        List<Float> xs = new ArrayList<>(List.of(0f, -0f, -1e-30f, -1e-7f, -1e-3f, -0.3465f, -0.3466f, -0.5f, -1f,
                -Math.nextDown(0f), -10f, -86.9f, -87f));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            xs.add((float) -random.nextDouble(0, i % 2 == 0 ? 1 : 87));
        }
        int n = xs.size();
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = xs.get(i);
        }
        float[] expm1 = new float[n];
        float[] exp = new float[n];
        FloatMath.negativeExpm1(x, expm1, exp, FloatMath.EXP_FLOOR, new float[3][n], n);
        for (int i = 0; i < n; i++) {
            double wantExpm1 = Math.expm1(x[i]);
            double wantExp = Math.exp(x[i]);
            assertThat(Math.abs(expm1[i] - wantExpm1)).as("expm1(%s)", x[i])
                    .isLessThanOrEqualTo(1.5e-7 * Math.abs(wantExpm1) + Float.MIN_VALUE);
            // Near -87 the term 2^k expm1(r) is subnormal, and subnormals carry fewer digits.
            assertThat(Math.abs(exp[i] - wantExp)).as("exp(%s)", x[i]).isLessThanOrEqualTo(1.5e-7 * wantExp + 1e-43);
        }
        // ELU's floor: above it as accurate, below it -1, which is expm1 rounded to float32 there.
        float[] elu = new float[n];
        FloatMath.negativeExpm1(x, elu, null, FloatMath.EXPM1_FLOOR, new float[3][n], n);
        for (int i = 0; i < n; i++) {
            double want = Math.expm1(x[i]);
            if (x[i] < FloatMath.EXPM1_FLOOR) {
                assertThat(elu[i]).isEqualTo(-1f).isEqualTo((float) want);
            } else {
                assertThat(Math.abs(elu[i] - want)).as("expm1(%s)", x[i])
                        .isLessThanOrEqualTo(1.5e-7 * Math.abs(want) + Float.MIN_VALUE);
            }
        }
        // Below the floor the result is that of the floor; the input array may be the output.
        float[] low = {-200f, Float.NEGATIVE_INFINITY};
        FloatMath.negativeExpm1(low, low, null, FloatMath.EXP_FLOOR, new float[3][2], 2);
        assertThat(low).containsOnly(-1f);
        assertThatThrownBy(() -> FloatMath.negativeExpm1(x, elu, null, -100f, new float[3][n], n))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("floor");
    }

}
