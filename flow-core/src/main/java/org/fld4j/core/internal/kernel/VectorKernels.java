package org.fld4j.core.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exponential and the two chains built on it (ConcatELU's forward row and the gate's forward row)
 * written with the Vector API, which JDK 17 ships as the incubator module {@code jdk.incubator.vector}.
 * Unlike the auto-vectorised loops of {@link FloatMath}, a vector here can be reinterpreted as integers,
 * so {@code 2^k} is one shift of the exponent bits instead of a loop over the binary digits of
 * {@code k}, and a whole chain is one pass over registers instead of a short loop per step.
 *
 * <p>Every function performs the same float operations in the same order as its scalar counterpart
 * ({@link FloatMath#negativeExpm1}, {@link EluKernels}, {@link GateKernels}; Java never fuses a
 * multiply and an add), so both give the same bits and a result does not depend on whether the module
 * is present. Callers reach this class only when {@link VectorSupport#ENABLED} holds: without the module,
 * loading it fails.
 */
final class VectorKernels {

    private VectorKernels() {
    }

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    // FloatMath's constants: the same polynomial and reduction, so the same bits.
    private static final float LOG2E = FloatMath.LOG2E;
    private static final float LN2_HI = FloatMath.LN2_HI;
    private static final float LN2_LO = FloatMath.LN2_LO;
    /** Adding 1.5 * 2^23 rounds to an integer, which then sits in the low bits of the float's pattern. */
    private static final float ROUND = FloatMath.ROUND;
    private static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);
    private static final int EXPONENT_BIAS = 127;
    private static final int MANTISSA_BITS = 23;

    /** Floats per vector register in the species used (16 with AVX-512, 8 with AVX2). */
    static int lanes() {
        return SPECIES.length();
    }

    /**
     * {@link FloatMath#negativeExpm1}'s contract without its work rows: {@code e^x - 1} for {@code x <= 0}
     * into {@code expm1} (which may be {@code x}) and {@code e^x} into {@code exp} unless it is null,
     * values below {@code floor} clamped there (the caller has checked {@code floor}).
     */
    static void negativeExpm1(float[] x, float[] expm1, float[] exp, float floor, int n) {
        int step = SPECIES.length();
        int bound = SPECIES.loopBound(n);
        int j = 0;
        for (; j < bound; j += step) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, j).max(floor);
            FloatVector k = v.mul(LOG2E).add(ROUND);
            FloatVector power = twoToThe(k);
            FloatVector q = expm1Polynomial(v, k);
            FloatVector scaled = power.mul(q);
            if (exp != null) {
                scaled.add(power).intoArray(exp, j);
            }
            scaled.add(power.sub(1f)).intoArray(expm1, j);
        }
        for (; j < n; j++) {
            float v = Math.max(x[j], floor);
            float k = v * LOG2E + ROUND;
            float power = twoToThe(k);
            float q = expm1Polynomial(v, k);
            if (exp != null) {
                exp[j] = power * q + power;
            }
            expm1[j] = power * q + (power - 1f);
        }
    }

    /**
     * One row of ConcatELU's forward pass, as {@link EluKernels#forward(org.nd4j.linalg.api.ndarray.INDArray,
     * org.nd4j.linalg.api.ndarray.INDArray)} computes it: {@code m = expm1(-|x|)} (clamped at
     * {@link FloatMath#EXPM1_FLOOR}), {@code pos = max(x, m)}, {@code neg = max(-x, m)}.
     */
    static void concatElu(float[] row, float[] pos, float[] neg, int n) {
        int step = SPECIES.length();
        int bound = SPECIES.loopBound(n);
        int j = 0;
        for (; j < bound; j += step) {
            FloatVector x = FloatVector.fromArray(SPECIES, row, j);
            FloatVector v = x.abs().neg().max(FloatMath.EXPM1_FLOOR);
            FloatVector k = v.mul(LOG2E).add(ROUND);
            FloatVector power = twoToThe(k);
            FloatVector m = power.mul(expm1Polynomial(v, k)).add(power.sub(1f));
            x.max(m).intoArray(pos, j);
            x.neg().max(m).intoArray(neg, j);
        }
        for (; j < n; j++) {
            float x = row[j];
            float v = Math.max(-Math.abs(x), FloatMath.EXPM1_FLOOR);
            float k = v * LOG2E + ROUND;
            float power = twoToThe(k);
            float m = power * expm1Polynomial(v, k) + (power - 1f);
            pos[j] = Math.max(x, m);
            neg[j] = Math.max(-x, m);
        }
    }

    /**
     * One row of the gate's forward pass, as {@link GateKernels#forward(org.nd4j.linalg.api.ndarray.INDArray,
     * org.nd4j.linalg.api.ndarray.INDArray, org.nd4j.linalg.api.ndarray.INDArray, org.nd4j.linalg.api.ndarray.INDArray,
     * org.nd4j.linalg.api.ndarray.INDArray, org.nd4j.linalg.api.ndarray.INDArray)} computes it: {@code gate}
     * becomes {@code s = sigmoid(gate + gateBias)} and {@code y += (val + valBias) s}.
     */
    static void gate(float[] gate, float[] val, float[] y, float valBias, float gateBias, int n) {
        int step = SPECIES.length();
        int bound = SPECIES.loopBound(n);
        int j = 0;
        for (; j < bound; j += step) {
            FloatVector g = FloatVector.fromArray(SPECIES, gate, j).add(gateBias);
            FloatVector v = g.abs().neg().max(FloatMath.EXP_FLOOR);
            FloatVector k = v.mul(LOG2E).add(ROUND);
            FloatVector power = twoToThe(k);
            FloatVector e = power.mul(expm1Polynomial(v, k)).add(power);
            FloatVector numerator = e.add(g.mul(0x1p100f).max(0f)).min(1f);
            FloatVector s = numerator.div(e.add(1f));
            s.intoArray(gate, j);
            FloatVector.fromArray(SPECIES, y, j)
                    .add(FloatVector.fromArray(SPECIES, val, j).add(valBias).mul(s)).intoArray(y, j);
        }
        for (; j < n; j++) {
            float g = gate[j] + gateBias;
            float v = Math.max(-Math.abs(g), FloatMath.EXP_FLOOR);
            float k = v * LOG2E + ROUND;
            float power = twoToThe(k);
            float e = power * expm1Polynomial(v, k) + power;
            float s = Math.min(1f, e + Math.max(g * 0x1p100f, 0f)) / (1f + e);
            gate[j] = s;
            y[j] += (val[j] + valBias) * s;
        }
    }

    /** {@code 2^k} for {@code k = rounded - ROUND}, an integer in [-126, 0], from the pattern of {@code rounded}. */
    private static FloatVector twoToThe(FloatVector rounded) {
        IntVector bits = rounded.reinterpretAsInts();
        return bits.add(EXPONENT_BIAS - ROUND_BITS).lanewise(VectorOperators.LSHL, MANTISSA_BITS).reinterpretAsFloats();
    }

    private static float twoToThe(float rounded) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(rounded) + EXPONENT_BIAS - ROUND_BITS) << MANTISSA_BITS);
    }

    /**
     * {@code expm1(r)} to degree 7 for {@code r = v - k ln2}, with {@code k ln2} in two parts (Cody and
     * Waite), as {@link FloatMath} forms it from {@code t = -k = ROUND - rounded}.
     */
    private static FloatVector expm1Polynomial(FloatVector v, FloatVector rounded) {
        FloatVector t = rounded.neg().add(ROUND);
        FloatVector r = v.add(t.mul(LN2_HI)).add(t.mul(LN2_LO));
        return r.mul(1f / 5040).add(1f / 720).mul(r).add(1f / 120).mul(r).add(1f / 24).mul(r)
                .add(1f / 6).mul(r).add(0.5f).mul(r).add(1f).mul(r);
    }

    private static float expm1Polynomial(float v, float rounded) {
        float t = ROUND - rounded;
        float r = (v + t * LN2_HI) + t * LN2_LO;
        return r * (1f + r * (0.5f + r * (1f / 6 + r * (1f / 24 + r * (1f / 120 + r * (1f / 720 + r * (1f / 5040)))))));
    }
}
