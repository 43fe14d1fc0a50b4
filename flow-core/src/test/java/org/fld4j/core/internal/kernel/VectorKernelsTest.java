package org.fld4j.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API forms against the auto-vectorised loops they replace: the same bits for every input,
 * including the tail that a vector does not fill, the clamps, zeros of both signs, infinities and NaN.
 */
class VectorKernelsTest {

    /** Not a multiple of any vector width, so every call also runs a scalar tail. */
    private static final int N = 20_011;

    @Test
    void theTestJvmRunsTheVectorKernels() {
        // The build gives test JVMs the module; without it every other test here would check nothing new.
        assertThat(VectorSupport.modulePresent()).as("JVM started with --add-modules jdk.incubator.vector").isTrue();
        assertThat(VectorSupport.ENABLED).isEqualTo(VectorKernels.lanes() >= 8
                && !"false".equalsIgnoreCase(System.getProperty(VectorSupport.PROPERTY)));
    }

    @Test
    void negativeExpm1GivesTheLoopsBits() {
        float[] x = inputs(1, true);
        for (float floor : new float[] {FloatMath.EXP_FLOOR, FloatMath.EXPM1_FLOOR, -1f}) {
            float[] wantExpm1 = new float[N];
            float[] wantExp = new float[N];
            FloatMath.negativeExpm1Loops(x, wantExpm1, wantExp, floor, new float[3][N], N);
            float[] expm1 = new float[N];
            float[] exp = new float[N];
            VectorKernels.negativeExpm1(x, expm1, exp, floor, N);
            assertSameBits(expm1, wantExpm1, "expm1, floor " + floor);
            assertSameBits(exp, wantExp, "exp, floor " + floor);
            // In place and without exp, as ELU and the coupling's tanh call it.
            float[] inPlace = x.clone();
            VectorKernels.negativeExpm1(inPlace, inPlace, null, floor, N);
            assertSameBits(inPlace, wantExpm1, "expm1 in place, floor " + floor);
        }
    }

    @Test
    void concatEluGivesTheLoopsBits() {
        float[] x = inputs(2, false);
        float[] wantPos = new float[N];
        float[] wantNeg = new float[N];
        EluKernels.concatEluLoops(x, wantPos, wantNeg, new float[N], new float[3][N], N);
        float[] pos = new float[N];
        float[] neg = new float[N];
        VectorKernels.concatElu(x, pos, neg, N);
        assertSameBits(pos, wantPos, "ELU(x)");
        assertSameBits(neg, wantNeg, "ELU(-x)");
        // ELU itself, independently: x above 0, e^x - 1 below (to float precision).
        for (int i = 0; i < N; i++) {
            if (Float.isFinite(x[i])) {
                double want = x[i] > 0 ? x[i] : Math.expm1(x[i]);
                assertThat((double) pos[i]).as("ELU(%s)", x[i]).isCloseTo(want, org.assertj.core.data.Offset.offset(
                        2e-7 * Math.abs(want) + Float.MIN_VALUE));
            }
        }
    }

    @Test
    void gateGivesTheLoopsBits() {
        float[] gate = inputs(3, false);
        float[] val = inputs(4, false);
        float[] y = inputs(5, false);
        for (float[] biases : new float[][] {{0f, 0f}, {0.75f, -1.5f}, {-3f, 40f}}) {
            float[] wantGate = gate.clone();
            float[] wantY = y.clone();
            GateKernels.gateLoops(wantGate, val, wantY, biases[0], biases[1], new float[N], new float[N],
                    new float[3][N], N);
            float[] s = gate.clone();
            float[] out = y.clone();
            VectorKernels.gate(s, val, out, biases[0], biases[1], N);
            assertSameBits(s, wantGate, "sigmoid, biases " + Arrays.toString(biases));
            assertSameBits(out, wantY, "y, biases " + Arrays.toString(biases));
            for (int i = 0; i < N; i++) {
                double g = gate[i] + biases[1]; // float32 sum, as the kernel forms it
                if (Double.isFinite(g)) {
                    double want = 1 / (1 + Math.exp(-g));
                    assertThat((double) s[i]).as("sigmoid(%s)", g)
                            .isCloseTo(want, org.assertj.core.data.Offset.offset(3e-7 * want + 1e-37));
                }
            }
        }
    }

    /**
     * Special values first, then a spread over float32's useful range; {@code nonPositive} keeps
     * {@code x <= 0}, the exponential's domain.
     */
    private static float[] inputs(long seed, boolean nonPositive) {
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, -1e-7f, -0.3465f, -0.3466f, 0.5f,
                -17.99f, -18f, -18.01f, -86.9f, -87f, -87.5f, -200f, 200f, Float.NEGATIVE_INFINITY,
                Float.POSITIVE_INFINITY, Float.NaN, Float.MAX_VALUE, -Float.MAX_VALUE};
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[N];
        for (int i = 0; i < N; i++) {
            float v = i < special.length ? special[i]
                    : (float) (random.nextGaussian() * (i % 3 == 0 ? 1 : i % 3 == 1 ? 10 : 60));
            x[i] = nonPositive ? -Math.abs(v) : v;
        }
        return x;
    }

    private static void assertSameBits(float[] actual, float[] expected, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(Float.floatToIntBits(actual[i])).as("%s at %d: %s against %s", what, i, actual[i], expected[i])
                    .isEqualTo(Float.floatToIntBits(expected[i]));
        }
    }
}
