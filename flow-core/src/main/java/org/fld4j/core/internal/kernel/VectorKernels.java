package org.fld4j.core.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exponential and the two chains built on it (ConcatELU's forward row and the gate's forward row, each also
 * over pixel-major chunks), and LayerNorm's last step over pixel-major chunks, written with the Vector API, which
 * JDK 17 ships as the incubator module {@code jdk.incubator.vector}.
 * Unlike the auto-vectorised loops of {@link FloatMath}, a vector here can be reinterpreted as integers,
 * so {@code 2^k} is one shift of the exponent bits instead of a loop over the binary digits of
 * {@code k}, and a whole chain is one pass over registers instead of a short loop per step.
 *
 * <p>Every function performs the same float operations in the same order as its scalar counterpart
 * ({@link FloatMath#negativeExpm1}, {@link EluKernels}, {@link GateKernels}, {@link LayerNormKernels}; Java never
 * fuses a multiply and an add), so both give the same bits and a result does not depend on whether the module is
 * present. Callers reach this class only when {@link VectorSupport#ENABLED} holds: without the module,
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
            FloatVector m = eluOfMinusAbs(x);
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
            FloatVector s = sigmoid(FloatVector.fromArray(SPECIES, gate, j).add(gateBias));
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

    /**
     * ConcatELU of {@code n} pixel-major pixels of {@code c} channels ({@code c} a multiple of {@link #lanes()}):
     * pixel q of {@code out} is {@code [ELU(x_q), ELU(-x_q)]}, {@code 2c} values, each computed as
     * {@link #concatElu} computes it. One loop over the input's vectors, as in {@link #concatElu}: written as a loop
     * over pixels around a loop over channels, C2 (JDK 17) at times left the vector operations as calls for a whole run.
     */
    static void concatEluPixels(float[] x, float[] out, int n, int c) {
        int step = SPECIES.length();
        int values = n * c;
        // x[j] is channel k of pixel q; its two outputs are out[j + shift] and out[j + shift + c], shift = q c.
        int k = 0;
        int shift = 0;
        for (int j = 0; j < values; j += step) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, x, j);
            FloatVector m = eluOfMinusAbs(v0);
            v0.max(m).intoArray(out, j + shift);
            v0.neg().max(m).intoArray(out, j + shift + c);
            k += step;
            if (k == c) {
                k = 0;
                shift += c;
            }
        }
    }

    /**
     * The gate of {@code n} pixel-major pixels of {@code c} channels ({@code c} a multiple of {@link #lanes()}):
     * pixel q's values start at {@code vals[valBase + q valStride]}, its gates at {@code gates[gateBase + q
     * gateStride]}, {@code biases} holds the values' c biases then the gates'; writes {@code sigmoid = s =
     * sigmoid(gate + bias)} and {@code y += (val + bias) s}, each as {@link #gate} computes it. One loop, as in
     * {@link #concatEluPixels}.
     */
    static void gatePixels(float[] vals, int valBase, int valStride, float[] gates, int gateBase, int gateStride,
                           float[] biases, float[] y, float[] sigmoid, int n, int c) {
        int step = SPECIES.length();
        int values = n * c;
        // y[j] is channel k of pixel q; its value is vals[j + valShift], its gate gates[j + gateShift].
        int k = 0;
        int valShift = valBase;
        int gateShift = gateBase;
        for (int j = 0; j < values; j += step) {
            FloatVector sg = sigmoid(FloatVector.fromArray(SPECIES, gates, j + gateShift)
                    .add(FloatVector.fromArray(SPECIES, biases, c + k)));
            sg.intoArray(sigmoid, j);
            FloatVector value = FloatVector.fromArray(SPECIES, vals, j + valShift)
                    .add(FloatVector.fromArray(SPECIES, biases, k));
            FloatVector.fromArray(SPECIES, y, j).add(value.mul(sg)).intoArray(y, j);
            k += step;
            if (k == c) {
                k = 0;
                valShift += valStride - c;
                gateShift += gateStride - c;
            }
        }
    }

    /**
     * LayerNorm's last step on {@code n} pixel-major pixels of {@code c} channels ({@code c} a multiple of
     * {@link #lanes()}): {@code xs = (xs - mean) scale} and {@code ys = xs gamma + beta}, with each pixel's
     * {@code mean} and {@code scale}, as {@link LayerNormKernels#layerNormPixels}' loops compute them. One loop, as in
     * {@link #concatEluPixels}.
     */
    static void normalizePixels(float[] xs, float[] ys, float[] mean, float[] scale, float[] gammas, float[] betas,
                                int n, int c) {
        int step = SPECIES.length();
        int values = n * c;
        int k = 0;
        int q = 0;
        for (int j = 0; j < values; j += step) {
            FloatVector normal = FloatVector.fromArray(SPECIES, xs, j).sub(mean[q]).mul(scale[q]);
            normal.intoArray(xs, j);
            normal.mul(FloatVector.fromArray(SPECIES, gammas, k)).add(FloatVector.fromArray(SPECIES, betas, k))
                    .intoArray(ys, j);
            k += step;
            if (k == c) {
                k = 0;
                q++;
            }
        }
    }

    /**
     * {@code m = expm1(-|x|)} clamped at {@link FloatMath#EXPM1_FLOOR}: ELU(x) is {@code max(x, m)} and ELU(-x)
     * {@code max(-x, m)}.
     */
    private static FloatVector eluOfMinusAbs(FloatVector x) {
        FloatVector v = x.abs().neg().max(FloatMath.EXPM1_FLOOR);
        FloatVector rounded = v.mul(LOG2E).add(ROUND);
        FloatVector power = twoToThe(rounded);
        return power.mul(expm1Polynomial(v, rounded)).add(power.sub(1f));
    }

    /**
     * {@code sigmoid(g)}: {@code 1 / (1 + e)} for {@code g > 0}, {@code e / (1 + e)} otherwise, {@code e = exp(-|g|)}
     * clamped at {@link FloatMath#EXP_FLOOR} (as {@link GateKernels}' loops compute it).
     */
    private static FloatVector sigmoid(FloatVector g) {
        FloatVector v = g.abs().neg().max(FloatMath.EXP_FLOOR);
        FloatVector rounded = v.mul(LOG2E).add(ROUND);
        FloatVector power = twoToThe(rounded);
        FloatVector e = power.mul(expm1Polynomial(v, rounded)).add(power);
        FloatVector numerator = e.add(g.mul(0x1p100f).max(0f)).min(1f);
        return numerator.div(e.add(1f));
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
